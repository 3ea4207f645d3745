import { markdownTable, ms, num, pct, textTable } from './format';
import type { CasePath } from '../../src/domain/case';
import type { EvalReport } from './summarize';

const PATHS: readonly CasePath[] = ['workflow', 'agent', 'human'];

/** The headline figures of two runs in two columns: a model's beside another's (the offline one's), the same held-out work. */
export function besideRows(r: EvalReport, other: EvalReport): string[][] {
  const label = (x: EvalReport) => `${x.meta.provider} (${x.meta.models.join(', ') || 'no model answered'})`;
  const rows: Array<[string, (x: EvalReport) => string]> = [
    ['A · tickets', (x) => String(x.workflow.tasks)],
    ['A · category accuracy', (x) => pct(x.workflow.accuracy)],
    ['A · macro-F1', (x) => num(x.workflow.macroF1)],
    ['A · priority accuracy', (x) => pct(x.workflow.priorityAccuracy)],
    ["A · model's answer unusable", (x) => pct(x.workflow.failureRate)],
    ['A · flagged for review', (x) => pct(x.workflow.reviewRate)],
    ['A · time p50', (x) => ms(x.workflow.latencyMs.p50)],
    ['B · task completion', (x) => pct(x.agent.completionRate)],
    ['B · invalid decisions', (x) => pct(x.agent.invalidDecisionRate)],
    ['B · escalation rate', (x) => pct(x.agent.escalationRate)],
    ['C · human approval rate', (x) => pct(x.hybrid.humanApprovalRate)],
    ['C · path: workflow / agent / human', (x) => PATHS.map((p) => pct(x.hybrid.pathShare[p], 0)).join(' / ')],
  ];
  return [['measure', label(r), label(other)], ...rows.map(([name, f]) => [name, f(r), f(other)])];
}

export function renderBesideTerminal(r: EvalReport, other: EvalReport, otherFile: string): string {
  return [`Beside ${otherFile} (${other.meta.startedAt}, tickets ${other.meta.ticketsFile ?? '?'}):`, textTable(besideRows(r, other))].join('\n');
}

export function renderBesideMarkdown(r: EvalReport, other: EvalReport, otherFile: string): string {
  return [
    `## Beside ${otherFile}`,
    '',
    `That run: ${other.meta.startedAt}, tickets ${other.meta.ticketsFile ?? '?'}.`,
    '',
    markdownTable(besideRows(r, other)),
  ].join('\n');
}
