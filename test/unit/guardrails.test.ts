import { RECENT_STEPS, transcriptForModel, type AgentDecision, type AgentStep } from '../../src/domain/agent';
import { isSupported, keyTerms, rejectDecision, trailingRejections } from '../../src/domain/guardrails';

const investigate = (tool: string): AgentDecision => ({ thought: '', action: 'investigate', tool, message: '', confidence: 0.5, proposedAction: null });
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

describe('transcriptForModel', () => {
  const ran = (step: number, tool: string): AgentStep => ({
    step,
    decision: { thought: '', action: 'investigate', tool, message: '', confidence: 0.5, proposedAction: null },
    observation: `${tool} says`,
  });
  const rejected = (step: number): AgentStep => ({
    step,
    decision: { thought: '', action: 'investigate', tool: 'logs', message: '', confidence: 0.5, proposedAction: null },
    rejection: 'already ran',
  });

  it('keeps every step that ran a tool (older ones as the tool and what it saw) and the latest in full, and drops old rejections', () => {
    const steps = [ran(1, 'logs'), rejected(2), rejected(3), ran(4, 'metrics'), rejected(5), rejected(6), rejected(7)];
    const shown = transcriptForModel(steps, 2);
    expect(shown.map((s) => s.step)).toEqual([1, 4, 6, 7]);
    expect(shown[0]).toEqual({
      step: 1,
      decision: { thought: '', action: 'investigate', tool: 'logs', message: '', confidence: 0.5, proposedAction: null },
      observation: 'logs says',
    });
    expect(shown.slice(2)).toEqual(steps.slice(5));
    expect(transcriptForModel(steps.slice(0, 3), 5)).toEqual(steps.slice(0, 3));
  });

  it('stops growing: a long run of rejections shows the model the same number of steps', () => {
    const long = [ran(1, 'logs'), ...Array.from({ length: 200 }, (_, i) => rejected(i + 2))];
    expect(transcriptForModel(long)).toHaveLength(1 + RECENT_STEPS);
  });
});
