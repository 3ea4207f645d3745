import type { AgentDecision, AgentStep } from '../../src/domain/agent';
import { isSupported, keyTerms, rejectDecision, trailingRejections } from '../../src/domain/guardrails';

const investigate = (tool: string): AgentDecision => ({ thought: '', action: 'investigate', tool, message: '', confidence: 0.5 });
const ran = (step: number, tool: string, observation: string): AgentStep => ({ step, decision: investigate(tool), observation });

describe('rejectDecision', () => {
  const allowed = ['logs', 'config_check'];
  it('lets an allowed, new tool run', () => {
    expect(rejectDecision(investigate('logs'), [], allowed)).toBeNull();
  });
  it('rejects a tool outside the allowlist, naming the allowed ones', () => {
    expect(rejectDecision(investigate('restart_database'), [], allowed)).toBe('tool "restart_database" is not allowed; allowed tools: logs, config_check');
  });
  it('rejects a tool that already answered', () => {
    expect(rejectDecision(investigate('logs'), [ran(1, 'logs', 'x')], allowed)).toMatch(/already ran at step 1/);
  });
  it('allows retrying a tool whose earlier decision was rejected', () => {
    expect(rejectDecision(investigate('logs'), [{ step: 1, decision: investigate('logs'), rejection: 'no' }], allowed)).toBeNull();
  });
  it('does not judge finish or escalate', () => {
    expect(rejectDecision({ ...investigate('nonsense'), action: 'finish' }, [], allowed)).toBeNull();
  });
});

describe('isSupported', () => {
  const transcript = [ran(1, 'config_check', 'Environment variable PAYMENT_API_KEY is missing in production.'), ran(2, 'logs', 'no data')];
  it('accepts a recommendation that shares two key terms with an observation', () => {
    expect(isSupported('Set PAYMENT_API_KEY in production', transcript)).toBe(true);
  });
  it('rejects a recommendation no observation backs', () => {
    expect(isSupported('Restart the database cluster', transcript)).toBe(false);
    expect(isSupported('anything at all', [])).toBe(false);
  });
  it('ignores "no data" answers and stopwords', () => {
    expect(isSupported('no data', transcript)).toBe(false);
    expect([...keyTerms('The cause is the KEY_ONE and the logs')]).toEqual(['key_one', 'logs']);
  });
});

describe('trailingRejections', () => {
  it('counts rejected decisions at the end only', () => {
    const rejected = (step: number): AgentStep => ({ step, decision: null, rejection: 'bad' });
    expect(trailingRejections([rejected(1), ran(2, 'logs', 'x'), rejected(3), rejected(4)])).toBe(2);
    expect(trailingRejections([])).toBe(0);
  });
});
