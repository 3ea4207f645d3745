import { type Signing } from '../src/clients/support-case';
import type { PinnedKey } from '../src/domain/signatures';
import { ephemeralSigningKey, generateKeyFiles, readSigningKey, type SigningKey } from '../src/signing/key-files';

/**
 * Approvers for a tool or a test that starts cases and decides them itself: a key pair each (in
 * memory, or as files in `dir` for the CLI's APPROVER_KEYS_DIR), the case-input fields that pin
 * them, and how each signs.
 */
export function approversWithKeys(names: readonly string[], dir?: string) {
  const keys = new Map<string, SigningKey>(
    names.map((name) => [name.toLowerCase(), dir ? readSigningKey(generateKeyFiles(dir, name).privateFile) : ephemeralSigningKey()]),
  );
  const key = (name: string): SigningKey => {
    const k = keys.get(name.toLowerCase());
    if (!k) throw new Error(`no key was made for ${name}`);
    return k;
  };
  return {
    /** For a case's input: who may decide and the keys it pins. */
    pinned: { approvers: [...names], approverKeys: names.map((name): PinnedKey => ({ publicKey: key(name).publicKey, signsFor: [name] })) },
    /** How `name` signs a decision. */
    as: (name: string): Signing => ({ key: key(name) }),
    key,
  };
}
