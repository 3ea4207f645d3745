import { Command } from 'commander';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { withClient } from '../../src/clients/context';
import { loadSettings } from '../../src/config';
import { ensureDemoApproverKey } from '../dev/demo-key';
import { ensureServer } from '../dev/embedded';
import { whereTheRunsAre } from './where-runs-are';
import { installRuntime } from '../../src/runtime';
import { createWorker } from '../../src/worker';

const say = (line = '') => process.stdout.write(`${line}\n`);
const CLI = join(__dirname, '..', '..', 'src', 'cli', 'main.ts');

/**
 * Runs one `npm run client -- …` command as a user would, in its own process (this one runs the
 * worker meanwhile), and resolves with its exit code and what it printed when `capture`.
 */
function client(args: string[], capture = false): Promise<{ code: number; out: string }> {
  say(`$ npm run client -- ${args.map((a) => (/^[\w./:=-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`);
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}
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
  const count = ({ code }: { code: number }) => (failures += code === 0 ? 0 : 1);
  try {
    section('Pattern A: workflow. The model classifies, code routes');
    count(await client(['route', 'Hi, I was charged twice for my subscription this month. Please explain the duplicate invoice.']));

    section('Pattern B: agent. The model picks the next diagnostic tool, within bounds');
    count(await client(['troubleshoot', '--scenario', 'payment-after-deploy']));

    section('Pattern C: hybrid. Code runs the case, a bounded agent investigates, a person approves');
    const opened = await client(
      [
        'case',
        "Our checkout API has returned error 500 since yesterday's deployment.",
        '--customer',
        'Acme Corp',
        '--scenario',
        'payment-after-deploy',
        '--json',
      ],
      true,
    );
    count(opened);
    const { workflowId, uiUrl, status } = (opened.code === 0 ? JSON.parse(opened.out) : {}) as {
      workflowId?: string;
      uiUrl?: string;
      status?: { stage: string; pendingApproval?: { action: string; impact: string; reasons: string[] } };
    };
    const pending = status?.pendingApproval;
    if (workflowId && pending) {
      say(`Case ${workflowId} waits for a person to approve ${pending.action} (${pending.impact} impact): ${pending.reasons.join('; ')}`);
      say(`UI: ${uiUrl}`);
      say();
      if (interactive) {
        say('Decide it in another terminal (Ctrl-C to leave it waiting):');
        say(`  npm run client -- approve ${workflowId} --by <name> [--comment "..."]`);
        say(`  npm run client -- reject ${workflowId} --by <name> --reason "..."`);
        say(`  npm run client -- escalate ${workflowId} --by <name> --reason "..." [--team "..."]`);
        await withClient((ctx) => ctx.client.workflow.getHandle(workflowId).result());
        say(`The case is closed: npm run client -- status ${workflowId}`);
      } else {
        const approver = settings.APPROVERS[0]!.name;
        say(`Approving as ${approver}, signed with their key (npm run demo -- --interactive to decide yourself):`);
        count(await client(['approve', workflowId, '--by', approver, '--comment', 'approved by npm run demo']));
      }
    } else if (workflowId) {
      say(`Case ${workflowId} closed without waiting for a person (stage ${status?.stage}). UI: ${uiUrl}`);
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
