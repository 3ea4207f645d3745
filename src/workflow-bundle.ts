import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

// webpack's build report is noise in an operator's terminal and in test output; its warnings and errors still show.
const quietBundler = { trace() {}, debug() {}, info() {}, log() {}, warn: console.warn, error: console.error } as never;

/**
 * The product's workflows (src/workflows), bundled for a worker or a replay: the one place that
 * names them. `options` adds interceptor modules or a webpack hook (the tests' patch shims, the bench's raised limits).
 */
export function bundleWorkflows(options: Omit<BundleOptions, 'workflowsPath'> = {}): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('./workflows'), logger: quietBundler, ...options });
}
