import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import type { DecisionKind } from './case';

// Pure JS (noble), so the case verifies decisions inside the workflow sandbox, deterministically.

/** A public key a case pinned when it started, and the approvers it may sign for (its owner, or those an inbox vouches for). */
export interface PinnedKey {
  /** Ed25519 public key, 32 bytes as 64 hex digits. */
  publicKey: string;
  signsFor: string[];
}

/**
 * A person's signature on a decision. It names what it was made for (case, run, action, evidence)
 * so that a refusal can say which of them differs; the signature covers all of them.
 */
export interface DecisionSignature {
  /** keyFingerprint of the signing key. */
  key: string;
  caseId: string;
  runId: string;
  action: string;
  /** evidenceDigest of what the approver was shown. */
  evidence: string;
  /** ISO 8601: the signature is refused after this. */
  expiresAt: string;
  /** Ed25519 signature over signedMessage(…), 64 bytes as 128 hex digits. */
  value: string;
}

/** The decision's own fields, as read (trimmed) from the message. */
export interface SignedFields {
  kind: DecisionKind;
  by: string;
  comment?: string;
  reason?: string;
  team?: string;
}

/** What the case shows a person and may act on: a signature is good for this and nothing else. */
export interface DecisionContext {
  caseId: string;
  runId: string;
  action: string;
  evidence: string;
}

/** A signature may be valid for a day at most: an approval is for the case in front of you, not a standing order. */
export const MAX_SIGNATURE_LIFETIME_MS = 24 * 60 * 60 * 1000;

const MESSAGE_VERSION = 'switchboard-decision-v1';
const HEX = /^[0-9a-f]+$/;

/** The digest of what a person is shown before deciding: the proposed action, the recommendation, why it needs them. */
export function evidenceDigest(evidence: { action: string; target?: string; recommendation: string; reasons: readonly string[] }): string {
  const { action, target, recommendation, reasons } = evidence;
  // The target is signed too when the case names one; without it the digest is the one older cases used.
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(target === undefined ? [action, recommendation, reasons] : [action, recommendation, reasons, target]))));
}

/** A short, stable name for a public key, recorded in the audit trail beside the approver's name. */
export function keyFingerprint(publicKey: string): string {
  return `ed25519:${bytesToHex(sha256(hexToBytes(publicKey))).slice(0, 16)}`;
}

/** The exact bytes that are signed: a JSON array in a fixed order, so no two decisions share one. */
export function signedMessage(fields: SignedFields, s: Omit<DecisionSignature, 'key' | 'value'>): Uint8Array {
  const { kind, by, comment = '', reason = '', team = '' } = fields;
  return utf8ToBytes(JSON.stringify([MESSAGE_VERSION, s.caseId, s.runId, s.action, s.evidence, kind, by, comment, reason, team, s.expiresAt]));
}

/** Whether `text` is `bytes` bytes as lowercase hex. */
export function isHex(text: string, bytes: number): boolean {
  return text.length === bytes * 2 && HEX.test(text);
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Checks a signed decision against the case it was sent to: signed by a pinned key that may sign
 * for the sender, over exactly these fields, for this case, run, action and evidence, and not
 * expired at `nowMs`. Returns the key's fingerprint, or the reason it is refused.
 */
export function signatureProblem(
  fields: SignedFields,
  signature: DecisionSignature,
  pinned: readonly PinnedKey[],
  context: DecisionContext,
  nowMs: number,
): { key: string; problem?: string } {
  const { key } = signature;
  const pin = pinned.find((p) => keyFingerprint(p.publicKey) === key);
  if (!pin) return { key, problem: `key ${key} is not pinned in this case` };
  if (!pin.signsFor.some((name) => sameName(name, fields.by))) return { key, problem: `key ${key} may not sign for ${fields.by}` };
  let valid = false;
  try {
    valid = ed25519.verify(hexToBytes(signature.value), signedMessage(fields, signature), hexToBytes(pin.publicKey), { zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) return { key, problem: 'the signature does not match the decision it came with (altered, or not made with this key)' };
  if (signature.caseId !== context.caseId) return { key, problem: `the signature is for case ${signature.caseId}, not this one` };
  if (signature.runId !== context.runId) return { key, problem: `the signature is for another run of this case (${signature.runId})` };
  if (signature.action !== context.action)
    return { key, problem: `the signature approves ${signature.action || 'nothing'}, but the case proposes ${context.action}` };
  if (signature.evidence !== context.evidence)
    return { key, problem: 'the signature is over other evidence than the case shows (recommendation or reasons differ)' };
  const expires = Date.parse(signature.expiresAt);
  if (!(expires > nowMs)) return { key, problem: `the signature expired at ${signature.expiresAt}` };
  if (expires - nowMs > MAX_SIGNATURE_LIFETIME_MS) return { key, problem: `the signature is valid until ${signature.expiresAt}: more than 24 hours ahead` };
  return { key };
}

/** The problem with a signature's shape (as sent in a message), or undefined: fields present, hex of the right length. */
export function signatureShapeProblem(s: unknown): string | undefined {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return '"signature" must be an object (npm run client -- approve makes one)';
  const o = s as Record<string, unknown>;
  for (const field of ['key', 'caseId', 'runId', 'action', 'evidence', 'expiresAt', 'value'] as const) {
    if (typeof o[field] !== 'string') return `"signature.${field}" must be text`;
    if ((o[field] as string).length > 200) return `"signature.${field}" is too long`;
  }
  if (!isHex(o.value as string, 64)) return '"signature.value" must be 128 hex digits (an Ed25519 signature)';
  if (!isHex(o.evidence as string, 32)) return '"signature.evidence" must be 64 hex digits (a SHA-256 digest)';
  return undefined;
}
