import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Browser, Page } from 'playwright-core';
import { decisionPayload, signalDecision, untilCaseWaits } from '../../src/clients/support-case';
import { dataConverterFromSettings } from '../../src/codec';
import { startCodecServerFromSettings } from '../../src/codec/main';
import type { CodecServer } from '../../src/codec/server';
import { loadSettings } from '../../src/config';
import { loadScenario } from '../../src/scenarios';
import { createWorker } from '../../src/worker';
import { routeTicket, supportCase } from '../../src/workflows';
import { freePort } from '../../tools/dev/ports';
import { launchChromium, SHOTS } from './browser';
import { historyText } from './history';
import { offlineActivities, uniqueId, workflowBundle } from './temporal';
import { approversWithKeys } from '../../tools/approvers';

/** A Temporal server and the Web UI that serves it, for the browser checks. */
export interface UiTarget {
  address: string;
  namespace: string;
  uiUrl: string;
  /** Stops what was started for the checks (nothing for a shared server). */
  stop(): Promise<void>;
}

type Describe = (name: string, fn: () => void) => void;

/**
 * The browser checks of a finished hybrid case in the Temporal UI, against whichever server and UI
 * `target` starts (the dev server's UI in test/e2e, ui-server on PostgreSQL in test/postgres).
 * Screenshots are named after `shots`.
 */
export function describeHybridCaseInUi(describe: Describe, name: string, shots: string, target: () => Promise<UiTarget>): void {
  describe(name, () => {
    let t: UiTarget;
    let browser: Browser;
    let page: Page;
    let caseId: string;
    let waitingId: string;
    let client: Client;
    let stopWorker: () => Promise<void>;
    const taskQueue = uniqueId('ui-test');
    const dana = approversWithKeys(['dana']);
    const CASE_INPUT = {
      ticket: { text: 'Checkout API fails with error 500 since the deployment' },
      scenario: loadScenario('payment-after-deploy'),
      ...dana.pinned,
    };
    const shot = (file: string) => join(SHOTS, `${shots}-${file}`);
    const workflowPage = (id: string) => `${t.uiUrl}/namespaces/${t.namespace}/workflows/${id}`;

    async function openCase(workflowId: string) {
      const handle = await client.workflow.start(supportCase, {
        taskQueue,
        workflowId,
        args: [CASE_INPUT],
        staticSummary: 'Support case: Checkout API fails with error 500',
      });
      await untilCaseWaits(handle);
      return handle;
    }

    beforeAll(async () => {
      t = await target();
      const connection = await NativeConnection.connect({ address: t.address });
      const clientConnection = await Connection.connect({ address: t.address });
      client = new Client({ connection: clientConnection, namespace: t.namespace });
      const worker = await createWorker({
        settings: loadSettings({}),
        connection,
        namespace: t.namespace,
        taskQueue,
        activities: offlineActivities(),
        workflowBundle: await workflowBundle(),
      });
      const running = worker.run();
      stopWorker = async () => {
        worker.shutdown();
        await running;
        await connection.close();
        await clientConnection.close();
      };
      caseId = uniqueId('case-ui');
      const handle = await openCase(caseId);
      await signalDecision(handle, { kind: 'approve', by: 'dana', comment: 'rotate it' }, dana.as('dana'));
      await handle.result();
      // A second case left waiting: the CaseStatus filter must leave it out.
      waitingId = (await openCase(uniqueId('case-ui-waiting'))).workflowId;
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await stopWorker?.();
      await t?.stop();
    });

    it('lists the case when the list is filtered by the CaseStatus search attribute, and leaves out a waiting one', async () => {
      // Narrowed to this file's cases: a shared server holds other tests' runs too.
      const query = encodeURIComponent(`CaseStatus="Resolved" AND TaskQueue="${taskQueue}"`);
      await page.goto(`${t.uiUrl}/namespaces/${t.namespace}/workflows?query=${query}`);
      await page.getByText(caseId).first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: shot('cases-filtered-by-status.png'), fullPage: true });
      const listed = await page.locator('body').innerText();
      expect(listed).toContain(caseId);
      expect(listed).not.toContain(waitingId);
    });

    it("shows the case's model decisions, the agent stage and the approval signal in its history", async () => {
      await page.goto(workflowPage(caseId));
      await page.getByText('executeAction').first().waitFor({ timeout: 30_000 });
      const text = await page.locator('body').innerText();
      await page.screenshot({ path: shot('case-history.png'), fullPage: true });
      expect(text).toMatch(/classifyTicket/);
      expect(text).toMatch(/Agent stage of /); // the child workflow running the troubleshoot agent
      // The customer hears of the wait; then the person's approve signal, the action it let run, and the closing notification.
      expect(text).toMatch(/notifyCustomer • tell customer it waits/);
      expect(text).toMatch(/^\s*approve\s*\n\s*executeAction • execute update_configuration on PAYMENT_API_KEY\s*\n\s*notifyCustomer/m);
    });

    it("shows the agent's tool calls in the child workflow's history", async () => {
      await page.goto(workflowPage(`${caseId}-agent`));
      await page.getByText('runTool').first().waitFor({ timeout: 30_000 });
      const text = await page.locator('body').innerText();
      await page.screenshot({ path: shot('agent-history.png'), fullPage: true });
      expect(text).toMatch(/decideNextStep • step 2 · decide/);
      // Each tool call is a local activity, its own step in the timeline; opened, it shows its summary.
      await page.getByText('runTool', { exact: true }).nth(1).click();
      await page.getByText('step 2 · config_check').first().waitFor({ timeout: 30_000 });
      const opened = await page.locator('body').innerText();
      await page.screenshot({ path: shot('agent-tool-call.png'), fullPage: true });
      expect(opened).toMatch(/Local Activity[\s\S]*Summary\s*step 2 · config_check/);
    });

    it('takes a signed approval pasted into the UI (what `approve --print` gives), as an operator would send it', async () => {
      const handle = await openCase(uniqueId('case-ui-signal'));
      const signed = await decisionPayload(handle, { kind: 'approve', by: 'dana', comment: 'approved in the Temporal UI' }, dana.as('dana'));
      await page.goto(workflowPage(handle.workflowId));
      await page.getByRole('button', { name: 'More Actions' }).first().click();
      await page.locator('text=Send a Signal >> visible=true').first().click();
      // The UI lists the signals the workflow defines (approve, reject, escalate), read from the worker.
      // The page renders some controls twice (one hidden): act on the visible one.
      await page.locator('[data-testid=signal-select-button] >> visible=true').click();
      await page
        .locator('[role=option] >> visible=true')
        .filter({ hasText: /^\s*approve\s*$/ })
        .click();
      // The payload editor is a code editor, not an <input>: type into it.
      await page.locator('.cm-content >> visible=true').first().click();
      // Pasted, as a person would: typed key by key, the editor would close brackets on its own.
      await page.keyboard.insertText(JSON.stringify(signed));
      await page.screenshot({ path: shot('send-approve-signal.png') });
      // Leaving the editor reformats the JSON, which moves the dialog's buttons: leave it before submitting.
      await page.locator('.cm-content >> visible=true').first().blur();
      await page.locator('.cm-content >> visible=true').first().getByText('"signature": {').waitFor();
      await page.locator('[data-testid=confirm-modal-button] >> visible=true').click();
      const result = await handle.result();
      expect(result).toMatchObject({ decision: 'approved', decidedBy: 'dana', reason: 'approved in the Temporal UI' });
      expect(result.decisions).toEqual([expect.objectContaining({ via: 'signal', result: 'accepted', key: signed.signature?.key })]);
    });
  });
}

