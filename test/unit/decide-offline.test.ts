import type { AgentStep, DecisionInput } from '../../src/domain/agent';
import { DEFAULT_AGENT_LIMITS, isSupported } from '../../src/domain/guardrails';
import { decideNextStepTask, decideOffline } from '../../src/model/tasks/decide-next-step';
import { MODEL_TASKS } from '../../src/model/tasks';
import { loadScenario } from '../../src/scenarios';
import { runOffline, toolsFor, toolsRun } from '../helpers/offline-agent';

const investigated = (n: number, tool: string, observation: string): AgentStep => ({
  step: n,
  decision: { thought: '', action: 'investigate', tool, message: '', confidence: 0.5, proposedAction: null },
  observation,
});
const input = (over: Partial<DecisionInput>): DecisionInput => ({
  goal: 'something is wrong',
  allowedTools: toolsFor(),
  transcript: [],
  stepsLeft: 5,
  minConfidence: DEFAULT_AGENT_LIMITS.minConfidence,
  ...over,
});

describe('the offline agent on built-in scenarios', () => {
  it('names PAYMENT_API_KEY for the payment scenario, via recent_changes and config_check', () => {
    const { outcome, decision, transcript } = runOffline(loadScenario('payment-after-deploy'));
    expect(outcome).toBe('resolved');
    expect(decision?.message).toContain('PAYMENT_API_KEY');
    expect(transcript.map((s) => s.decision?.tool)).toEqual(['recent_changes', 'config_check', 'none']);
  });

  it('does not blame the innocent release in the misleading scenario', () => {
    const { decision } = runOffline(loadScenario('misleading-first-clue'));
    expect(decision?.message).not.toMatch(/release|4\.18/i);
  });

  it('stays inside a restricted allowlist and hands what the logs point at to a person', () => {
    const payment = loadScenario('payment-after-deploy');
    const { outcome, decision, transcript } = runOffline(payment, ['logs', 'status_page']);
    expect(transcript.every((s) => s.rejection === undefined)).toBe(true);
    expect(toolsRun(transcript)).toEqual(['logs', 'status_page']);
    // INVALID_API_KEY says what kind of cause, not which key: a lead under the guardrail's confidence.
    expect(decision).toMatchObject({ action: 'finish', confidence: 0.6 });
    expect(decision?.message).toMatch(/^Possible root cause, for a person to confirm \(from logs\): .*INVALID_API_KEY/);
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

  it('quotes the sentence that states the cause, with the fix its cue suggests', () => {
    const observation = 'Checkout latency rose at 02:10. The index orders_customer_id_idx was dropped by migration 0042. CPU is at 95%.';
    const transcript = [investigated(1, 'dependency_health', observation)];
    const d = decideOffline(input({ goal: 'checkout is slow since the migration', transcript }));
    expect(d.message).toBe(
      'Likely root cause (from dependency_health): The index orders_customer_id_idx was dropped by migration 0042. Recommended fix: restore what was removed (or update what still refers to it), then guard against removing it again.',
    );
    expect(d.thought).toBe('dependency_health states a cause (removed), at a time the observations do not pin down.');
    expect(isSupported(d.message, transcript)).toBe(true);
  });

  it('quotes the whole observation when the sentence alone is too short to back the recommendation', () => {
    const transcript = [investigated(1, 'logs', 'ENOSPC. Spool writer stopped at seg-88123 on ingest-03.')];
    const d = decideOffline(input({ transcript }));
    expect(d.message).toContain('ENOSPC. Spool writer stopped at seg-88123 on ingest-03.');
    expect(isSupported(d.message, transcript)).toBe(true);
  });

  it('confirms a pointing code where its cue says before concluding', () => {
    const transcript = [investigated(1, 'logs', 'worker exited with code 137 at 02:14')];
    expect(decideOffline(input({ transcript }))).toMatchObject({ action: 'investigate', tool: 'metrics' });
  });

  it('with no tool left, hands the best lead to a person rather than escalating empty-handed', () => {
    const transcript = [investigated(1, 'logs', 'worker exited with code 137 at 02:14')];
    const d = decideOffline(input({ allowedTools: toolsFor(['logs']), transcript }));
    expect(d).toMatchObject({ action: 'finish', confidence: 0.6 });
    expect(d.thought).toMatch(/not confirmed, as it shows the kind of cause, not which one/);
    // Under a laxer threshold the lead still stays under it, so it still goes to a person.
    expect(decideOffline(input({ allowedTools: toolsFor(['logs']), transcript, minConfidence: 0.5 })).confidence).toBeLessThan(0.5);
  });

  it.each(['No keys are missing.', 'Nothing was removed or disabled.', 'The slow query log is full of scans.', 'no data'])(
    'does not take "%s" for a cause',
    (observation) => {
      expect(decideOffline(input({ transcript: [investigated(1, 'logs', observation)] })).action).toBe('investigate');
    },
  );

  it('recovers from a rejected decision with a different, allowed tool', () => {
    const transcript: AgentStep[] = [
      {
        step: 1,
        decision: { thought: '', action: 'investigate', tool: 'logs', message: '', confidence: 0.5, proposedAction: null },
        rejection: 'tool "logs" is not allowed; allowed tools: metrics, status_page',
      },
    ];
    const d = decideOffline(input({ goal: 'errors everywhere', allowedTools: toolsFor(['metrics', 'status_page']), transcript }));
    expect(d.action).toBe('investigate');
    expect(['metrics', 'status_page']).toContain(d.tool);
    expect(d.thought).toMatch(/rejected/);
  });

  it('looks further instead of repeating a rejected finish', () => {
    const transcript: AgentStep[] = [
      investigated(1, 'logs', 'The API key was revoked yesterday.'),
      { step: 2, decision: { thought: '', action: 'finish', tool: 'none', message: 'x', confidence: 0.9, proposedAction: null }, rejection: 'not backed' },
    ];
    expect(decideOffline(input({ transcript }))).toMatchObject({ action: 'investigate', tool: 'config_check' });
  });

  it('never proposes a tool outside the allowlist, and escalates when none is left', () => {
    const onlyLogs = toolsFor(['logs']);
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
