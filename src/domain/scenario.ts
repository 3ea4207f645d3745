import { z } from 'zod';
import { NO_DATA, TOOL_NAMES, type ToolName } from './tools';

/** A troubleshooting scenario: what each simulated tool observes, and what a good run should conclude. */
export const Scenario = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lowercase letters, digits and dashes'),
    title: z.string().min(1),
    goal: z.string().min(1),
    observations: z.record(z.string(), z.string().min(1)).superRefine((obs, ctx) => {
      for (const tool of Object.keys(obs)) {
        if (!TOOL_NAMES.includes(tool as ToolName)) {
          ctx.addIssue({ code: 'custom', message: `unknown tool "${tool}" (known: ${TOOL_NAMES.join(', ')})`, path: [tool] });
        }
      }
    }),
    /** What makes a bad first step tempting, for scenarios that measure recovery. */
    trap: z.string().min(1).optional(),
    expected: z.object({
      outcome: z.enum(['resolved', 'escalated']),
      rootCauseKeywords: z.array(z.string().min(1)),
    }),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;

/** The simulated tool: the scenario's observation, or "no data". */
export function observe(scenario: Pick<Scenario, 'observations'>, tool: ToolName): string {
  return scenario.observations[tool] ?? NO_DATA;
}
