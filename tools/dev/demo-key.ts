import { existsSync } from 'node:fs';
import type { Settings } from '../../src/config';
import { generateKeyFiles, keyFiles } from '../../src/signing/key-files';

/** The approver README's commands name; APPROVERS' default. */
export const DEMO_APPROVER = 'demo-approver';

/**
 * `npm start` and the demo, on a first run: a signing key for demo-approver in APPROVER_KEYS_DIR,
 * so README's `approve … --by demo-approver` works as written. Returns the private key's file
 * (undefined when APPROVERS does not name demo-approver or pins its key itself).
 */
export function ensureDemoApproverKey(settings: Pick<Settings, 'APPROVERS' | 'APPROVER_KEYS_DIR'>, log: (line: string) => void): string | undefined {
  if (!settings.APPROVERS.some((a) => a.name === DEMO_APPROVER && a.publicKey === undefined)) return undefined;
  const { privateFile } = keyFiles(settings.APPROVER_KEYS_DIR, DEMO_APPROVER);
  if (existsSync(privateFile)) return privateFile;
  generateKeyFiles(settings.APPROVER_KEYS_DIR, DEMO_APPROVER);
  log(`Made a signing key for ${DEMO_APPROVER}: ${privateFile} (private, 0600); the client signs ${DEMO_APPROVER}'s decisions with it`);
  return privateFile;
}
