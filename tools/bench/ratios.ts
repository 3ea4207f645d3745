/** The comparisons the bench prints, as plain functions (unit-tested): every ratio from one run. */

/** Temporal's p50 ÷ the direct p50: 1.10 means the engine adds 10 %. */
export function overheadRatio(engineP50: number, directP50: number): number {
  if (!(directP50 > 0)) throw new RangeError('the direct p50 must be above 0');
  return engineP50 / directP50;
}

/** Items per second. */
export function throughput(items: number, elapsedMs: number): number {
  if (!(elapsedMs > 0)) throw new RangeError('elapsed time must be above 0');
  return (items / elapsedMs) * 1000;
}

/**
 * How a cost grows with size: the per-item cost at the largest size ÷ at the smallest. About 1 is
 * linear; clearly above is worse than linear (superlinear).
 */
export function growthFactor(points: ReadonlyArray<{ size: number; value: number }>): number {
  const sorted = [...points].sort((a, b) => a.size - b.size);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  return last.value / last.size / (first.value / first.size);
}

/** Temporal's defaults: the server warns at 10,240 events or 10 MiB of history, and refuses at 51,200 or 50 MiB. */
export const HISTORY_WARN = { events: 10_240, bytes: 10 * 2 ** 20 };
