import type { Pattern } from './run-eval';

const NAMES: Record<Pattern, string> = { A: 'A · workflow', B: 'B · agent', C: 'C · hybrid' };

/**
 * A progress bar on a terminal (redrawn in place); elsewhere (CI logs, pipes) a line at each quarter.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (pattern: Pattern, done: number, total: number) => void {
  let lastQuarter = -1;
  return (pattern, done, total) => {
    const share = total === 0 ? 1 : done / total;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(`\r${NAMES[pattern].padEnd(13)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const quarter = Math.floor(share * 4);
    if (done === 0) lastQuarter = -1;
    if (quarter !== lastQuarter) {
      lastQuarter = quarter;
      stream.write(`${NAMES[pattern]}: ${done}/${total}\n`);
    }
  };
}
