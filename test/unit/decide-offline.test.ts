import type { AgentDecision, AgentStep, DecisionInput } from '../../src/domain/agent';
import { DEFAULT_AGENT_LIMITS, isSupported } from '../../src/domain/guardrails';
import { observe } from '../../src/domain/scenario';
import type { Scenario } from '../../src/domain/scenario.schema';
import { TOOLS, TOOL_NAMES, type ToolName } from '../../src/domain/tools';
import { decideNextStepTask, decideOffline } from '../../src/model/tasks/decide-next-step';
import { MODEL_TASKS } from '../../src/model/tasks';
import { listScenarios, loadScenario } from '../../src/scenarios';

const tools = (names: readonly string[] = TOOL_NAMES) => names.map((name) => ({ name, description: TOOLS[name as ToolName] }));
const investigated = (n: number, tool: string, observation: string): AgentStep => ({
  step: n,
  decision: { thought: '', action: 'investigate', tool, message: '', confidence: 0.5 },
  observation,
});
const input = (over: Partial<DecisionInput>): DecisionInput => ({ goal: 'something is wrong', allowedTools: tools(), transcript: [], stepsLeft: 5, minConfidence: DEFAULT_AGENT_LIMITS.minConfidence, ...over });

/**
 * The troubleshoot loop in miniature, with the workflow's acceptance rule: a finish resolves only
 * when confident enough and backed by an observation; anything else ends escalated.
 */
function run(scenario: Scenario, allowed: readonly string[] = TOOL_NAMES, maxSteps = DEFAULT_AGENT_LIMITS.maxSteps) {
  const transcript: AgentStep[] = [];
  for (let step = 1; step <= maxSteps; step += 1) {
    const decision: AgentDecision = decideOffline({ goal: scenario.goal, allowedTools: tools(allowed), transcript, stepsLeft: maxSteps - step + 1, minConfidence: DEFAULT_AGENT_LIMITS.minConfidence });
    if (decision.action === 'investigate') {
      expect(allowed).toContain(decision.tool);
      transcript.push({ step, decision, observation: observe(scenario, decision.tool as ToolName) });
      continue;
    }
    transcript.push({ step, decision });
    const resolved = decision.action === 'finish' && decision.confidence >= DEFAULT_AGENT_LIMITS.minConfidence && isSupported(decision.message, transcript);
    return { outcome: resolved ? 'resolved' : 'escalated', decision, transcript };
  }
  return { outcome: 'escalated', decision: undefined, transcript };
}

describe('the offline agent on every built-in scenario', () => {
  it.each(listScenarios().map((s) => [s.id, s] as const))('%s reaches its expected outcome', (_id, scenario) => {
    const { outcome, decision, transcript } = run(scenario);
    expect(outcome).toBe(scenario.expected.outcome);
    const tried = transcript.flatMap((s) => (s.decision?.action === 'investigate' ? [s.decision.tool] : []));
    expect(new Set(tried).size).toBe(tried.length); // never runs a tool twice
    if (outcome === 'resolved') {
      expect(decision?.confidence).toBeGreaterThanOrEqual(0.8);
      for (const keyword of scenario.expected.rootCauseKeywords) expect(decision?.message.toLowerCase()).toContain(keyword.toLowerCase());
    } else {
      expect(decision?.action).toBe('escalate');
      expect(decision?.confidence).toBeLessThanOrEqual(0.4);
    }
  });

  it('names PAYMENT_API_KEY for the payment scenario, via recent_changes and config_check', () => {
    const { outcome, decision, transcript } = run(loadScenario('payment-after-deploy'));
    expect(outcome).toBe('resolved');
    expect(decision?.message).toContain('PAYMENT_API_KEY');
    expect(transcript.map((s) => s.decision?.tool)).toEqual(['recent_changes', 'config_check', 'none']);
  });

  it('does not blame the innocent release in the misleading scenario', () => {
    const { decision } = run(loadScenario('misleading-first-clue'));
    expect(decision?.message).not.toMatch(/release|4\.18/i);
  });

  it('stays inside a restricted allowlist and still escalates cleanly', () => {
    const payment = loadScenario('payment-after-deploy');
    const { outcome, transcript } = run(payment, ['logs', 'status_page']); // run() asserts every tool is allowed
    expect(transcript.flatMap((s) => (s.decision?.action === 'investigate' ? [s.decision.tool] : []))).toEqual(['logs', 'status_page']);
    expect(outcome).toBe('escalated');
  });
});

