import { execFile } from 'node:child_process';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { FileOutbox } from '../../src/activities/outbox';
import { decisionPayload, updateDecision } from '../../src/clients/support-case';
import { evidenceDigest } from '../../src/domain/signatures';
import { generateKeyFiles, readSigningKey } from '../../src/signing/key-files';
import { signDecision } from '../../src/signing/sign-decision';
import { supportCase } from '../../src/workflows';
import { approveUpdate, supportCaseStatusQuery, type SupportCaseStatus } from '../../src/workflows/support-case/contract';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { strangersKey } from '../helpers/approvers';
import { cli, useClientAndWorker } from '../helpers/cli';
import { tempDir } from '../helpers/temporal';

// Who decided, proven: each thing a stranger with access to the frontend might try, tried, and
// seen refused; then the approver's own signed decision, taken once.
const outbox = new FileOutbox(tempDir());
const t = useClientAndWorker(undefined, outbox);
const TECHNICAL = 'Checkout API fails with error 500 since the deployment';
const keysDir = () => process.env.APPROVER_KEYS_DIR!;
const aliceKey = () => readSigningKey(join(keysDir(), 'alice.key'));
// One test puts another key in alice's place; this is what it restores.
beforeAll(() => copyFileSync(join(keysDir(), 'alice.pub'), join(keysDir(), 'alice.pub.orig')));

async function openCase(): Promise<WorkflowHandle<typeof supportCase>> {
  const opened = await cli('case', TECHNICAL, '--scenario', 'payment-after-deploy', '--json');
  expect(opened.code).toBe(0);
  const { workflowId, status } = JSON.parse(opened.out) as { workflowId: string; status: SupportCaseStatus };
  expect(status.stage).toBe('awaiting_approval');
  return t.env.client.workflow.getHandle<typeof supportCase>(workflowId);
}

async function until(handle: WorkflowHandle<typeof supportCase>, ready: (s: SupportCaseStatus) => boolean): Promise<SupportCaseStatus> {
  for (let i = 0; i < 100; i += 1) {
    const status = await handle.query(supportCaseStatusQuery);
    if (ready(status)) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`case ${handle.workflowId} never got there`);
}

const temporal = (...args: string[]) => promisify(execFile)(resolveTemporalCli(), [...args, '--address', t.env.address], { env: { PATH: process.env.PATH } });

