import { barChartSvg } from './chart';
import { markdownTable, ms, num, pct, textTable, usd } from './format';
import { renderTicketScoreMarkdown, ticketTables } from './render-tickets';
import type { EvalReport } from './summarize';

/** The side-by-side comparison: one row per measure, one column per pattern. */
function comparisonRows(r: EvalReport): string[][] {
  const { workflow: a, agent: b, hybrid: c } = r;
  const dash = '–';
  return [
    ['measure', 'A · workflow', 'B · agent', 'C · hybrid'],
    ['tasks', String(a.tasks), String(b.runs), String(c.cases)],
    ['category accuracy', pct(a.accuracy), dash, dash],
    ['macro-F1', num(a.macroF1), dash, dash],
    ['priority accuracy', pct(a.priorityAccuracy), dash, dash],
    ['flagged for review', pct(a.reviewRate), dash, dash],
    ['failure rate', pct(a.failureRate), pct(b.failureRate), pct(c.failureRate)],
    ['time p50', ms(a.latencyMs.p50), ms(b.latencyMs.p50), ms(c.latencyMs.p50)],
    ['time p95', ms(a.latencyMs.p95), ms(b.latencyMs.p95), ms(c.latencyMs.p95)],
    ['tokens per task', num(a.tokensPerTask, 0), num(b.tokensPerTask, 0), num(c.tokensPerTask, 0)],
    ['cost per task', usd(a.costPerTaskUsd), usd(b.costPerTaskUsd), usd(c.costPerTaskUsd)],
    ['task completion', dash, pct(b.completionRate), dash],
    ['steps per task', dash, num(b.stepsPerTask, 1), dash],
    ['tool efficiency', dash, pct(b.toolEfficiency), dash],
    ['invalid decisions', dash, pct(b.invalidDecisionRate), dash],
    [`recovery after a bad step (n=${b.runsWithBadStep})`, dash, pct(b.recoveryRate), dash],
    ['escalation rate', dash, pct(b.escalationRate), dash],
    ['path: workflow / agent / human', dash, dash, `${pct(c.pathShare.workflow, 0)} / ${pct(c.pathShare.agent, 0)} / ${pct(c.pathShare.human, 0)}`],
    ['human approval rate', dash, dash, pct(c.humanApprovalRate)],
  ];
}

function perClassRows(r: EvalReport): string[][] {
  return [
    ['category', 'support', 'precision', 'recall', 'F1'],
    ...Object.entries(r.workflow.perClass).map(([label, s]) => [label, String(s.support), pct(s.precision), pct(s.recall), num(s.f1)]),
  ];
}

function byTagRows(r: EvalReport): string[][] {
  return [['tickets tagged', 'n', 'accuracy'], ...Object.entries(r.workflow.accuracyByTag).map(([tag, s]) => [tag, String(s.n), pct(s.accuracy)])];
}

function scenarioRows(r: EvalReport): string[][] {
  return [
    ['scenario', 'expected', 'outcome', 'completed', 'steps', 'useful / tool calls', 'invalid decisions'],
    ...r.agent.perScenario.map((s) => [
      s.scenario,
      s.expected,
      s.outcome,
      s.completed ? 'yes' : 'no',
      String(s.steps),
      `${s.usefulCalls} / ${s.toolCalls}`,
      String(s.invalidDecisions),
    ]),
  ];
}

const describeRun = (r: EvalReport) =>
  `${r.meta.ticketsFile ? `tickets ${r.meta.ticketsFile}, ` : ''}provider ${r.meta.provider} (${r.meta.models.join(', ') || 'no model answered'}), concurrency ${r.meta.concurrency}, ${r.meta.durationS.toFixed(0)} s on ${r.meta.machine.cores} × ${r.meta.machine.cpu}, ${r.meta.machine.memoryGiB} GiB, Node ${r.meta.machine.node}, ${r.meta.startedAt}`;

