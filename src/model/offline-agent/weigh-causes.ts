import { sharedTerms } from './relevance';
import { statedCauses, type StatedCause } from './stated-causes';
import { symptomOnset, timingOf, type Timing } from './timing';

/** An observation the agent has, with the tool that produced it. */
export interface Observed {
  tool: string;
  observation: string;
}

/** A stated cause, weighed against the symptom: when it happened and whether it is about it. */
export interface Candidate extends StatedCause, Observed {
  timing: Timing;
  /** Meaningful words the sentence shares with the goal and the other observations. */
  related: number;
  /** About the symptom: from the affected service itself, or sharing words with what is. */
  relevant: boolean;
  /** A cause stated, about the symptom, not ruled out by its timing: enough to conclude on. */
  sound: boolean;
}

// These tools look at the affected service itself, so what they report is about the symptom; the
// others (changes, status page, dependencies) also report on things that have nothing to do with it.
const ABOUT_THE_SERVICE: ReadonlySet<string> = new Set(['logs', 'metrics', 'config_check']);
// Where a symptom shows, and so where its start can be read when the goal does not say.
const SHOWS_SYMPTOMS: ReadonlySet<string> = new Set(['logs', 'metrics']);

const TIMING_ORDER: Record<Timing, number> = { fits: 2, unknown: 1, 'long-before': 0, after: 0 };

/** Higher first: sound, relevant, better timing, stated over pointed, more related, more specific, earlier. */
function compare(a: Candidate, b: Candidate): number {
  return (
    Number(b.sound) - Number(a.sound) ||
    Number(b.relevant) - Number(a.relevant) ||
    TIMING_ORDER[b.timing] - TIMING_ORDER[a.timing] ||
    Number(b.cue.strength === 'states') - Number(a.cue.strength === 'states') ||
    b.related - a.related ||
    a.rank - b.rank
  );
}

/**
 * Every cause the observations state, best first. Reads all of them, so a cause seen three steps
 * ago still competes; timing is judged against when the goal (or, failing that, the logs or
 * metrics) say the symptom began.
 */
export function weighCauses(goal: string, observed: readonly Observed[]): Candidate[] {
  const onset = symptomOnset(
    goal,
    observed.filter((o) => SHOWS_SYMPTOMS.has(o.tool)).map((o) => o.observation),
  );
  const candidates = observed.flatMap((o, i) => {
    const others = [goal, ...observed.filter((_, j) => j !== i).map((p) => p.observation)];
    return statedCauses(o.observation).map((stated): Candidate => {
      const timing = timingOf(stated.sentence, stated.at, onset);
      const related = sharedTerms(stated.sentence, others);
      const relevant = ABOUT_THE_SERVICE.has(o.tool) || related > 0;
      const sound = stated.cue.strength === 'states' && relevant && (timing === 'fits' || timing === 'unknown');
      return { ...stated, ...o, timing, related, relevant, sound };
    });
  });
  // A stable sort keeps observation order among equals.
  return candidates.sort(compare);
}
