import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Browser, Page } from 'playwright-core';
import { startDevServer, type DevServer } from '../../tools/dev/dev-server';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { loadSettings } from '../../src/config';
import { loadScenario } from '../../src/scenarios';
import { signalDecision } from '../../src/cli/decisions';
import { untilCaseWaits } from '../../src/cli/until-case-waits';
import { supportCase } from '../../src/workflows';
import { createWorker } from '../../src/worker';
import { describeWithChromium, launchChromium, SHOTS } from '../helpers/browser';
import { freePort } from '../helpers/ports';
import { offlineActivities, tempDir, workflowBundle } from '../helpers/temporal';

describeWithChromium('the Temporal UI shows a finished hybrid case', () => {
  let server: DevServer;
  let browser: Browser;
  let page: Page;
  let ui: string;
  let caseId: string;
  let waitingId: string;
  let client: Client;
  let stopWorker: () => Promise<void>;
  const CASE_INPUT = { ticket: { text: 'Checkout API fails with error 500 since the deployment' }, scenario: loadScenario('payment-after-deploy'), approvers: ['dana'] };

  async function openCase(workflowId: string) {
    const handle = await client.workflow.start(supportCase, { taskQueue: 'ui-test', workflowId, args: [CASE_INPUT], staticSummary: 'Support case: Checkout API fails with error 500' });
    await untilCaseWaits(handle);
    return handle;
  }

  beforeAll(async () => {
    const [port, uiPort] = [await freePort(), await freePort()];
    ui = `http://127.0.0.1:${uiPort}`;
    server = await startDevServer({
      cli: resolveTemporalCli(),
      address: `127.0.0.1:${port}`,
      namespace: 'default',
      uiPort,
      dbFile: join(tempDir(), 'ui-test.sqlite'),
      logFile: join(tempDir(), 'ui-test-server.log'),
      maxLifetimeSeconds: 600,
    });
    const connection = await NativeConnection.connect({ address: `127.0.0.1:${port}` });
    client = new Client({ connection: await Connection.connect({ address: `127.0.0.1:${port}` }) });
    const worker = await createWorker({ settings: loadSettings({}), connection, taskQueue: 'ui-test', activities: offlineActivities(), workflowBundle: await workflowBundle() });
    const running = worker.run();
    stopWorker = async () => {
      worker.shutdown();
      await running;
      await connection.close();
    };
    caseId = `case-ui-${Date.now()}`;
    const handle = await openCase(caseId);
    await signalDecision(handle, { kind: 'approve', by: 'dana', comment: 'rotate it' });
    await handle.result();
    // A second case left waiting: the CaseStatus filter must leave it out.
    waitingId = (await openCase(`case-ui-waiting-${Date.now()}`)).workflowId;
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopWorker?.();
    await server?.stop();
  });

  it('lists the case when the list is filtered by the CaseStatus search attribute, and leaves out a waiting one', async () => {
    const query = encodeURIComponent('CaseStatus="Resolved"');
    await page.goto(`${ui}/namespaces/default/workflows?query=${query}`);
    await page.getByText(caseId).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'cases-filtered-by-status.png'), fullPage: true });
    const listed = await page.locator('body').innerText();
    expect(listed).toContain(caseId);
    expect(listed).not.toContain(waitingId);
  });

  it("shows the case's model decisions, the agent stage and the approval signal in its history", async () => {
    await page.goto(`${ui}/namespaces/default/workflows/${caseId}`);
    await page.getByText('executeAction').first().waitFor({ timeout: 30_000 });
    const text = await page.locator('body').innerText();
    await page.screenshot({ path: join(SHOTS, 'case-history.png'), fullPage: true });
    expect(text).toMatch(/classifyTicket/);
    expect(text).toMatch(/Agent stage of /); // the child workflow running the troubleshoot agent
    // The timeline lists the person's approve signal, then the action it let run, then the notification.
    expect(text).toMatch(/^\s*approve\s*\n\s*executeAction • execute rotate_credentials\s*\n\s*notifyCustomer/m);
  });

  it("shows the agent's tool calls in the child workflow's history", async () => {
    await page.goto(`${ui}/namespaces/default/workflows/${caseId}-agent`);
    await page.getByText('runTool').first().waitFor({ timeout: 30_000 });
    const text = await page.locator('body').innerText();
    await page.screenshot({ path: join(SHOTS, 'agent-history.png'), fullPage: true });
    expect(text).toMatch(/decideNextStep • step 2 · decide/);
    // Each tool call is a local activity, its own step in the timeline; opened, it shows its summary.
    await page.getByText('runTool', { exact: true }).nth(1).click();
    await page.getByText('step 2 · config_check').first().waitFor({ timeout: 30_000 });
    const opened = await page.locator('body').innerText();
    await page.screenshot({ path: join(SHOTS, 'agent-tool-call.png'), fullPage: true });
    expect(opened).toMatch(/Local Activity[\s\S]*Summary\s*step 2 · config_check/);
  });

  it('takes an approval sent from the UI, as an operator would send it', async () => {
    const handle = await openCase(`case-ui-signal-${Date.now()}`);
    await page.goto(`${ui}/namespaces/default/workflows/${handle.workflowId}`);
    await page.getByRole('button', { name: 'More Actions' }).first().click();
    await page.locator('text=Send a Signal >> visible=true').first().click();
    // The UI lists the signals the workflow defines (approve, reject, escalate), read from the worker.
    // The page renders some controls twice (one hidden): act on the visible one.
    await page.locator('[data-testid=signal-select-button] >> visible=true').click();
    await page.locator('[role=option] >> visible=true').filter({ hasText: /^\s*approve\s*$/ }).click();
    // The payload editor is a code editor, not an <input>: type into it.
    await page.locator('.cm-content >> visible=true').first().click();
    await page.keyboard.type('{"by": "dana", "comment": "approved in the Temporal UI"}');
    await page.screenshot({ path: join(SHOTS, 'send-approve-signal.png') });
    await page.locator('[data-testid=confirm-modal-button] >> visible=true').click();
    const result = await handle.result();
    expect(result).toMatchObject({ decision: 'approved', decidedBy: 'dana', reason: 'approved in the Temporal UI' });
  });
});
