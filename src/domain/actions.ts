/** Impact decides who may let an action run: low runs on policy, high waits for a person. */
export type Impact = 'low' | 'high';

/**
 * The remediation actions a support case may take. Adding an action is one entry: its impact, what
 * it does, and the words in a recommendation that propose it (checked in order, first match wins).
 */
export const ACTIONS = {
  rotate_credentials: { impact: 'high', description: 'Rotate or re-issue a credential, key or certificate', cues: /\b(rotate|re-?issue|renew|credential|api[_ ]?key|secret|token|certificate|cert)\b|_KEY\b/i },
  roll_back_deployment: { impact: 'high', description: 'Roll back the latest deployment or migration', cues: /\b(roll ?back|revert|redeploy previous|undo the (deploy|release|migration))\b/i },
  restart_service: { impact: 'high', description: 'Restart, resize or scale the affected service', cues: /\b(restart|reboot|scale (up|out)|(increase|raise) (the )?(memory|limit|capacity))/i },
  update_configuration: { impact: 'high', description: 'Change a configuration value or environment variable', cues: /\b(config(uration)?|environment variable|setting|set the|add the|restore the|mapping|index)\b/i },
  notify_customer: { impact: 'low', description: 'Tell the customer what was found and what happens next', cues: /.*/ },
} as const satisfies Record<string, { impact: Impact; description: string; cues: RegExp }>;

export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/** The action a recommendation proposes; notify_customer when it proposes nothing riskier. */
export function proposeAction(recommendation: string): ActionName {
  return ACTION_NAMES.find((name) => ACTIONS[name].cues.test(recommendation)) ?? 'notify_customer';
}

export function impactOf(action: ActionName): Impact {
  return ACTIONS[action].impact;
}
