import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import type { Settings } from './config';
import { METRIC_BUCKETS } from './telemetry/metric-buckets';

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
    logger: new DefaultLogger(settings.LOG_LEVEL, settings.LOG_FORMAT === 'json' ? jsonLine : undefined),
    ...(settings.METRICS_BIND && {
      telemetryOptions: { metrics: { prometheus: { bindAddress: settings.METRICS_BIND, histogramBucketOverrides: METRIC_BUCKETS } } },
    }),
  });
}
