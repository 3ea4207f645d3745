import { z } from 'zod';
import { ACTION_NAMES } from './actions';

/** What a finish proposes to do: an action of the registry (src/domain/actions.ts) and what it acts on. */
export const ProposedActionOutput = z.object({
  name: z.enum(ACTION_NAMES).describe('the action of the registry the fix takes'),
  target: z.string().describe('what the action acts on (the variable, service, volume or credential), spelled as the observation that shows it spells it'),
});

/**
 * One decision of the troubleshooting agent, as the model must return it. `tool` is a free string on
 * purpose: the allowlist is enforced in code (guardrails), so a bad tool is a rejected decision the
 * model can recover from, not a parse failure. `proposedAction` is nullable, not optional: strict
 * structured outputs require every field.
 */
export const AgentDecision = z.object({
  thought: z.string(),
  action: z.enum(['investigate', 'finish', 'escalate']),
  tool: z.string().describe('the tool to run when action is investigate, else "none"'),
  message: z.string().describe('what you are checking, or the final recommendation'),
  confidence: z.number().min(0).max(1),
  proposedAction: ProposedActionOutput.nullable().describe('with finish: the action the recommendation takes and its target; null otherwise'),
});
export type AgentDecision = z.infer<typeof AgentDecision>;