/**
 * Encrypted payloads, read by an operator: a UI started with the codec server as its codec endpoint
 * decodes in the browser (CORS) the ticket that the server holds only as ciphertext. `target`
 * starts that UI (and its server, if need be) with the codec server's URL.
 */
export function describeEncryptedRunInUi(
  describe: Describe,
  name: string,
  shots: string,
  target: (codecUrl: string, uiPort: number) => Promise<UiTarget>,
): void {
  describe(name, () => {
    let t: UiTarget;
    let codec: CodecServer;
    let browser: Browser;
    const marker = `HERON-${randomUUID()}`;
    const workflowId = uniqueId('enc-ui');
    const taskQueue = uniqueId('enc-ui');
    let stored = '';

    beforeAll(async () => {
      // The UI's port first: the codec server admits only that origin (CORS).
      const port = await freePort();
      const settings = loadSettings({ PAYLOAD_ENCRYPTION_KEYS: `ui-key:${randomBytes(32).toString('base64')}`, TEMPORAL_UI_URL: `http://127.0.0.1:${port}` });
      codec = await startCodecServerFromSettings(settings, '127.0.0.1', 0);
      t = await target(codec.url, port);
      const connection = await NativeConnection.connect({ address: t.address });
      const clientConnection = await Connection.connect({ address: t.address });
      const worker = await createWorker({
        settings,
        connection,
        namespace: t.namespace,
        taskQueue,
        activities: offlineActivities(),
        workflowBundle: await workflowBundle(),
      });
      const client = new Client({ connection: clientConnection, namespace: t.namespace, dataConverter: dataConverterFromSettings(settings) });
      await worker.runUntil(client.workflow.execute(routeTicket, { taskQueue, workflowId, args: [{ text: `My invoice ${marker} was charged twice` }] }));
      stored = await historyText(new Client({ connection: clientConnection, namespace: t.namespace }).workflow.getHandle(workflowId));
      await connection.close();
      await clientConnection.close();
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await t?.stop();
      await codec?.close();
    });

    it('shows the ticket text that the server itself holds only as ciphertext', async () => {
      expect(stored).not.toContain(marker);
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`${t.uiUrl}/namespaces/${t.namespace}/workflows/${workflowId}`);
      await page.getByText(marker).first().waitFor({ timeout: 30_000 });
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${shots}-encrypted-run-decoded.png`), fullPage: true });
    });
  });
}
