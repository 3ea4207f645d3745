import { TOOL_NAMES } from '../../domain/tools';

// What a text mentions → the tool that looks into it. Checked in this order; the first cue whose tool
// is allowed and not yet run wins, so a clue is only followed to somewhere new.
const TOOL_CUES: ReadonlyArray<[string, RegExp]> = [
  [
    'config_check',
    /\b(config(uration)?|configmap|environment variables?|env vars?|settings?|secrets?|mapping|credentials?|permissions?|roles?|cron(job)?s?|schedules?|feature flags?|allowlist)\b|(\b|_)keys?\b/i,
  ],
  ['logs', /\b(errors?|exceptions?|fail(s|ed|ing|ures?)?|denied|time(d)? ?outs?|crash(es|ed|ing)?|exit code|fatal|panic|refused|rejected|stack ?trace)\b/i],
  ['metrics', /\b(latency|cpu|memory|throughput|slow(er|ness)?|sluggish|spikes?|volume|p9\d|rps|iops|restarts?|disk usage)\b/i],
  [
    'dependency_health',
    /\b(upstream|third[- ]party|providers?|database|db|postgres(ql)?|mysql|redis|kafka|rabbitmq|queues?|brokers?|certificates?|tls|dns|resolver|cdn|smtp|vendor|dependenc(y|ies))\b/i,
  ],
  ['recent_changes', /\b(deploy(ed|ment|s)?|release[sd]?|migrations?|chang(e|es|ed)|upgrade[sd]?|rollout|rolled out|helm|terraform)\b/i],
  ['status_page', /\b(incidents?|outages?|status)\b/i],
];

// Where an investigation starts: a goal that mentions a change starts at the changes, any other at the logs.
const CHANGE_IN_GOAL = /\b(deploy(ed|ment)?|release[sd]?|migrations?|chang(e|es|ed)|upgrade[sd]?|rollout|rolled out)\b/i;

export interface NextTool {
  tool: string;
  why: string;
}

/**
 * The next tool worth running, or undefined when none is left: where the goal starts, then where a
 * half-stated cause is best confirmed (`confirm`, in order), then the latest clues, then registry order.
 */
export function nextTool(
  goal: string,
  observations: readonly string[],
  allowed: readonly string[],
  tried: ReadonlySet<string>,
  confirm: readonly NextTool[] = [],
): NextTool | undefined {
  const usable = (tool: string) => allowed.includes(tool) && !tried.has(tool);
  if (observations.length === 0) {
    const start = CHANGE_IN_GOAL.test(goal) ? 'recent_changes' : 'logs';
    if (usable(start)) return { tool: start, why: `The goal suggests starting with ${start}.` };
  }
  const confirming = confirm.find((c) => usable(c.tool));
  if (confirming) return confirming;
  const texts = [...[...observations].reverse().map((o, i) => [i === 0 ? 'the latest observation' : 'an earlier observation', o]), ['the goal', goal]];
  for (const [source, text] of texts) {
    const hit = TOOL_CUES.find(([tool, cue]) => usable(tool) && cue.test(text ?? ''));
    if (hit) return { tool: hit[0], why: `${source} points at ${hit[0]}.` };
  }
  const rest = TOOL_NAMES.find(usable);
  return rest ? { tool: rest, why: `No clue points anywhere new; ${rest} is the next unchecked tool.` } : undefined;
}
