import { growthFactor, overheadRatio, throughput } from '../../tools/bench/ratios';

describe('bench ratios', () => {
  it('overhead is engine p50 over direct p50, and refuses a zero baseline', () => {
    expect(overheadRatio(230, 200)).toBeCloseTo(1.15);
    expect(() => overheadRatio(1, 0)).toThrow(/above 0/);
  });

  it('throughput is items per second', () => {
    expect(throughput(2000, 8000)).toBe(250);
    expect(() => throughput(1, 0)).toThrow(/above 0/);
  });

  it('growth: per-item cost at the largest size over the smallest, whatever the order given', () => {
    const linear = [
      { size: 100, value: 10 },
      { size: 1000, value: 101 },
      { size: 5000, value: 520 },
    ];
    expect(growthFactor(linear)).toBeCloseTo(1.04);
    const quadratic = [
      { size: 5, value: 25 },
      { size: 50, value: 2500 },
      { size: 20, value: 400 },
    ];
    expect(growthFactor(quadratic)).toBeCloseTo(10);
  });
});
