import { join } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { NormalModuleReplacementPlugin } from 'webpack';

const RAISED = join(__dirname, 'raised-limits.ts');

// webpack's build report is noise in the bench's output; its warnings and errors still show.
const quiet = { trace() {}, debug() {}, info() {}, log() {}, warn: console.warn, error: console.error } as never;

/**
 * The product's workflows, bundled with src/domain/limits.ts swapped for raised-limits.ts (the same
 * limits, with room for 200-step agent runs): the code under test is the product's, only the caps move.
 */
export function raisedLimitsBundle(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: require.resolve('../../src/workflows'),
    logger: quiet,
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        new NormalModuleReplacementPlugin(/domain[\\/]limits$/, (resource: { request: string; contextInfo: { issuer: string } }) => {
          if (!resource.contextInfo.issuer.endsWith('raised-limits.ts')) resource.request = RAISED;
        }),
      ],
    }),
  });
}