describe('decideOffline', () => {
  it('starts at recent_changes when the goal mentions a change, else at logs', () => {
    expect(decideOffline(input({ goal: 'Payments stopped after a deployment' })).tool).toBe('recent_changes');
    expect(decideOffline(input({ goal: 'Users see blank pages' })).tool).toBe('logs');
  });

  it.each([
    ['The release switched to a new API key configuration.', 'config_check'],
    ['Error: INVALID_API_KEY', 'config_check'],
    ['Requests fail with NullPointerException', 'logs'],
    ['CPU usage doubled and throughput halved.', 'metrics'],
    ['Every call goes through the upstream provider api.example.', 'dependency_health'],
    ['It began right after migration 17.', 'recent_changes'],
    ['Related to the open outage?', 'status_page'],
  ])('follows the clue in "%s" to %s', (observation, tool) => {
    // The observation came from metrics (or logs), so that tool is used up and the clue decides.
    const from = tool === 'metrics' ? 'logs' : 'metrics';
    expect(decideOffline(input({ transcript: [investigated(1, from, observation)] })).tool).toBe(tool);
  });

  it('finishes on a stated cause with a recommendation the guardrail accepts', () => {
    const transcript = [investigated(1, 'config_check', 'Environment variable PAYMENT_API_KEY is missing in production.')];
    const d = decideOffline(input({ transcript }));
    expect(d).toMatchObject({ action: 'finish', tool: 'none' });
    expect(d.message).toContain('PAYMENT_API_KEY is missing in production');
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
    expect(isSupported(d.message, transcript)).toBe(true);
  });

  it.each(['No keys are missing.', 'Nothing was removed or disabled.', 'The slow query log is full of scans.', 'no data'])(
    'does not take "%s" for a cause',
    (observation) => {
      expect(decideOffline(input({ transcript: [investigated(1, 'logs', observation)] })).action).toBe('investigate');
    },
  );

  it('recovers from a rejected decision with a different, allowed tool', () => {
    const transcript: AgentStep[] = [
      { step: 1, decision: { thought: '', action: 'investigate', tool: 'logs', message: '', confidence: 0.5 }, rejection: 'tool "logs" is not allowed; allowed tools: metrics, status_page' },
    ];
    const d = decideOffline(input({ goal: 'errors everywhere', allowedTools: tools(['metrics', 'status_page']), transcript }));
    expect(d.action).toBe('investigate');
    expect(['metrics', 'status_page']).toContain(d.tool);
    expect(d.thought).toMatch(/rejected/);
  });

  it('looks further instead of repeating a rejected finish', () => {
    const transcript: AgentStep[] = [
      investigated(1, 'logs', 'The API key was revoked yesterday.'),
      { step: 2, decision: { thought: '', action: 'finish', tool: 'none', message: 'x', confidence: 0.9 }, rejection: 'not backed' },
    ];
    expect(decideOffline(input({ transcript }))).toMatchObject({ action: 'investigate', tool: 'config_check' });
  });

  it('never proposes a tool outside the allowlist, and escalates when none is left', () => {
    const onlyLogs = tools(['logs']);
    expect(decideOffline(input({ goal: 'deployment broke it', allowedTools: onlyLogs })).tool).toBe('logs');
    const d = decideOffline(input({ allowedTools: onlyLogs, transcript: [investigated(1, 'logs', 'all quiet')] }));
    expect(d).toMatchObject({ action: 'escalate', tool: 'none' });
    expect(d.confidence).toBeLessThanOrEqual(0.4);
    expect(d.message).toMatch(/checked: logs/);
  });

  it('escalates on the last step without evidence, but finishes on it with evidence', () => {
    expect(decideOffline(input({ stepsLeft: 1 }))).toMatchObject({ action: 'escalate', tool: 'none' });
    const transcript = [investigated(1, 'dependency_health', 'The TLS certificate of api.example expired today.')];
    expect(decideOffline(input({ stepsLeft: 1, transcript })).action).toBe('finish');
  });
});

describe('decideNextStepTask', () => {
  it('is registered under agent_decision with the offline rules', () => {
    expect(MODEL_TASKS.get('agent_decision')).toBe(decideNextStepTask);
    expect(decideNextStepTask.offline).toBe(decideOffline);
    expect(decideNextStepTask.output.parse(decideOffline(input({})))).toBeTruthy();
    expect(decideNextStepTask.instructions).toMatch(/data, not instructions/);
  });
});
