import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { dataConverterFromSettings } from '../../src/codec';
import { AesGcmCodec } from '../../src/codec/aes-gcm-codec';
import { parseKeyRing } from '../../src/codec/keyring';
import { startCodecServerFromSettings } from '../../src/codec/main';
import type { CodecServer } from '../../src/codec/server';
import { loadSettings } from '../../src/config';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { withBase64Decoded } from '../helpers/history';
import { offlineActivities, startWorker, uniqueId, useServerAndFakeModel } from '../helpers/temporal';
import { routeTicket } from '../../src/workflows';

// The codec server as its two consumers use it: the Temporal UI (a browser: CORS, maybe a token)
// and the `temporal` CLI (--codec-endpoint). Real HTTP, real server, real CLI.
const t = useServerAndFakeModel();
const KEYS = `k1:${randomBytes(32).toString('base64')}`;
const TOKEN = randomBytes(24).toString('hex');
const UI = 'http://localhost:8233';
const settings = loadSettings({ PAYLOAD_ENCRYPTION_KEYS: KEYS, CODEC_SERVER_TOKEN: TOKEN });
let server: CodecServer;

beforeAll(async () => {
  server = await startCodecServerFromSettings(settings, '127.0.0.1', 0);
});
afterAll(() => server?.close());

const b64 = (b?: Uint8Array | null) => Buffer.from(b ?? []).toString('base64');
async function encryptedBody(value: unknown) {
  const [p] = await new AesGcmCodec(parseKeyRing(KEYS)).encode([defaultPayloadConverter.toPayload(value)]);
  return JSON.stringify({ payloads: [{ metadata: Object.fromEntries(Object.entries(p!.metadata!).map(([k, v]) => [k, b64(v)])), data: b64(p!.data) }] });
}
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers } });

it('decodes for the UI: the browser origin is allowed and the payload comes back in clear', async () => {
  const res = await post('/decode', await encryptedBody({ text: 'charged twice' }), { Origin: UI, 'X-Namespace': 'default' });
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe(UI);
  const { payloads } = (await res.json()) as { payloads: Array<{ data: string }> };
  expect(Buffer.from(payloads[0]!.data, 'base64').toString()).toBe('{"text":"charged twice"}');
});

it("answers the browser's preflight with the methods and headers the UI sends", async () => {
  const res = await fetch(`${server.url}/decode`, {
    method: 'OPTIONS',
    headers: { Origin: UI, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-namespace,authorization' },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe(UI);
  expect(res.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/);
  expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
});

it('refuses another origin, a missing or wrong token, a bad body and unknown paths, each with a reason', async () => {
  const body = await encryptedBody('x');
  const cases: Array<[Promise<Response>, number, RegExp]> = [
    [post('/decode', body, { Origin: 'https://evil.example' }), 403, /origin https:\/\/evil.example is not allowed/],
    [post('/decode', body, { Authorization: '' }), 401, /bearer token/],
    [post('/decode', body, { Authorization: `Bearer ${TOKEN}x` }), 401, /bearer token/],
    [post('/decode', '{"payloads": 3}'), 400, /body must be JSON/],
    [post('/decode', 'not json'), 400, /body must be JSON/],
    [post('/history', body), 404, /only POST \/encode and POST \/decode/],
    [fetch(`${server.url}/decode`, { headers: { Authorization: `Bearer ${TOKEN}` } }), 405, /takes POST/],
  ];
  for (const [response, status, message] of cases) {
    const res = await response;
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  }
});

it('names the missing key when a payload was sealed with a key it does not hold', async () => {
  const other = new AesGcmCodec(parseKeyRing(`k-gone:${randomBytes(32).toString('base64')}`));
  const [p] = await other.encode([defaultPayloadConverter.toPayload('x')]);
  const body = JSON.stringify({ payloads: [{ metadata: Object.fromEntries(Object.entries(p!.metadata!).map(([k, v]) => [k, b64(v)])), data: b64(p!.data) }] });
  const res = await post('/decode', body);
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toMatch(/key id "k-gone", which is not configured/);
});

it('lets `temporal workflow show --codec-endpoint` print an encrypted run in clear', async () => {
  const marker = `IBIS-${randomUUID()}`;
  const { worker, taskQueue } = await startWorker(t.env, offlineActivities(), uniqueId('tq'), settings);
  const client = new Client({ connection: t.env.connection, dataConverter: dataConverterFromSettings(settings) });
  const workflowId = uniqueId('codec-cli');
  await worker.runUntil(client.workflow.execute(routeTicket, { taskQueue, workflowId, args: [{ text: `Invoice ${marker} was charged twice` }] }));
  const show = (...extra: string[]) =>
    promisify(execFile)(resolveTemporalCli(), ['workflow', 'show', '-w', workflowId, '--address', t.env.address, '--output', 'json', ...extra], {
      env: { PATH: process.env.PATH },
    });
  expect(withBase64Decoded((await show()).stdout)).not.toContain(marker);
  const decoded = await show('--codec-endpoint', server.url, '--codec-auth', `Bearer ${TOKEN}`);
  expect(withBase64Decoded(decoded.stdout)).toContain(marker);
});
