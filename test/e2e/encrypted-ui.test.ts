import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Browser } from 'playwright-core';
import { dataConverterFromSettings } from '../../src/codec';
import { startCodecServerFromSettings } from '../../src/codec/main';
import type { CodecServer } from '../../src/codec/server';
import { loadSettings } from '../../src/config';
import { startDevServer, type DevServer } from '../../tools/dev/dev-server';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { createWorker } from '../../src/worker';
import { describeWithChromium, launchChromium, SHOTS } from '../helpers/browser';
import { historyText } from '../helpers/history';
import { freePort } from '../helpers/ports';
import { offlineActivities, tempDir, workflowBundle } from '../helpers/temporal';
import { routeTicket } from '../../src/workflows';

// Encrypted payloads, read by an operator: the dev server's UI started with --ui-codec-endpoint
// calls the codec server from the browser (CORS) and shows the ticket in clear.
describeWithChromium('the Temporal UI reads an encrypted run through the codec server', () => {
  let server: DevServer;
  let codec: CodecServer;
  let browser: Browser;
  let ui: string;
  const marker = `HERON-${randomUUID()}`;
  const workflowId = `enc-ui-${Date.now()}`;
  let stored = '';

  beforeAll(async () => {
    const [port, uiPort] = [await freePort(), await freePort()];
    ui = `http://127.0.0.1:${uiPort}`;
    const settings = loadSettings({ PAYLOAD_ENCRYPTION_KEYS: `ui-key:${randomBytes(32).toString('base64')}`, TEMPORAL_UI_URL: ui });
    codec = await startCodecServerFromSettings(settings, '127.0.0.1', 0);
    server = await startDevServer({
      cli: resolveTemporalCli(),
      address: `127.0.0.1:${port}`,
      namespace: 'default',
      uiPort,
      uiCodecEndpoint: codec.url,
      dbFile: join(tempDir(), 'enc-ui.sqlite'),
      logFile: join(tempDir(), 'enc-ui-server.log'),
      maxLifetimeSeconds: 600,
    });
    const connection = await NativeConnection.connect({ address: `127.0.0.1:${port}` });
    const clientConnection = await Connection.connect({ address: `127.0.0.1:${port}` });
    const worker = await createWorker({ settings, connection, taskQueue: 'enc-ui', activities: offlineActivities(), workflowBundle: await workflowBundle() });
    const client = new Client({ connection: clientConnection, dataConverter: dataConverterFromSettings(settings) });
    await worker.runUntil(client.workflow.execute(routeTicket, { taskQueue: 'enc-ui', workflowId, args: [{ text: `My invoice ${marker} was charged twice` }] }));
    stored = await historyText(new Client({ connection: clientConnection }).workflow.getHandle(workflowId));
    await connection.close();
    await clientConnection.close();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await codec?.close();
  });

  it('shows the ticket text that the server itself holds only as ciphertext', async () => {
    expect(stored).not.toContain(marker);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${ui}/namespaces/default/workflows/${workflowId}`);
    await page.getByText(marker).first().waitFor({ timeout: 30_000 });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'encrypted-run-decoded.png'), fullPage: true });
  });
});
