import { z } from 'zod';

/**
 * One decision of the troubleshooting agent, as the model must return it. `tool` is a free string on
 * purpose: the allowlist is enforced in code (guardrails), so a bad tool is a rejected decision the
 * model can recover from, not a parse failure.
 */
export const AgentDecision = z.object({
  thought: z.string(),
  action: z.enum(['investigate', 'finish', 'escalate']),
  tool: z.string().describe('the tool to run when action is investigate, else "none"'),
  message: z.string().describe('what you are checking, or the final recommendation'),
  confidence: z.number().min(0).max(1),
});
export type AgentDecision = z.infer<typeof AgentDecision>;
