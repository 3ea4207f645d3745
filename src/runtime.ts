import { DefaultLogger, Runtime, type LogEntry, type LogLevel, type LogMetadata } from '@temporalio/worker';
import type { Settings } from './config';
import { METRIC_BUCKETS } from './telemetry/metric-buckets';

/** The model worker runs activities only, by design: the SDK's warning about that says nothing. */
const BY_DESIGN = 'No workflows registered, not polling for workflow tasks';

/** The SDK's logger, less the lines that only describe the project's own design. */
export class WorkerLogger extends DefaultLogger {
  override log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (message === BY_DESIGN) return;
    super.log(level, message, meta);
  }
}

/** One JSON object a line: what log collectors read. */
function jsonLine(entry: LogEntry): void {
  const { level, message, meta, timestampNanos } = entry;
  const time = new Date(Number(timestampNanos / 1_000_000n)).toISOString();
  process.stderr.write(`${JSON.stringify({ time, level, message, ...meta })}\n`);
}

/**
 * Installs the Temporal runtime once per process: the log level and format, and Prometheus metrics
 * when METRICS_BIND is set. Must run before any worker or native connection is created.
 */
export function installRuntime(settings: Pick<Settings, 'LOG_LEVEL' | 'LOG_FORMAT' | 'METRICS_BIND'>): void {
  Runtime.install({
    logger: new WorkerLogger(settings.LOG_LEVEL, settings.LOG_FORMAT === 'json' ? jsonLine : undefined),
    ...(settings.METRICS_BIND && {
      telemetryOptions: { metrics: { prometheus: { bindAddress: settings.METRICS_BIND, histogramBucketOverrides: METRIC_BUCKETS } } },
    }),
  });
}

/** The runtime for a tool whose own output tells the story (eval, bench, recording): the worker speaks only at `level` and above. */
export function installQuietRuntime(level: LogLevel = 'WARN'): void {
  Runtime.install({ logger: new WorkerLogger(level) });
}
