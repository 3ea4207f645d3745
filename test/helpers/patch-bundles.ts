import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleWorkflows } from '../../src/workflow-bundle';
import { tempDir } from './files';

/**
 * Today's workflow code, bundled with every patch check (Changes in src/workflows/versions.ts)
 * answering as said: `before` is the code as it was before the patched changes (no new steps, no
 * markers), `without` is the changes shipped unguarded. webpack swaps @temporalio/workflow for a
 * shim (test/helpers/patch-shims) that differs from it only in `patched`.
 */
export function bundleWithPatches(answer: 'before' | 'without'): Promise<WorkflowBundleWithSourceMap> {
  const shim = join(__dirname, 'patch-shims', answer === 'before' ? 'before-patches.ts' : 'without-patches.ts');
  return bundleWorkflows({
    webpackConfigHook: (config) => {
      // `$`: only the bare package name; the shim's own import of the package's files goes through.
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), '@temporalio/workflow$': shim } };
      return config;
    },
  });
}

/** The bundle as a file, for a worker process (WORKFLOW_BUNDLE). */
export function bundleFile(bundle: WorkflowBundleWithSourceMap): string {
  const file = join(tempDir('switchboard-bundle-'), 'workflow-bundle.js');
  writeFileSync(file, bundle.code);
  return file;
}
