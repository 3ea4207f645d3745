import { loadTickets } from '../../tools/eval/dataset';
import { DEFAULT_PRICES } from '../../src/model/prices';
import { renderMarkdown, renderTerminal } from '../../tools/eval/render';
import { runEval } from '../../tools/eval/run-eval';
import { summarizeEval } from '../../tools/eval/summarize';
import { listScenarios } from '../../src/scenarios';
import { offlineActivities, startWorker, useServerAndFakeModel } from '../helpers/temporal';

// The eval end to end on the suite's server, small: real workflows, then the figures from them.
const t = useServerAndFakeModel();

it('runs tickets and scenarios through all three patterns and reports figures that add up', async () => {
  const tickets = loadTickets().slice(0, 10);
  const scenarios = listScenarios().filter((s) => ['payment-after-deploy', 'login-timeouts-after-deploy', 'no-clear-cause'].includes(s.id));
  const { worker, taskQueue } = await startWorker(t.env, offlineActivities());
  const progress: string[] = [];
  const run = await worker.runUntil(
    runEval({
      client: t.env.client,
      taskQueue,
      tickets,
      scenarios,
      concurrency: 4,
      reviewer: 'eval-reviewer',
      onProgress: (p, done, total) => progress.push(`${p}${done}/${total}`),
    }),
  );
  const report = summarizeEval(run, { provider: 'offline', concurrency: 4, prices: DEFAULT_PRICES, startedAt: new Date(), durationS: 1 });

  expect(progress).toEqual(expect.arrayContaining(['A10/10', 'B3/3', 'C13/13']));
  expect(report.workflow).toMatchObject({ tasks: 10, failureRate: 0, errors: [] });
  expect(report.workflow.accuracy).toBeGreaterThan(0.3);
  const correct = run.routed.filter((r) => !(r.result instanceof Error) && r.result.category === r.ticket.category).length;
  expect(report.workflow.accuracy).toBeCloseTo(correct / 10);
  // The trap scenario starts at a tool with no data and still finds the cause: a recovery.
  expect(report.agent.perScenario.find((s) => s.scenario === 'login-timeouts-after-deploy')).toMatchObject({ hadBadStep: true, completed: true });
  expect(report.agent).toMatchObject({ runs: 3, completionRate: 1, errors: [] });
  const shares = report.hybrid.pathShare;
  expect(shares.workflow + shares.agent + shares.human).toBeCloseTo(1);
  expect(report.hybrid.cases).toBe(13);
  expect(report.hybrid.humanApprovalRate).toBeGreaterThan(0);
  expect(renderTerminal(report)).toMatch(/category accuracy/);
  expect(renderTerminal(report)).toMatch(/no-clear-cause +escalated +escalated +yes/); // per scenario: expected, outcome, completed
  expect(renderMarkdown(report, 'chart.svg')).toMatch(/!\[.*\]\(chart\.svg\)/);
}, 120_000);
