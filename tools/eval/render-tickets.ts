import { markdownTable, num, pct, textTable } from './format';
import type { TicketScore } from './ticket-metrics';

export type TicketTable = 'overall' | 'perLanguage' | 'perCategory' | 'confusion' | 'confidence';
const TITLES: Record<TicketTable, string> = {
  overall: 'Overall',
  perLanguage: 'Per language',
  perCategory: 'Per category',
  confusion: 'Confusion matrix (categories)',
  confidence: 'Confident vs flagged for review',
};

/** The ticket figures as tables (first row the header): one for each way of slicing the same outcomes. */
export function ticketTables(s: TicketScore): Record<TicketTable, string[][]> {
  const { confident, unconfident, threshold } = s.byConfidence;
  return {
    overall: [
      ['tickets', 'category accuracy', 'macro-F1', 'priority accuracy'],
      [String(s.n), pct(s.accuracy), num(s.macroF1), pct(s.priorityAccuracy)],
    ],
    perLanguage: [
      ['language', 'n', 'category accuracy', 'priority accuracy'],
      ...Object.entries(s.perLanguage).map(([language, l]) => [language, String(l.n), pct(l.accuracy), pct(l.priorityAccuracy)]),
    ],
    perCategory: [
      ['category', 'support', 'precision', 'recall', 'F1'],
      ...Object.entries(s.perCategory).map(([label, c]) => [label, String(c.support), pct(c.precision), pct(c.recall), num(c.f1)]),
    ],
    confusion: [['gold ↓ / predicted →', ...s.confusion.labels], ...s.confusion.labels.map((label, g) => [label, ...s.confusion.matrix[g]!.map(String)])],
    confidence: [
      [`confidence vs ${threshold}`, 'n', 'category accuracy'],
      [`≥ ${threshold} (routed directly)`, String(confident.n), pct(confident.accuracy)],
      [`< ${threshold} (flagged for review)`, String(unconfident.n), pct(unconfident.accuracy)],
      ['expected calibration error (10 bins)', String(confident.n + unconfident.n), num(s.byConfidence.expectedCalibrationError)],
    ],
  };
}

/** All the ticket tables for a terminal. */
export function renderTicketScoreText(s: TicketScore): string {
  return Object.values(ticketTables(s)).map(textTable).join('\n\n');
}

/** The ticket tables as Markdown (all, or those named), each under a heading at `level`. */
export function renderTicketScoreMarkdown(s: TicketScore, level = '###', only: readonly TicketTable[] = Object.keys(TITLES) as TicketTable[]): string {
  const t = ticketTables(s);
  return only.map((k) => `${level} ${TITLES[k]}\n\n${markdownTable(t[k])}`).join('\n\n');
}
