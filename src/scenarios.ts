import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Scenario } from './domain/scenario';

/** Where the built-in scenarios live: one JSON file each, named by id. */
export const BUILT_IN_SCENARIO_DIR = join(__dirname, '..', 'scenarios');

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

function parseScenario(text: string, source: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(`${source} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new ScenarioError(`${source} is not a valid scenario:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** Every built-in scenario, by id order. */
export function listScenarios(): Scenario[] {
  return readdirSync(BUILT_IN_SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseScenario(readFileSync(join(BUILT_IN_SCENARIO_DIR, f), 'utf8'), `scenarios/${f}`));
}

/** A built-in scenario by id, or a scenario file by path; throws ScenarioError saying what is wrong. */
export function loadScenario(idOrPath: string): Scenario {
  const looksLikePath = idOrPath.includes('/') || idOrPath.endsWith('.json');
  if (!looksLikePath) {
    const file = join(BUILT_IN_SCENARIO_DIR, `${idOrPath}.json`);
    if (!/^[a-z0-9-]+$/.test(idOrPath) || !existsSync(file)) {
      const known = listScenarios().map((s) => s.id);
      throw new ScenarioError(`unknown scenario "${idOrPath}": built-in ones are ${known.join(', ')} (or give a path to a JSON file)`);
    }
    return parseScenario(readFileSync(file, 'utf8'), `scenarios/${idOrPath}.json`);
  }
  const path = resolve(idOrPath);
  if (!existsSync(path)) throw new ScenarioError(`scenario file ${idOrPath} does not exist`);
  return parseScenario(readFileSync(path, 'utf8'), idOrPath);
}
