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

export function growthVerdict(factor: number): 'linear' | 'worse than linear' | 'better than linear' {
  if (factor > 1.5) return 'worse than linear';
  if (factor < 1 / 1.5) return 'better than linear';
  return 'linear';
}

/** Temporal's defaults: the server warns at 10,240 events or 10 MiB of history, and refuses at 51,200 or 50 MiB. */
export const HISTORY_WARN = { events: 10_240, bytes: 10 * 2 ** 20 };

/**
 * Fits events = a·steps + b and bytes = c·steps² + d·steps + e through three measured runs, and
 * returns the first step count at which either reaches the server's warning level: where a long
 * agent run should continue-as-new.
 */
export function stepsUntilHistoryWarning(runs: ReadonlyArray<{ steps: number; events: number; bytes: number }>): number {
  if (runs.length < 3) throw new Error('needs three runs of different lengths');
  const [p, q, r] = [...runs].sort((a, b) => a.steps - b.steps) as [typeof runs[0], typeof runs[0], typeof runs[0]];
  const eventsPerStep = (r.events - p.events) / (r.steps - p.steps);
  // Quadratic through three points (Lagrange form), for bytes: the transcript is resent every step.
  const bytesAt = (x: number) =>
    (p.bytes * (x - q.steps) * (x - r.steps)) / ((p.steps - q.steps) * (p.steps - r.steps)) +
    (q.bytes * (x - p.steps) * (x - r.steps)) / ((q.steps - p.steps) * (q.steps - r.steps)) +
    (r.bytes * (x - p.steps) * (x - q.steps)) / ((r.steps - p.steps) * (r.steps - q.steps));
  for (let steps = 1; steps < 1_000_000; steps += 1) {
    const events = p.events + eventsPerStep * (steps - p.steps);
    if (events >= HISTORY_WARN.events || bytesAt(steps) >= HISTORY_WARN.bytes) return steps;
  }
  return Number.POSITIVE_INFINITY;
}
