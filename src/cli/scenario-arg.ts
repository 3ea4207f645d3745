import type { Scenario } from '../domain/scenario.schema';
import { loadScenario, ScenarioError } from '../scenarios';
import { UsageError } from '../clients/errors';

/** `--scenario` as the user gave it: a built-in id or a file; a bad one is a usage error that says what is wrong. */
export function loadScenarioOrUsage(idOrPath: string): Scenario {
  try {
    return loadScenario(idOrPath);
  } catch (err) {
    if (err instanceof ScenarioError) throw new UsageError(err.message);
    throw err;
  }
}
