import { join } from 'node:path';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { NormalModuleReplacementPlugin } from 'webpack';
import { bundleWorkflows } from '../../src/workflow-bundle';

const RAISED = join(__dirname, 'raised-limits.ts');

/**
 * The product's workflows, bundled with src/domain/limits.ts swapped for raised-limits.ts (the same
 * limits, with room for 200-step agent runs): the code under test is the product's, only the caps move.
 */
export function raisedLimitsBundle(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflows({
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
