import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchReport } from '../../tools/bench/report';
import { benchRows } from '../../tools/bench/rows';
import { tempDir } from '../helpers/files';

describe('the bench report', () => {
  it('is on disk after every section, so a killed run keeps what it measured', () => {
    const file = join(tempDir(), 'reports', 'bench.json');
    const report = new BenchReport(file, { ranAt: 'now' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ranAt: 'now', figures: {}, sections: {} });
    report.section('engine', { floor: 1 }, { cpuVsFloor: 1.05, throughputVsFloor: 0.95 });
    report.section('overhead', { p50: 2 }, { overheadP50VsDirect: 1.3 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      figures: { cpuVsFloor: 1.05, throughputVsFloor: 0.95, overheadP50VsDirect: 1.3 },
      sections: { engine: { floor: 1 }, overhead: { p50: 2 } },
    });
  });

  it('marks each figure against its target, and says which were not measured', () => {
    const rows = benchRows({ cpuVsFloor: 1.05, throughputVsFloor: 0.8, agentStepOverheadMsP50: 41 }, {});
    const row = (label: RegExp) => rows.find((r) => label.test(r[0]!))!;
    expect(row(/routeTicket ÷ no-op floor/)).toEqual([expect.any(String), '1.05', '≤ 1.1 ✓']);
    expect(row(/throughput at concurrency 50/)).toEqual([expect.any(String), '0.80', '≥ 0.9 ✗']);
    expect(row(/agent step/)).toEqual([expect.any(String), '41.0 ms', '≤ 40 ✗']);
    expect(row(/parked case/)).toEqual([expect.any(String), 'not measured', '≤ 500']);
  });

  it("shows the engine's own floor at the model's latency beside Pattern A's", () => {
    const overhead = { engineP50Ms: 255, directP50Ms: 208, floor: { waitP50Ms: 200.4, engineP50Ms: 244.9, ratio: 1.222, allLocalRatio: 1.164 } };
    const rows = benchRows({ overheadP50VsDirect: 1.226 }, { overhead });
    const row = (label: RegExp) => rows.find((r) => label.test(r[0]!))!;
    expect(row(/÷ direct calls/)).toEqual([expect.any(String), '1.23', '≤ 1.2 ✗']);
    expect(row(/floor at the same latency/)[1]).toBe('1.22 (245 ms ÷ 200 ms)');
    expect(row(/that activity local/)[1]).toBe('1.16');
  });
});