function crossValidationLine(cv: NonNullable<EvalReport['crossValidation']>): string {
  const s = cv.score;
  return `${cv.folds}-fold cross-validation on ${cv.file} (${s.n} tickets, for choosing settings): category ${pct(s.accuracy)}, macro-F1 ${num(s.macroF1)}, priority ${pct(s.priorityAccuracy)}`;
}

export function renderTerminal(r: EvalReport): string {
  const errors = [...r.workflow.errors, ...r.agent.errors, ...r.hybrid.errors];
  return [
    describeRun(r),
    '',
    textTable(comparisonRows(r)),
    '',
    textTable(perClassRows(r)),
    '',
    ...(['perLanguage', 'confusion', 'confidence'] as const).flatMap((k) => [textTable(ticketTables(r.workflow.tickets)[k]), '']),
    ...(r.crossValidation ? [crossValidationLine(r.crossValidation), ''] : []),
    textTable(scenarioRows(r)),
    ...(errors.length ? ['', `${errors.length} runs failed, first: ${errors[0]}`] : []),
  ].join('\n');
}

export function renderChart(r: EvalReport): string {
  return barChartSvg(`switchboard eval · ${r.meta.provider} · ${r.meta.startedAt.slice(0, 10)}`, [
    {
      title: 'A · workflow: F1 per category',
      bars: [...Object.entries(r.workflow.perClass).map(([label, s]) => ({ label, value: s.f1 })), { label: 'accuracy', value: r.workflow.accuracy }],
    },
    {
      title: 'B · agent',
      bars: [
        { label: 'task completion', value: r.agent.completionRate },
        { label: 'tool efficiency', value: r.agent.toolEfficiency },
        { label: 'recovery', value: r.agent.recoveryRate },
        { label: 'invalid decisions', value: r.agent.invalidDecisionRate },
        { label: 'escalation', value: r.agent.escalationRate },
      ],
    },
    {
      title: 'C · hybrid: where cases went',
      bars: [
        { label: 'workflow (routed)', value: r.hybrid.pathShare.workflow },
        { label: 'agent (acted)', value: r.hybrid.pathShare.agent },
        { label: 'a person', value: r.hybrid.pathShare.human },
        { label: 'person approved', value: r.hybrid.humanApprovalRate },
      ],
    },
  ]);
}

export function renderMarkdown(r: EvalReport, chartFile: string): string {
  return [
    '# Eval: workflow vs agent vs hybrid',
    '',
    `${describeRun(r)}. Made by \`npm run eval\`.`,
    '',
    `![The three patterns at a glance](${chartFile})`,
    '',
    '## Side by side',
    '',
    markdownTable(comparisonRows(r)),
    '',
    "Time is from start to result as the client sees it; for Pattern C it includes the simulated reviewer, who knows each scenario's answer (approves a recommendation that names the expected cause, rejects one that does not, escalates when there is nothing to act on).",
    '',
    '## Pattern A per category',
    '',
    markdownTable(perClassRows(r)),
    '',
    '## Pattern A per language, confusion matrix, confidence',
    '',
    renderTicketScoreMarkdown(r.workflow.tickets, '###', ['perLanguage', 'confusion', 'confidence']),
    '',
    ...(r.crossValidation
      ? [
          `## The offline classifier, ${r.crossValidation.folds}-fold cross-validation on ${r.crossValidation.file}`,
          '',
          'Measured in process on the training tickets (each scored by a model trained on the other folds): what settings are chosen on. The figures above, on tickets it never trained on, are the ones to quote.',
          '',
          renderTicketScoreMarkdown(r.crossValidation.score, '###'),
          '',
        ]
      : []),
    '## Pattern A by kind of ticket',
    '',
    markdownTable(byTagRows(r)),
    '',
    '## Pattern B per scenario',
    '',
    markdownTable(scenarioRows(r)),
    '',
  ].join('\n');
}
