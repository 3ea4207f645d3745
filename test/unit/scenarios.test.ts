import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { observe } from '../../src/domain/scenario';
import { listScenarios, loadScenario, ScenarioError } from '../../src/scenarios';
import { tempDir } from '../helpers/files';

describe('scenarios', () => {
  it('ships at least five valid built-in scenarios, one of them expected to escalate', () => {
    const all = listScenarios();
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.map((s) => s.id)).toEqual(expect.arrayContaining(['payment-after-deploy', 'pipeline-some-days', 'access-denied-sso', 'no-clear-cause', 'misleading-first-clue']));
    expect(all.filter((s) => s.expected.outcome === 'escalated').length).toBeGreaterThanOrEqual(1);
  });

  it('loads by id and by path; a missing tool answers "no data"', () => {
    const byId = loadScenario('payment-after-deploy');
    expect(loadScenario('scenarios/payment-after-deploy.json')).toEqual(byId);
    expect(observe(byId, 'metrics')).toBe('no data');
  });

  const write = (content: string) => {
    const file = join(tempDir(), 'scenario.json');
    writeFileSync(file, content);
    return file;
  };

  it.each([
    ['an unknown id', () => loadScenario('nope'), /unknown scenario "nope": built-in ones are .*payment-after-deploy/],
    ['a missing file', () => loadScenario('./missing.json'), /scenario file \.\/missing\.json does not exist/],
    ['a file that is not JSON', () => loadScenario(write('{ nope')), /is not valid JSON/],
    [
      'an unknown tool',
      () => loadScenario(write(JSON.stringify({ ...loadScenario('no-clear-cause'), observations: { logz: 'x' } }))),
      /observations\.logz: unknown tool "logz"/,
    ],
    [
      'a bad expected outcome',
      () => loadScenario(write(JSON.stringify({ ...loadScenario('no-clear-cause'), expected: { outcome: 'fixed', rootCauseKeywords: [] } }))),
      /expected\.outcome/,
    ],
  ])('rejects %s with a message that says what is wrong', (_name, load, message) => {
    expect(load).toThrow(ScenarioError);
    expect(load).toThrow(message);
  });
});
