import { inspect } from 'node:util';

export interface OutputOptions {
  json?: boolean;
}

/** Prints a result: one JSON object with --json, else the human lines. */
export function printResult(opts: OutputOptions, value: Record<string, unknown>, human: () => string[]): void {
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${human().join('\n')}\n`);
}

/** Prints an error: as {"error": ...} on stdout with --json (scripts read one stream), else on stderr. */
export function printError(opts: OutputOptions, err: Error, details: Record<string, unknown> = {}): void {
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ error: { type: err.name, message: err.message, ...details } }, null, 2)}\n`);
    return;
  }
  process.stderr.write(`error: ${err.message}\n`);
}

/** Two-column "label: value" lines, aligned. */
export function table(rows: Array<[string, unknown]>): string[] {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${typeof v === 'string' ? v : inspect(v, { depth: 3, breakLength: 120 })}`);
}
