import { impactOf, proposedActionProblem } from '../../src/domain/actions';
import { approvalReasons, authorityProblem, isApprover, readDecision, timingProblem } from '../../src/domain/case';
import { actionFromProse } from '../../src/workflows/support-case/action-from-prose';

describe('a proposed action, checked by code', () => {
  const observed = ['Environment variable PAYMENT_API_KEY is missing in production; staging has it set.'];
  it('stands when the action is known and a tool observed its target (in any case)', () => {
    expect(proposedActionProblem({ name: 'update_configuration', target: 'PAYMENT_API_KEY' }, observed)).toBeUndefined();
    expect(proposedActionProblem({ name: 'update_configuration', target: ' payment_api_key ' }, observed)).toBeUndefined();
    expect(impactOf('update_configuration')).toBe('high');
    expect(impactOf('notify_customer')).toBe('low');
  });
  it('names what is wrong: no action, an unknown one, no target, a target no tool observed', () => {
    expect(proposedActionProblem(null, observed)).toBe('the agent finished without naming an action');
    expect(proposedActionProblem({ name: 'drop_database', target: 'PAYMENT_API_KEY' }, observed)).toMatch(
      /^"drop_database" is no known action \(known: rotate_credentials, /,
    );
    expect(proposedActionProblem({ name: 'restart_service', target: '  ' }, observed)).toBe('restart_service names no target');
    expect(proposedActionProblem({ name: 'restart_service', target: 'billing-db' }, observed)).toBe(
      'restart_service targets "billing-db", which no tool observed',
    );
    expect(proposedActionProblem({ name: 'restart_service', target: 'x'.repeat(201) }, ['x'.repeat(300)])).toMatch(/longer than 200/);
  });
});

describe('the action cases from before Changes.proposedAction read from prose (kept for their replay)', () => {
  it.each([
    ['Set PAYMENT_API_KEY in production', 'rotate_credentials'],
    ['Roll back release 4.18', 'roll_back_deployment'],
    ['Raise the memory limit of the job', 'restart_service'],
    ['Restore the group mapping in the SSO configuration', 'update_configuration'],
    ['Tell the customer it is an incident at the provider', 'notify_customer'],
  ])('%s → %s', (text, action) => {
    expect(actionFromProse(text)).toBe(action);
  });
});

describe('approvalReasons', () => {
  const resolved = { outcome: 'resolved' as const };
  it('lets a resolved, low-impact result run on policy', () => {
    expect(approvalReasons(resolved, 'notify_customer')).toEqual([]);
  });
  it('asks a person for a high-impact action or an agent that did not resolve the case (with its reason)', () => {
    expect(approvalReasons(resolved, 'rotate_credentials')).toEqual(['rotate_credentials is a high-impact action']);
    expect(approvalReasons({ outcome: 'escalated', escalationReason: 'confidence 0.5 is under 0.7' }, 'notify_customer')).toEqual([
      'the agent did not resolve the case (confidence 0.5 is under 0.7)',
    ]);
    expect(approvalReasons({ outcome: 'max_steps' }, 'restart_service')).toEqual([
      'the agent did not resolve the case (max_steps)',
      'restart_service is a high-impact action',
    ]);
  });
});

describe("a person's decision", () => {
  it('reads a well-formed decision, trimmed, and names what makes a request no decision at all', () => {
    expect(readDecision('approve', { by: ' alice ', comment: ' ok ' })).toEqual({ decision: { kind: 'approve', by: 'alice', comment: 'ok' } });
    expect(readDecision('escalate', { by: 'c', reason: 'r', team: '' })).toEqual({ decision: { kind: 'escalate', by: 'c', reason: 'r' } });
    expect(readDecision('approve', {})).toEqual({ problem: 'the decision must say who sends it ("by")' });
    expect(readDecision('reject', { by: 'alice', reason: '  ' })).toEqual({ problem: 'a reject needs a reason' });
    expect(readDecision('approve', 'alice')).toEqual({ problem: 'a decision must be an object such as {"by": "alice"}' });
    expect(readDecision('approve', { by: 42 })).toEqual({ problem: '"by" must be text' });
    expect(readDecision('approve', { by: 'x'.repeat(201) })).toEqual({ problem: '"by" is longer than 200 characters' });
  });

  it('lets anyone escalate but only approvers approve or reject', () => {
    expect(authorityProblem({ kind: 'approve', by: 'mallory' }, ['alice'])).toBe('mallory is not on the approvers list');
    expect(authorityProblem({ kind: 'reject', by: 'Alice', reason: 'r' }, ['alice'])).toBeUndefined();
    expect(authorityProblem({ kind: 'escalate', by: 'mallory', reason: 'r' }, ['alice'])).toBeUndefined();
  });

  it('takes a decision only while the case waits and nobody has decided', () => {
    expect(timingProblem(true, undefined)).toBeUndefined();
    expect(timingProblem(false, undefined)).toBe('the case is not waiting for a decision');
    expect(timingProblem(true, { kind: 'approve', by: 'alice' })).toBe('the case was already decided (approve by alice)');
  });
});

describe('isApprover', () => {
  it('matches names without case or surrounding space, and never an empty name', () => {
    expect(isApprover(' Alice ', ['alice', 'bob'])).toBe(true);
    expect(isApprover('mallory', ['alice'])).toBe(false);
    expect(isApprover('  ', ['', 'alice'])).toBe(false);
  });
});
