import { impactOf, proposeAction } from '../../src/domain/actions';
import { approvalReasons, isApprover } from '../../src/domain/case';

describe('proposed actions and their impact', () => {
  it.each([
    ['Set PAYMENT_API_KEY in production', 'rotate_credentials', 'high'],
    ['Roll back release 4.18', 'roll_back_deployment', 'high'],
    ['Raise the memory limit of the job', 'restart_service', 'high'],
    ['Restore the group mapping in the SSO configuration', 'update_configuration', 'high'],
    ['Tell the customer it is an incident at the provider', 'notify_customer', 'low'],
  ])('%s → %s (%s)', (text, action, impact) => {
    expect(proposeAction(text)).toBe(action);
    expect(impactOf(proposeAction(text))).toBe(impact);
  });
});

describe('approvalReasons', () => {
  const good = { outcome: 'resolved' as const, confidence: 0.9, supported: true };
  it('lets a confident, backed, low-impact result run on policy', () => {
    expect(approvalReasons(good, 'notify_customer', 0.7)).toEqual([]);
  });
  it('asks a person for high impact, low confidence, missing evidence or an escalation', () => {
    expect(approvalReasons(good, 'rotate_credentials', 0.7)).toEqual(['rotate_credentials is a high-impact action']);
    expect(approvalReasons({ ...good, confidence: 0.5 }, 'notify_customer', 0.7)).toEqual(['confidence 0.5 is under 0.7']);
    expect(approvalReasons({ ...good, supported: false }, 'notify_customer', 0.7)).toEqual(['the recommendation is not backed by an observation']);
    expect(approvalReasons({ ...good, outcome: 'max_steps' }, 'notify_customer', 0.7)).toEqual(['the agent did not resolve the case (max_steps)']);
  });
});

describe('isApprover', () => {
  it('matches names without case or surrounding space, and never an empty name', () => {
    expect(isApprover(' Alice ', ['alice', 'bob'])).toBe(true);
    expect(isApprover('mallory', ['alice'])).toBe(false);
    expect(isApprover('  ', ['', 'alice'])).toBe(false);
  });
});
