/**
 * The workflow interceptor module that traces workflows; it goes into the workflow bundle (resolved
 * here, not imported: nothing of OpenTelemetry loads in this process because of it).
 */
export const TRACING_WORKFLOW_MODULES = [require.resolve('./workflow-interceptors')];

/** The traced variant of a pre-built bundle: `npm run build` writes both side by side. */
export function tracedBundlePath(bundlePath: string): string {
  return bundlePath.replace(/(\.js)?$/, '.traced.js');
}
