import { ephemeralSigningKey, type SigningKey } from '../../src/signing/key-files';
import { approversWithKeys } from '../../tools/approvers';
import { tempDir } from './files';

/** Approvers whose keys are files in `dir` (what the CLI reads as APPROVER_KEYS_DIR); see approversWithKeys. */
export function testApprovers(...names: string[]) {
  const dir = tempDir('switchboard-keys-');
  return { dir, ...approversWithKeys(names, dir) };
}

/** A key that no case pinned: what a stranger holds. */
export function strangersKey(): SigningKey {
  return ephemeralSigningKey();
}
