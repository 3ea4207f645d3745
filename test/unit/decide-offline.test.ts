import type { AgentStep } from '../../src/domain/agent';
import { TOOLS, TOOL_NAMES } from '../../src/domain/tools';
import { decideOffline } from '../../src/model/tasks/decide-next-step';

const allTools = TOOL_NAMES.map((name) => ({ name, description: TOOLS[name] }));
const step = (n: number, tool: string, observation: string): AgentStep => ({
  step: n,
  decision: { thought: '', action: 'investigate', tool, message: '', confidence: 0.5 },
  observation,
});

describe('the offline agent policy', () => {
  it('starts where the goal points', () => {
    const d = decideOffline({ goal: 'Payments stopped after a deployment', allowedTools: allTools, transcript: [], stepsLeft: 5 });
    expect(d).toMatchObject({ action: 'investigate', tool: 'recent_changes' });
  });

  it('follows the clue in the last observation', () => {
    const transcript = [step(1, 'recent_changes', 'The release switched to a new API key configuration.')];
    expect(decideOffline({ goal: 'x', allowedTools: allTools, transcript, stepsLeft: 4 }).tool).toBe('config_check');
  });

  it('finishes on a stated cause, quoting it', () => {
    const transcript = [step(1, 'config_check', 'PAYMENT_API_KEY is missing in production.')];
    const d = decideOffline({ goal: 'x', allowedTools: allTools, transcript, stepsLeft: 4 });
    expect(d.action).toBe('finish');
    expect(d.message).toContain('PAYMENT_API_KEY is missing in production.');
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('never proposes a tool outside the allowlist, and escalates when none is left', () => {
    const onlyLogs = [{ name: 'logs', description: TOOLS.logs }];
    expect(decideOffline({ goal: 'deployment broke it', allowedTools: onlyLogs, transcript: [], stepsLeft: 5 }).tool).toBe('logs');
    const d = decideOffline({ goal: 'x', allowedTools: onlyLogs, transcript: [step(1, 'logs', 'all quiet')], stepsLeft: 4 });
    expect(d).toMatchObject({ action: 'escalate', tool: 'none' });
    expect(d.confidence).toBeLessThanOrEqual(0.4);
  });

  it('recovers from a rejected decision with another tool', () => {
    const transcript: AgentStep[] = [{ step: 1, decision: { thought: '', action: 'investigate', tool: 'logs', message: '', confidence: 0.5 }, rejection: 'not allowed' }];
    const d = decideOffline({ goal: 'errors everywhere', allowedTools: allTools, transcript, stepsLeft: 4 });
    expect(d.action).toBe('investigate');
    expect(d.tool).not.toBe('logs');
    expect(d.thought).toMatch(/rejected/);
  });

  it('escalates on the last step without evidence', () => {
    expect(decideOffline({ goal: 'x', allowedTools: allTools, transcript: [], stepsLeft: 1 }).action).toBe('escalate');
  });
});
