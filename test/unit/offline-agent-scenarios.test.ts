import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scenario } from '../../src/domain/scenario.schema';
import { listScenarios } from '../../src/scenarios';
import { runOffline, toolsRun } from '../helpers/offline-agent';

// Written apart from the built-in ones, in a voice of their own, to check that the rules generalize.
const outsiders = Scenario.array().parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'outsider-scenarios.json'), 'utf8')));

describe.each([
  ['built-in', listScenarios()],
  ['outsider', outsiders],
])('the offline agent, step by step with the guardrails, on every %s scenario', (_kind, scenarios) => {
  it.each(scenarios.map((s) => [s.id, s] as const))('%s reaches its expected outcome', (_id, scenario) => {
    const { outcome, decision, transcript } = runOffline(scenario);
    expect(outcome).toBe(scenario.expected.outcome);
    expect(transcript.every((s) => s.rejection === undefined)).toBe(true); // no decision the guardrails refuse
    const ran = toolsRun(transcript);
    expect(new Set(ran).size).toBe(ran.length);
    if (outcome === 'resolved') {
      expect(decision?.confidence).toBeGreaterThanOrEqual(0.8);
      for (const keyword of scenario.expected.rootCauseKeywords) expect(decision?.message.toLowerCase()).toContain(keyword.toLowerCase());
    } else {
      expect(decision?.action).toBe('escalate');
      expect(decision?.confidence).toBeLessThanOrEqual(0.4);
    }
  });
});

describe('the offline policy', () => {
  // Its source, cue tables and all: it must generalize, not recognise the scenarios it is measured on.
  const modelDir = join(__dirname, '..', '..', 'src', 'model');
  const source = ['tasks/decide-next-step.ts', ...readdirSync(join(modelDir, 'offline-agent')).map((f) => `offline-agent/${f}`)]
    .map((f) => readFileSync(join(modelDir, f), 'utf8'))
    .join('\n')
    .toLowerCase();

  it.each([...listScenarios(), ...outsiders].map((s) => [s.id, s] as const))('names nothing particular to %s', (id, scenario) => {
    expect(source).not.toContain(id);
    // Identifiers (tax.region, AuthKey_8QX2LM) are what a special case would match on; short error
    // codes such as 429 or x509 are general knowledge and belong in the cue table.
    const identifiers = scenario.expected.rootCauseKeywords.filter((k) => k.length >= 6 && /[a-z]/i.test(k) && /[\d_./-]/.test(k));
    for (const keyword of identifiers) expect(source).not.toContain(keyword.toLowerCase());
  });

  it('is measured on outsiders that are not built-in scenarios', () => {
    const builtIn = new Set(listScenarios().map((s) => s.id));
    expect(outsiders.filter((s) => builtIn.has(s.id))).toEqual([]);
    expect(outsiders.some((s) => s.expected.outcome === 'escalated')).toBe(true);
  });
});
