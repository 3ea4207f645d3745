import type { Settings } from '../../src/config';
import { modelLabel } from '../../src/model';

/** What `npm start` and `npm run start:postgres` print once everything runs: where things are, what to try, how to stop. */
export function startBanner(o: {
  settings: Settings;
  uiUrl: string;
  server: string[];
  codecUrl?: string;
  traces?: string;
  approverKey?: string;
  stops: string;
}): string {
  const { settings } = o;
  return [
    '',
    `  Temporal UI   ${o.uiUrl}`,
    ...o.server.map((line, i) => `  ${i === 0 ? 'server       ' : '             '} ${line}`),
    `  task queue    ${settings.TASK_QUEUE}`,
    `  model         ${modelLabel(settings)} (${settings.MODEL_PROVIDER})`,
    ...(o.traces ? [`  traces        ${o.traces}`] : []),
    ...(o.approverKey ? [`  approver key  ${o.approverKey} (signs demo-approver's decisions)`] : []),
    `  payloads      ${o.codecUrl ? `encrypted (AES-256-GCM); codec server ${o.codecUrl}` : 'plain JSON (set PAYLOAD_ENCRYPTION_KEYS to encrypt)'}`,
    '',
    '  Try, in another terminal:',
    '    npm run client -- route "I was charged twice this month"',
    '    npm run client -- troubleshoot --scenario payment-after-deploy',
    '    npm run client -- case "Checkout API returns error 500 since the deploy" --scenario payment-after-deploy',
    '',
    `  Ctrl-C stops ${o.stops}.`,
    '',
  ].join('\n');
}
