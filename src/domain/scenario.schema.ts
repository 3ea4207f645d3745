import { z } from 'zod';
import { SCENARIO_ID, unknownToolProblem } from './scenario';

/** A troubleshooting scenario file: what each simulated tool observes, and what a good run should conclude. */
export const Scenario = z
  .object({
    id: z.string().regex(SCENARIO_ID, 'id must be lowercase letters, digits and dashes'),
    title: z.string().min(1),
    goal: z.string().min(1),
    observations: z.record(z.string(), z.string().min(1)).superRefine((obs, ctx) => {
      for (const tool of Object.keys(obs)) {
        const problem = unknownToolProblem(tool);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [tool] });
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
