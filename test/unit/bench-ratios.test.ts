import { growthFactor, growthVerdict, overheadRatio, stepsUntilHistoryWarning, throughput, HISTORY_WARN } from '../../tools/bench/ratios';

describe('bench ratios', () => {
  it('overhead is engine p50 over direct p50, and refuses a zero baseline', () => {
    expect(overheadRatio(230, 200)).toBeCloseTo(1.15);
    expect(() => overheadRatio(1, 0)).toThrow(/above 0/);
  });

  it('throughput is items per second', () => {
    expect(throughput(2000, 8000)).toBe(250);
    expect(() => throughput(1, 0)).toThrow(/above 0/);
  });

  it('tells linear growth from worse', () => {
    const linear = [{ size: 100, value: 10 }, { size: 1000, value: 101 }, { size: 5000, value: 520 }];
    expect(growthFactor(linear)).toBeCloseTo(1.04);
    expect(growthVerdict(growthFactor(linear))).toBe('linear');
    const quadratic = [{ size: 5, value: 25 }, { size: 50, value: 2500 }, { size: 20, value: 400 }];
    expect(growthFactor(quadratic)).toBeCloseTo(10);
    expect(growthVerdict(10)).toBe('worse than linear');
    expect(growthVerdict(0.5)).toBe('better than linear');
  });

  it('finds the step count where history reaches the warning level', () => {
    // 10 events a step and tiny payloads: the event count decides.
    expect(stepsUntilHistoryWarning([{ steps: 5, events: 52, bytes: 1e3 }, { steps: 20, events: 202, bytes: 4e3 }, { steps: 50, events: 502, bytes: 1e4 }])).toBe(
      Math.ceil((HISTORY_WARN.events - 2) / 10),
    );
    // Bytes growing as 1000·steps²: 10 MiB is passed at √(10 MiB / 1000) ≈ 103 steps.
    const sq = (s: number) => ({ steps: s, events: s, bytes: 1000 * s * s });
    expect(stepsUntilHistoryWarning([sq(5), sq(20), sq(50)])).toBe(Math.ceil(Math.sqrt(HISTORY_WARN.bytes / 1000)));
    expect(() => stepsUntilHistoryWarning([sq(5)])).toThrow(/three runs/);
  });
});