describe('a stranger who reaches the frontend', () => {
  it('sends an unsigned approve signal with the temporal CLI: the case keeps waiting, and status says why', async () => {
    const handle = await openCase();
    await temporal('workflow', 'signal', '--workflow-id', handle.workflowId, '--name', 'approve', '--input', '{"by":"alice"}');
    const status = await until(handle, (s) => s.decisions.length === 1);
    expect(status.stage).toBe('awaiting_approval');
    expect(status.decisions[0]).toMatchObject({
      via: 'signal',
      by: 'alice',
      result: 'refused',
      why: expect.stringMatching(/^an unsigned approve proves nothing about who sent it/),
    });
    const shown = await cli('status', handle.workflowId);
    expect(shown.out).toMatch(/refused\s+approve by alice via signal: an unsigned approve proves nothing/);
    expect(shown.out).toMatch(/waiting for a person to approve/);
    await cli('reject', handle.workflowId, '--by', 'bob', '--reason', 'done with this test');
  });

  it('sends an unsigned update: the validator refuses it at once and the case records nothing', async () => {
    const handle = await openCase();
    const err = await handle.executeUpdate(approveUpdate, { args: [{ by: 'alice' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause?.message).toMatch(/^an unsigned approve proves nothing/);
    expect((await handle.query(supportCaseStatusQuery)).decisions).toEqual([]);
    await cli('reject', handle.workflowId, '--by', 'bob', '--reason', 'done with this test');
  });

  it('signs with a key of their own, reuses a signature made for another case, alters the evidence or sends it late: each refused with the reason, recorded with the key', async () => {
    const [handle, other] = [await openCase(), await openCase()];
    const alice = { key: aliceKey() };
    const approve = { kind: 'approve', by: 'alice' } as const;
    const answers = [
      await updateDecision(handle, approve, { key: strangersKey() }),
      await handle.executeUpdate(approveUpdate, { args: [await decisionPayload(other, approve, alice)] }),
    ];
    const p = (await handle.query(supportCaseStatusQuery)).pendingApproval!;
    const context = {
      caseId: handle.workflowId,
      runId: p.runId,
      action: p.action,
      evidence: evidenceDigest({ ...p, recommendation: 'Nothing to do; close it' }),
    };
    answers.push(await handle.executeUpdate(approveUpdate, { args: [{ by: 'alice', signature: signDecision(approve, context, alice.key) }] }));
    const late = await decisionPayload(handle, approve, { ...alice, validForMs: 1 });
    await new Promise((r) => setTimeout(r, 20));
    answers.push(await handle.executeUpdate(approveUpdate, { args: [late] }));

    expect(answers.map((a) => a.result)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(answers.map((a) => a.why)).toEqual([
      expect.stringMatching(/^key ed25519:[0-9a-f]{16} is not pinned in this case$/),
      `the signature is for case ${other.workflowId}, not this one`,
      'the signature is over other evidence than the case shows (recommendation or reasons differ)',
      expect.stringMatching(/^the signature expired at /),
    ]);
    const status = await handle.query(supportCaseStatusQuery);
    expect(status.stage).toBe('awaiting_approval');
    expect(status.decisions.map((d) => d.key)).toEqual(answers.map((a) => a.key));
    expect(status.decisions.every((d) => d.key?.startsWith('ed25519:'))).toBe(true);
    for (const h of [handle, other]) await cli('reject', h.workflowId, '--by', 'bob', '--reason', 'done with this test');
  });

  it('cannot decide a case with a key added to the config after it started', async () => {
    const handle = await openCase();
    // The config now trusts a new key for alice (say, a stolen laptop's owner "rotated" it): the case pinned the old one.
    const dir = tempDir('switchboard-keys-');
    const made = generateKeyFiles(dir, 'alice');
    copyFileSync(made.publicFile, join(keysDir(), 'alice.pub'));
    try {
      const r = await cli('approve', handle.workflowId, '--by', 'alice', '--key', made.privateFile);
      expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/your approve was refused: key ed25519:[0-9a-f]{16} is not pinned in this case/) });
    } finally {
      copyFileSync(join(keysDir(), 'alice.pub.orig'), join(keysDir(), 'alice.pub'));
    }
    await cli('reject', handle.workflowId, '--by', 'bob', '--reason', 'done with this test');
  });
});

describe('the approver', () => {
  it('approves with their key: accepted, recorded with the key, and the action runs once', async () => {
    const handle = await openCase();
    const before = (await outbox.list('actions')).length;
    const r = await cli('approve', handle.workflowId, '--by', 'alice', '--comment', 'checked the vault');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Your approve was accepted \(signed with ed25519:[0-9a-f]{16}, .*alice\.key\)/);
    const result = await handle.result();
    expect(result).toMatchObject({ decision: 'approved', decidedBy: 'alice', reason: 'checked the vault' });
    expect(result.audit.at(-1)).toMatchObject({ kind: 'person', by: 'alice', key: result.decisions[0]!.key });
    const actions = (await outbox.list('actions')).filter((a) => a.caseId === handle.workflowId);
    expect(actions).toHaveLength(1);
    expect((await outbox.list('actions')).length).toBe(before + 1);
  });

  it('approves from outside the client: what --print gives, sent with the temporal CLI, is taken', async () => {
    const handle = await openCase();
    const printed = await cli('approve', handle.workflowId, '--by', 'bob', '--comment', 'pasted', '--print', '--json');
    expect(printed.code).toBe(0);
    const { input, signal } = JSON.parse(printed.out) as { input: object; signal: string };
    expect(signal).toBe('approve');
    expect((await handle.query(supportCaseStatusQuery)).stage).toBe('awaiting_approval');
    await temporal('workflow', 'signal', '--workflow-id', handle.workflowId, '--name', signal, '--input', JSON.stringify(input));
    expect(await handle.result()).toMatchObject({ decision: 'approved', decidedBy: 'bob', reason: 'pasted' });
  });

  it('makes a key pair with keygen: the private half for its owner only, and a second one is refused', async () => {
    const dir = tempDir('switchboard-keygen-');
    const made = await cli('keygen', 'erin', '--dir', dir, '--json');
    expect(made.code).toBe(0);
    const { privateFile, publicKey, fingerprint } = JSON.parse(made.out) as { privateFile: string; publicKey: string; fingerprint: string };
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    expect(publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(made.out).not.toContain('PRIVATE KEY');
    expect(await cli('keygen', 'erin', '--dir', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/already exists/) });
  });
});

it('an empty --by is bad usage, refused before any server is contacted', async () => {
  const saved = process.env.TEMPORAL_ADDRESS;
  process.env.TEMPORAL_ADDRESS = '127.0.0.1:1'; // nothing listens: contacting it would fail with exit 1
  try {
    expect(await cli('approve', 'case-x', '--by', '')).toMatchObject({ code: 2, err: expect.stringMatching(/approve: the decision must say who sends it/) });
  } finally {
    process.env.TEMPORAL_ADDRESS = saved;
  }
});
