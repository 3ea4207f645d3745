import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The figures the performance targets are checked on; each a ratio from one run or a figure at a stated model latency. */
export interface BenchFigures {
  /** routeTicket's CPU a workflow (server + worker + client) ÷ the no-op floor's, same run. Target ≤ 1.10. */
  cpuVsFloor: number;
  /** routeTicket workflows a second ÷ the floor's, same run, concurrency 50. Target ≥ 0.90. */
  throughputVsFloor: number;
  /** routeTicket throughput on the dev server with a SQLite file (as npm start runs it) ÷ in memory. Target ≥ 0.90. */
  embeddedVsMemoryThroughput: number;
  /** Pattern A p50 through Temporal ÷ the same activities called directly, model at 200 ms. Target ≤ 1.20. */
  overheadP50VsDirect: number;
  /** What Temporal adds to an agent step, p50, model at 0 ms. Target ≤ 40 ms. */
  agentStepOverheadMsP50: number;
  /** Worker RSS with the parked cases waiting for approval, default settings. Target ≤ 500 MiB at 1,000 cases. */
  parkedCasesRssMiB: number;
  /** From an approval signal to the case's result, p50, for parked cases (most evicted from the cache). Target ≤ 500 ms. */
  parkedSignalToResultMsP50: number;
  /** History bytes a step at 50 steps ÷ at 5 steps. Target ≤ 1.20. */
  agentHistoryBytesPerStepGrowth: number;
}

/**
 * reports/bench.json, written again after every section: a run that is killed keeps what it
 * measured. Written to a temporary file and renamed, so a reader never sees half a file.
 */
export class BenchReport {
  private readonly data: { figures: Partial<BenchFigures>; sections: Record<string, unknown>; [key: string]: unknown };

  constructor(
    private readonly file: string,
    header: Record<string, unknown>,
  ) {
    this.data = { ...header, figures: {}, sections: {} };
    this.write();
  }

  /** Records a section's raw results and the figures it yields, and writes the file. */
  section(name: string, results: unknown, figures: Partial<BenchFigures>): void {
    this.data.sections[name] = results;
    Object.assign(this.data.figures, figures);
    this.write();
  }

  finish(extra: Record<string, unknown>): void {
    Object.assign(this.data, extra);
    this.write();
  }

  get figures(): Partial<BenchFigures> {
    return this.data.figures;
  }

  get sections(): Record<string, unknown> {
    return this.data.sections;
  }

  private write(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(this.data, null, 2)}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }
}
