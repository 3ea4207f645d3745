import ms, { type StringValue } from 'ms';

/**
 * A duration in milliseconds from a number of ms or a string such as "4 hours", "30m" or "90s",
 * parsed by the library Temporal itself uses; undefined when it is not a positive duration.
 */
export function durationMs(value: unknown): number | undefined {
  let parsed: number | undefined;
  try {
    parsed = typeof value === 'number' ? value : typeof value === 'string' ? ms(value as StringValue) : undefined;
  } catch {
    return undefined; // ms throws on an empty or over-long string
  }
  return typeof parsed === 'number' && Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}

/** A duration as people say it: "4 hours", "90 seconds". */
export function formatDuration(msValue: number): string {
  return ms(msValue, { long: true });
}
