import { createPublicKey } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDecision, signedAuthorityProblem, type PersonDecision } from '../../src/domain/case';
import { evidenceDigest, keyFingerprint, signatureProblem, type DecisionContext, type PinnedKey } from '../../src/domain/signatures';
import { generateKeyFiles, readPublicKey, readSigningKey } from '../../src/signing/key-files';
import { signDecision } from '../../src/signing/sign-decision';
import { tempDir } from '../helpers/files';

const dir = tempDir('switchboard-keys-');
const alice = (() => {
  const made = generateKeyFiles(dir, 'alice');
  return { ...made, key: readSigningKey(made.privateFile) };
})();
const mallory = readSigningKey(generateKeyFiles(dir, 'mallory').privateFile);
const pinned: PinnedKey[] = [{ publicKey: alice.publicKey, signsFor: ['alice'] }];
const evidence = {
  action: 'update_configuration',
  recommendation: 'Set PAYMENT_API_KEY in production',
  reasons: ['update_configuration is a high-impact action'],
};
const context: DecisionContext = { caseId: 'case-1', runId: 'run-1', action: evidence.action, evidence: evidenceDigest(evidence) };
const approve: PersonDecision = { kind: 'approve', by: 'alice', comment: 'ok' };
const now = Date.now();

describe('a signed decision', () => {
  it('signed by Node crypto verifies in the pure-JS verifier the workflow runs, and names the key', () => {
    const signature = signDecision(approve, context, alice.key);
    expect(signature.key).toBe(keyFingerprint(alice.publicKey));
    expect(signature.key).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(signatureProblem(approve, signature, pinned, context, now)).toEqual({ key: signature.key });
  });

  it.each<[string, (s: ReturnType<typeof signDecision>) => [PersonDecision, ReturnType<typeof signDecision>, DecisionContext, number], RegExp]>([
    ['another case', (s) => [approve, s, { ...context, caseId: 'case-2' }, now], /is for case case-1, not this one/],
    ['another run of the case', (s) => [approve, s, { ...context, runId: 'run-2' }, now], /for another run of this case \(run-1\)/],
    [
      'another action',
      (s) => [approve, s, { ...context, action: 'restart_service' }, now],
      /approves update_configuration, but the case proposes restart_service/,
    ],
    [
      'other evidence',
      (s) => [approve, s, { ...context, evidence: evidenceDigest({ ...evidence, recommendation: 'Restart it' }) }, now],
      /over other evidence/,
    ],
    ['an altered comment', (s) => [{ ...approve, comment: 'ok, and wire the money' }, s, context, now], /does not match the decision/],
    ['an altered sender', (s) => [{ ...approve, kind: 'reject', reason: 'no' } as PersonDecision, s, context, now], /does not match the decision/],
    ['a claimed case rewritten to match', (s) => [approve, { ...s, caseId: 'case-2' }, { ...context, caseId: 'case-2' }, now], /does not match the decision/],
    ['past its expiry', (s) => [approve, s, context, now + 16 * 60_000], /expired at/],
  ])('is refused on %s', (_what, change, reason) => {
    const [decision, signature, ctx, at] = change(signDecision(approve, context, alice.key));
    expect(signatureProblem(decision, signature, pinned, ctx, at).problem).toMatch(reason);
  });

  it('is refused when signed by a key the case did not pin, or by a pinned key for another name', () => {
    const byMallory = signDecision(approve, context, mallory);
    expect(signatureProblem(approve, byMallory, pinned, context, now).problem).toBe(`key ${byMallory.key} is not pinned in this case`);
    const bobsKey = [{ publicKey: alice.publicKey, signsFor: ['bob'] }];
    expect(signatureProblem(approve, signDecision(approve, context, alice.key), bobsKey, context, now).problem).toMatch(/may not sign for alice/);
  });

  it('is refused when valid for more than a day', () => {
    const long = signDecision(approve, context, alice.key, 25 * 60 * 60_000);
    expect(signatureProblem(approve, long, pinned, context, now).problem).toMatch(/more than 24 hours ahead/);
  });

  it('is needed for approve, reject and an escalation to a named team; on-call may be asked by anyone', () => {
    const rules = { approvers: ['alice'], pinned, context, nowMs: now };
    expect(signedAuthorityProblem(approve, rules).problem).toMatch(/an unsigned approve proves nothing/);
    expect(signedAuthorityProblem({ kind: 'reject', by: 'alice', reason: 'no' }, rules).problem).toMatch(/unsigned reject/);
    expect(signedAuthorityProblem({ kind: 'escalate', by: 'eve', reason: 'x', team: 'Finance' }, rules).problem).toMatch(/unsigned escalate/);
    expect(signedAuthorityProblem({ kind: 'escalate', by: 'eve', reason: 'x' }, rules)).toEqual({});
    const signed = { ...approve, signature: signDecision(approve, context, alice.key) };
    expect(signedAuthorityProblem(signed, rules)).toEqual({ key: signed.signature.key });
    expect(signedAuthorityProblem(signed, { ...rules, approvers: ['bob'] }).problem).toBe('alice is not on the approvers list');
  });

  it('reads a signature from a message, keeping only its own fields, and names a malformed one', () => {
    const signature = signDecision(approve, context, alice.key);
    expect(readDecision('approve', { by: 'alice', comment: 'ok', signature: { ...signature, extra: 'x' } })).toEqual({ decision: { ...approve, signature } });
    expect(readDecision('approve', { by: 'alice', signature: 'yes' })).toEqual({
      problem: '"signature" must be an object (npm run client -- approve makes one)',
    });
    expect(readDecision('approve', { by: 'alice', signature: { ...signature, value: 'zz' } })).toEqual({
      problem: '"signature.value" must be 128 hex digits (an Ed25519 signature)',
    });
    expect(readDecision('approve', { by: 'alice', signature: { ...signature, runId: 7 } })).toEqual({ problem: '"signature.runId" must be text' });
  });
});

describe('key files', () => {
  it('writes the private key for its owner only and refuses one others may read', () => {
    expect(statSync(alice.privateFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(alice.privateFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    chmodSync(alice.privateFile, 0o644);
    try {
      expect(() => readSigningKey(alice.privateFile)).toThrow(`${alice.privateFile} may be read by others (mode 644): run \`chmod 600 ${alice.privateFile}\``);
    } finally {
      chmodSync(alice.privateFile, 0o600);
    }
  });

  it('refuses to overwrite a key, a missing file, a file that is no key, and a name that is no file name', () => {
    expect(() => generateKeyFiles(dir, 'alice')).toThrow(/already exists/);
    expect(() => readSigningKey(join(dir, 'nobody.key'))).toThrow(/no key file at .*nobody.key: make one with `npm run client -- keygen <name>`/);
    const junk = join(dir, 'junk.key');
    writeFileSync(junk, 'not a key', { mode: 0o600 });
    expect(() => readSigningKey(junk)).toThrow(/is not a private key in PEM/);
    expect(() => generateKeyFiles(dir, '../etc/passwd')).toThrow(/cannot name a key file/);
  });

  it('reads a public key as hex or as PEM', () => {
    expect(readPublicKey(readFileSync(alice.publicFile, 'utf8'), 'alice.pub')).toBe(alice.publicKey);
    const pem = alice.key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(readPublicKey(createPublicKey(pem).export({ format: 'pem', type: 'spki' }).toString(), 'x')).toBe(alice.publicKey);
    expect(() => readPublicKey('abc', 'APPROVERS')).toThrow('APPROVERS is not an Ed25519 public key (64 hex digits or PEM)');
  });
});
