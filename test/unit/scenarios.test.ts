import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { observe, scenarioProblems } from '../../src/domain/scenario';
import { Scenario } from '../../src/domain/scenario.schema';
import { BUILT_IN_SCENARIO_DIR, listScenarios, loadScenario, ScenarioError } from '../../src/scenarios';
import { tempDir } from '../helpers/files';

const REQUIRED = ['payment-after-deploy', 'pipeline-some-days', 'access-denied-sso', 'no-clear-cause', 'misleading-first-clue', 'slow-checkout-db'];

/** A scenario file in a fresh temp dir; returns its path. */
const write = (content: string) => {
  const file = join(tempDir(), 'scenario.json');
  writeFileSync(file, content);
  return file;
};
const valid = () => loadScenario('no-clear-cause');

describe('built-in scenarios', () => {
  const all = listScenarios();

  it('include the required ones, with at least one expected to escalate', () => {
    expect(all.map((s) => s.id)).toEqual(expect.arrayContaining(REQUIRED));
    expect(all.some((s) => s.expected.outcome === 'escalated')).toBe(true);
  });

  it.each(all.map((s) => [s.id, s] as const))('%s parses and is consistent', (_id, scenario) => {
    expect(Scenario.parse(scenario)).toEqual(scenario);
    // A resolved scenario must name what its root cause is; an escalated one must not.
    expect(scenario.expected.rootCauseKeywords.length > 0).toBe(scenario.expected.outcome === 'resolved');
  });

  it('the payment scenario carries the facts of the source material', () => {
    const payment = loadScenario('payment-after-deploy');
    expect(observe(payment, 'logs')).toContain('INVALID_API_KEY');
    expect(observe(payment, 'config_check')).toMatch(/PAYMENT_API_KEY is missing in production/);
    expect(observe(payment, 'status_page')).toMatch(/operational/);
    expect(observe(payment, 'metrics')).toBe('no data');
  });
});

describe('scenarioProblems (what a workflow checks of a scenario it is given)', () => {
  it('accepts every built-in scenario', () => {
    for (const scenario of listScenarios()) expect(scenarioProblems(scenario)).toEqual([]);
  });

  it('names each field that is wrong', () => {
    expect(scenarioProblems({ ...valid(), observations: { shell: 'rm -rf /', logs: '' } })).toEqual([
      expect.stringMatching(/^scenario\.observations\.shell: unknown tool "shell"/),
      'scenario.observations.logs must be a non-empty string',
    ]);
    expect(scenarioProblems({ id: 'Bad Id', title: '', goal: 3, observations: [] })).toEqual([
      'scenario.id must be lowercase letters, digits and dashes',
      'scenario.title must be a non-empty string',
      'scenario.goal must be a non-empty string',
      'scenario.observations must map tool names to what each observes',
    ]);
    expect(scenarioProblems('payment-after-deploy')).toEqual(['scenario must be an object']);
  });
});

describe('loadScenario', () => {
  it('loads by id, by relative path and by absolute path', () => {
    const byId = loadScenario('payment-after-deploy');
    const absolute = join(BUILT_IN_SCENARIO_DIR, 'payment-after-deploy.json');
    expect(loadScenario(absolute)).toEqual(byId);
    expect(loadScenario(relative(process.cwd(), absolute))).toEqual(byId);
  });

  it('loads a custom scenario file', () => {
    const custom = { ...valid(), id: 'my-case', observations: { logs: 'disk is full' } };
    expect(loadScenario(write(JSON.stringify(custom)))).toEqual(custom);
  });

  const cases: Array<[string, () => unknown, RegExp]> = [
    [
      'an unknown id, listing the known ones',
      () => loadScenario('nope'),
      /^unknown scenario "nope": built-in ones are .*access-denied-sso, .*payment-after-deploy/,
    ],
    ['a missing file', () => loadScenario('./missing.json'), /^scenario file \.\/missing\.json does not exist$/],
    ['a file that is not JSON', () => loadScenario(write('{ nope')), /scenario\.json is not valid JSON: .+/],
    ['an unknown tool', () => loadScenario(write(JSON.stringify({ ...valid(), observations: { logz: 'x' } }))), /observations\.logz: unknown tool "logz"/],
    [
      'a bad expected outcome',
      () => loadScenario(write(JSON.stringify({ ...valid(), expected: { outcome: 'fixed', rootCauseKeywords: [] } }))),
      /expected\.outcome: .*"resolved"/,
    ],
    ['a missing goal', () => loadScenario(write(JSON.stringify({ ...valid(), goal: undefined }))), /\n {2}goal: /],
    ['an extra field', () => loadScenario(write(JSON.stringify({ ...valid(), owner: 'me' }))), /\(top level\): .*owner/],
    ['an id with capitals', () => loadScenario(write(JSON.stringify({ ...valid(), id: 'My Case' }))), /id: id must be lowercase/],
  ];
  it.each(cases)('rejects %s', (_name, load, message) => {
    expect(load).toThrow(ScenarioError);
    expect(load).toThrow(message);
  });

  it('rejects a directory given as the scenario file', () => {
    const dir = join(tempDir(), 'dir.json');
    mkdirSync(dir);
    expect(() => loadScenario(dir)).toThrow(/is not a file$/);
  });
});
