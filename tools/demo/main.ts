import { Command } from 'commander';
import { caseLines } from '../../src/cli/case';
import { runClient } from '../../src/client';
import { withClient } from '../../src/clients/context';
import { openCase } from '../../src/clients/support-case';
import { loadSettings } from '../../src/config';
import { ensureDemoApproverKey } from '../dev/demo-key';
import { ensureServer } from '../dev/embedded';
import { whereTheRunsAre } from './where-runs-are';
import { supportCase } from '../../src/workflows';
import { loadScenario } from '../../src/scenarios';
import { installRuntime } from '../../src/runtime';
import { createWorker } from '../../src/worker';

const say = (line = '') => process.stdout.write(`${line}\n`);
const section = (title: string) => say(`\n=== ${title}\n`);

/**
 * `npm run demo`: one ticket through each pattern on the embedded default, the hybrid case stopping
 * for a person. It says at the end where the runs are kept and which UI shows them.
 */
async function main(): Promise<number> {
  const { interactive } = new Command('demo')
    .description('Run one ticket through each pattern (A workflow, B agent, C hybrid with approval)')
    .option('--interactive', 'let you approve, reject or escalate the hybrid case yourself')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .parse()
    .opts<{ interactive?: boolean }>();
  const settings = loadSettings();
  ensureDemoApproverKey(settings, say);
  // The demo's own output tells the story; the worker speaks up only when something is wrong.
  installRuntime({ ...settings, LOG_LEVEL: 'WARN' });
  const { address, namespace, server, uiUrl: startedUi } = await ensureServer(say);
  const worker = await createWorker({ settings });
  const running = worker.run();
  let failures = 0;
  try {
    section('Pattern A: workflow. The model classifies, code routes');
    failures += await runClient(['route', 'Hi, I was charged twice for my subscription this month. Please explain the duplicate invoice.']);

    section('Pattern B: agent. The model picks the next diagnostic tool, within bounds');
    failures += await runClient(['troubleshoot', '--scenario', 'payment-after-deploy']);

    section('Pattern C: hybrid. Code runs the case, a bounded agent investigates, a person approves');
    const opened = await withClient((ctx) =>
      openCase(ctx, { text: "Our checkout API has returned error 500 since yesterday's deployment.", customer: 'Acme Corp' }, loadScenario('payment-after-deploy'), true),
    );
    caseLines(opened).forEach((line) => say(line));
    if (opened.status?.stage === 'awaiting_approval') {
      say();
      if (interactive) {
        say('Waiting for your decision: run one of the commands above in another terminal (Ctrl-C to leave it waiting).');
        await withClient((ctx) => ctx.client.workflow.getHandle<typeof supportCase>(opened.workflowId).result());
        say(`The case is closed: npm run client -- status ${opened.workflowId}`);
      } else {
        const approver = settings.APPROVERS[0]!.name;
        say(`Approving as ${approver}, as you would with the command above (npm run demo -- --interactive to decide yourself):`);
        failures += await runClient(['approve', opened.workflowId, '--by', approver, '--comment', 'approved by npm run demo']);
      }
    }
  } finally {
    worker.shutdown();
    await running;
    await server?.stop();
  }
  section('Done');
  say(whereTheRunsAre(address, namespace, startedUi));
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
