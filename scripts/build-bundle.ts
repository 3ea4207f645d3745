/**
 * Bundles the workflow code once, for workers that should not bundle at start-up (the Docker image):
 * the bundle, and beside it its .traced.js twin with the OpenTelemetry workflow interceptors, which
 * the worker loads when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleWorkflows } from '../src/workflow-bundle';
import { TRACING_WORKFLOW_MODULES, tracedBundlePath } from '../src/telemetry/workflow-modules';

const target = process.argv[2] ?? join(__dirname, '..', 'lib', 'workflow-bundle.js');

async function write(path: string, workflowInterceptorModules: string[]): Promise<void> {
  const { code } = await bundleWorkflows({ workflowInterceptorModules });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  console.log(`workflow bundle written to ${path} (${(code.length / 1024).toFixed(0)} KiB)`);
}

write(target, [])
  .then(() => write(tracedBundlePath(target), TRACING_WORKFLOW_MODULES))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
