/** Impact decides who may let an action run: low runs on policy, high waits for a person. */
export type Impact = 'low' | 'high';

/**
 * The remediation actions a support case may take. Adding an action is one entry: its impact and
 * what it does. The agent names one in its finish (AgentDecision.proposedAction); code checks it.
 */
export const ACTIONS = {
  rotate_credentials: { impact: 'high', description: 'Rotate or re-issue a credential, key or certificate' },
  roll_back_deployment: { impact: 'high', description: 'Roll back the latest deployment or migration' },
  restart_service: { impact: 'high', description: 'Restart, resize or scale the affected service' },
  update_configuration: { impact: 'high', description: 'Change a configuration value or environment variable' },
  notify_customer: { impact: 'low', description: 'Tell the customer what was found and what happens next' },
} as const satisfies Record<string, { impact: Impact; description: string }>;

export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as [ActionName, ...ActionName[]];

/** What the agent proposes to do, and to what: the variable, service, volume or credential it acts on. */
export interface ProposedAction {
  name: ActionName;
  target: string;
}

const MAX_TARGET_CHARS = 200;

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name);
}

/**
 * Why a proposed action may not stand, or undefined when it may: a known action, and a target that
 * one of the observations names (the agent may not act on something no tool showed it).
 */
export function proposedActionProblem(proposed: { name?: unknown; target?: unknown } | null | undefined, observations: readonly string[]): string | undefined {
  if (!proposed) return 'the agent finished without naming an action';
  if (!isActionName(proposed.name)) return `"${String(proposed.name)}" is no known action (known: ${ACTION_NAMES.join(', ')})`;
  const target = typeof proposed.target === 'string' ? proposed.target.trim() : '';
  if (!target) return `${proposed.name} names no target`;
  if (target.length > MAX_TARGET_CHARS) return `the target of ${proposed.name} is longer than ${MAX_TARGET_CHARS} characters`;
  const seen = target.toLowerCase();
  if (!observations.some((o) => o.toLowerCase().includes(seen))) return `${proposed.name} targets "${target}", which no tool observed`;
  return undefined;
}

export function impactOf(action: ActionName): Impact {
  return ACTIONS[action].impact;
}
