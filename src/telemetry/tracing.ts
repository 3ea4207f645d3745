import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import { ConfigError } from '../config';
import type { ModelCallObserver } from './model-call';

/** Everything that traces one process: its interceptors, the workflow modules to bundle, its model spans. */
export interface Tracing {
  readonly serviceName: string;
  /** For the client: a span for each start, signal, query and update, carried to the workflow in headers. */
  readonly workflowClientInterceptors: WorkflowClientInterceptor[];
  /** For the worker: a span for each activity, and the sink the workflows' spans leave the sandbox through. */
  readonly workerOptions: Required<Pick<WorkerOptions, 'interceptors' | 'sinks'>>;
  /** Bundled with the workflows: spans for each workflow run, activity, child workflow, signal and update. */
  readonly workflowInterceptorModules: string[];
  /** A span for each model call, under its activity's span. */
  readonly modelCalls: ModelCallObserver;
  /** Runs `fn` inside a new span: the root of a client command's trace. */
  inSpan<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Sends the spans still buffered. */
  flush(): Promise<void>;
  /** Sends the spans still buffered and stops tracing; call before the process exits. */
  shutdown(): Promise<void>;
}

/**
 * Where spans go (OTLP over HTTP), from the standard OpenTelemetry variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
 * as it is, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. Undefined (tracing off) when neither is set,
 * or when OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none say so.
 */
export function tracesUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || env.OTEL_TRACES_EXPORTER?.trim() === 'none') return undefined;
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return checkedUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', traces);
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${checkedUrl('OTEL_EXPORTER_OTLP_ENDPOINT', base).replace(/\/+$/, '')}/v1/traces` : undefined;
}

function checkedUrl(name: string, value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new ConfigError(`${name} must be an http(s) URL such as http://localhost:4318, got ${JSON.stringify(value)}`);
  }
  return value;
}

let started: Promise<Tracing> | undefined;

/**
 * Starts tracing for this process when an OTLP endpoint is configured; undefined when not, having
 * loaded no OpenTelemetry module at all (tracing off costs nothing). OpenTelemetry's provider is
 * process-global, so the first call installs it and later calls return the same Tracing. The
 * service is OTEL_SERVICE_NAME, else switchboard-<role>.
 */
export async function startTracing(role: 'client' | 'worker', env: NodeJS.ProcessEnv = process.env): Promise<Tracing | undefined> {
  if (started) return started;
  const url = tracesUrl(env);
  if (!url) return undefined;
  started = import('./otel-sdk').then(({ installTracing }) => installTracing(env.OTEL_SERVICE_NAME?.trim() || `switchboard-${role}`, url));
  return started;
}
