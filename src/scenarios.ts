import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { schemaProblems } from './domain/schema-problems';
import { Scenario } from './domain/scenario.schema';

/**
 * Where the built-in scenarios live: one JSON file each, named `<id>.json`. Resolved from this file so
 * it holds from src/ (tsx, tests) and from lib/ (the built image copies scenarios/ next to lib/).
 */
export const BUILT_IN_SCENARIO_DIR = resolve(__dirname, '..', 'scenarios');

/** A scenario that cannot be used; the message says which one and exactly what is wrong with it. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Parses and validates scenario JSON; `source` names the file in messages. */
function parseScenario(text: string, source: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(`${source} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    // One line per problem, each led by its field path so the author knows where to look.
    throw new ScenarioError(`${source} is not a valid scenario:\n  ${schemaProblems(parsed.error).join('\n  ')}`);
  }
  return parsed.data;
}

/** Reads a built-in file and checks its id matches its name, which is how loadScenario finds it. */
function readBuiltIn(file: string): Scenario {
  const source = `scenarios/${file}`;
  const scenario = parseScenario(readFileSync(join(BUILT_IN_SCENARIO_DIR, file), 'utf8'), source);
  if (`${scenario.id}.json` !== file) throw new ScenarioError(`${source}: id "${scenario.id}" does not match the file name`);
  return scenario;
}

/** Every built-in scenario, sorted by id. */
export function listScenarios(): Scenario[] {
  return readdirSync(BUILT_IN_SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map(readBuiltIn);
}

/**
 * A built-in scenario by id (`payment-after-deploy`), or a scenario file by path (anything with a
 * slash or ending in `.json`). Throws ScenarioError for an unknown id, a missing or unreadable file,
 * text that is not JSON, or JSON that breaks the schema (each problem with its field path).
 */
export function loadScenario(idOrPath: string): Scenario {
  const looksLikePath = /[/\\]/.test(idOrPath) || idOrPath.endsWith('.json');
  if (!looksLikePath) {
    const file = `${idOrPath}.json`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(idOrPath) || !existsSync(join(BUILT_IN_SCENARIO_DIR, file))) {
      const known = readdirSync(BUILT_IN_SCENARIO_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => basename(f, '.json'))
        .sort();
      throw new ScenarioError(`unknown scenario "${idOrPath}": built-in ones are ${known.join(', ')} (or give a path to a JSON file)`);
    }
    return readBuiltIn(file);
  }
  const path = resolve(idOrPath);
  if (!existsSync(path)) throw new ScenarioError(`scenario file ${idOrPath} does not exist`);
  if (!statSync(path).isFile()) throw new ScenarioError(`scenario file ${idOrPath} is not a file`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ScenarioError(`scenario file ${idOrPath} cannot be read: ${(err as Error).message}`);
  }
  return parseScenario(text, idOrPath);
}
