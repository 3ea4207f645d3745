import { NO_DATA, isToolName, TOOL_NAMES } from './tools';

export const SCENARIO_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The problem with a tool named in a scenario's observations, or undefined when the registry has it. */
export function unknownToolProblem(tool: string): string | undefined {
  return isToolName(tool) ? undefined : `unknown tool "${tool}" (known: ${TOOL_NAMES.join(', ')})`;
}

/**
 * What is wrong with a scenario as a workflow uses it (id, title, goal, observations), each problem
 * led by its field; empty when the tools can answer from it. Scenario files get the full schema
 * (scenario.schema.ts), which is also where the Scenario type comes from.
 */
export function scenarioProblems(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['scenario must be an object'];
  const s = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof s.id !== 'string' || !SCENARIO_ID.test(s.id)) problems.push('scenario.id must be lowercase letters, digits and dashes');
  for (const field of ['title', 'goal'] as const) {
    if (typeof s[field] !== 'string' || !(s[field] as string).trim()) problems.push(`scenario.${field} must be a non-empty string`);
  }
  const observations = s.observations;
  if (typeof observations !== 'object' || observations === null || Array.isArray(observations)) {
    problems.push('scenario.observations must map tool names to what each observes');
  } else {
    for (const [tool, text] of Object.entries(observations)) {
      const unknown = unknownToolProblem(tool);
      if (unknown) problems.push(`scenario.observations.${tool}: ${unknown}`);
      else if (typeof text !== 'string' || !text) problems.push(`scenario.observations.${tool} must be a non-empty string`);
    }
  }
  return problems;
}

/** The simulated tool: the scenario's observation, or "no data". */
export function observe(scenario: { observations: Readonly<Record<string, string>> }, tool: string): string {
  return (isToolName(tool) && scenario.observations[tool]) || NO_DATA;
}
