import type { Client } from '@temporalio/client';
import type { Settings } from '../config';
import { startTracing, tracesUrl, type Tracing } from './tracing';
import { reportWaitingCasesFor } from './waiting-cases';

/** What a worker process adds to its workers: tracing when configured, the waiting-cases gauge with METRICS_BIND. */
export interface WorkerTelemetry {
  /** For createWorker; undefined when tracing is off. */
  readonly tracing?: Tracing;
  /** One line for a start banner: where spans go, or how to send them. */
  readonly summary: string;
  /** Starts the waiting-cases gauge when METRICS_BIND is set (the client is made only then). */
  countWaitingCases(client: () => Promise<Client>): Promise<void>;
  /** Stops the gauge and sends the spans still batched; call when the workers have stopped. */
  stop(): Promise<void>;
}

/** Starts a worker process's telemetry: call before createWorker, which takes `tracing`. */
export async function startWorkerTelemetry(settings: Settings): Promise<WorkerTelemetry> {
  const tracing = await startTracing('worker');
  let stopCounting = () => {};
  return {
    tracing,
    summary: tracing ? `to ${tracesUrl()} as ${tracing.serviceName}` : 'off (set OTEL_EXPORTER_OTLP_ENDPOINT to send them)',
    async countWaitingCases(client) {
      if (settings.METRICS_BIND) stopCounting = reportWaitingCasesFor(settings, await client());
    },
    async stop() {
      stopCounting();
      await tracing?.shutdown();
    },
  };
}
