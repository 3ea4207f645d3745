import { readFileSync } from 'node:fs';
import type { Settings } from '../config';
import type { PinnedKey } from '../domain/signatures';
import { KeyFileError, keyFiles, readPublicKey } from './key-files';

/**
 * Who may decide a new case and the keys it pins: each approver on APPROVERS with the key given
 * there, or else the one in APPROVER_KEYS_DIR/<name>.pub. An approver without a key is an error
 * that says how to make one: a case that nobody can approve would only wait for its deadline.
 */
export function approversFromSettings(s: Pick<Settings, 'APPROVERS' | 'APPROVER_KEYS_DIR'>): { approvers: string[]; approverKeys: PinnedKey[] } {
  const approverKeys = s.APPROVERS.map(({ name, publicKey }) => ({ publicKey: publicKey ?? publicKeyFile(s.APPROVER_KEYS_DIR, name), signsFor: [name] }));
  return { approvers: s.APPROVERS.map((a) => a.name), approverKeys };
}

function publicKeyFile(dir: string, name: string): string {
  const { publicFile } = keyFiles(dir, name);
  let text: string;
  try {
    text = readFileSync(publicFile, 'utf8');
  } catch {
    throw new KeyFileError(
      `approver ${name} has no public key: run \`npm run client -- keygen ${name}\` (writes ${publicFile}), or set APPROVERS=${name}=<public key>`,
    );
  }
  return readPublicKey(text, publicFile);
}
