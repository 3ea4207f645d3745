import { sign } from 'node:crypto';
import type { PersonDecision } from '../domain/case';
import { keyFingerprint, signedMessage, type DecisionContext, type DecisionSignature } from '../domain/signatures';
import type { SigningKey } from './key-files';

/** How long a signature made by the CLI holds unless told otherwise: long enough to paste, too short to hoard. */
export const DEFAULT_SIGNATURE_VALIDITY_MS = 15 * 60 * 1000;

/**
 * Signs a person's decision for one case, run, action and evidence, valid until `validForMs` from
 * now. The decision's fields must be as the case reads them (trimmed): they are what is signed.
 */
export function signDecision(
  decision: PersonDecision,
  context: DecisionContext,
  key: SigningKey,
  validForMs = DEFAULT_SIGNATURE_VALIDITY_MS,
): DecisionSignature {
  const unsigned = { ...context, expiresAt: new Date(Date.now() + validForMs).toISOString() };
  const value = sign(null, signedMessage(decision, unsigned), key.privateKey).toString('hex');
  return { key: keyFingerprint(key.publicKey), ...unsigned, value };
}
