/** Number formatting shared by the eval and bench reports: NaN shows as a dash, never as "NaN". */
export const pct = (v: number, digits = 1) => (Number.isNaN(v) ? '–' : `${(v * 100).toFixed(digits)} %`);
export const num = (v: number, digits = 2) => (Number.isNaN(v) ? '–' : v.toFixed(digits));
export const ms = (v: number) => (Number.isNaN(v) ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
export const usd = (v: number) => (Number.isNaN(v) ? '–' : v === 0 ? '$0' : `$${v < 0.01 ? v.toPrecision(2) : v.toFixed(4)}`);

/** A plain-text table with aligned columns (first column left, the rest right). */
export function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ');
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('   '), ...rows.slice(1).map(line)].join('\n');
}

/** The same rows as a Markdown table. */
export function markdownTable(rows: string[][]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(rows[0]!), `|${rows[0]!.map((_, c) => (c === 0 ? '---' : '---:')).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
