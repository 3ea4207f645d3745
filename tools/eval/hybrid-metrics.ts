import type { CaseDecision, CasePath } from '../../src/domain/case';
import { rate } from './metrics';

export interface HybridSummary {
  cases: number;
  /** Share of cases per path: routed by the workflow, acted on by the agent alone, or decided by a person. */
  pathShare: Record<CasePath, number>;
  /** Of the cases a person decided, the share approved. */
  humanApprovalRate: number;
  decisions: Partial<Record<CaseDecision, number>>;
}

export function summarizeHybrid(cases: ReadonlyArray<{ path: CasePath; decision: CaseDecision }>): HybridSummary {
  const count = (f: (c: { path: CasePath; decision: CaseDecision }) => boolean) => cases.filter(f).length;
  const decisions: Partial<Record<CaseDecision, number>> = {};
  for (const c of cases) decisions[c.decision] = (decisions[c.decision] ?? 0) + 1;
  const human = cases.filter((c) => c.path === 'human');
  return {
    cases: cases.length,
    pathShare: {
      workflow: rate(
        count((c) => c.path === 'workflow'),
        cases.length,
      ),
      agent: rate(
        count((c) => c.path === 'agent'),
        cases.length,
      ),
      human: rate(human.length, cases.length),
    },
    humanApprovalRate: rate(human.filter((c) => c.decision === 'approved').length, human.length),
    decisions,
  };
}
