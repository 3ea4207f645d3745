/** Bundles the workflow code once, for workers that should not bundle at start-up (the Docker image). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

const target = process.argv[2] ?? join(__dirname, '..', 'lib', 'workflow-bundle.js');

bundleWorkflowCode({ workflowsPath: require.resolve('../src/workflows') })
  .then(({ code }) => {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
    console.log(`workflow bundle written to ${target} (${(code.length / 1024).toFixed(0)} KiB)`);
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
