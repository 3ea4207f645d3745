import type { ActionName } from './actions';
import { impactOf } from './actions';
import type { AgentOutcome } from './agent';

/** The person's decision signals: one schema each, shared by workflow, client and tests. */
export interface ApproveSignal {
  by: string;
  comment?: string;
  /** Lets the client find what became of its signal in the status query. */
  requestId?: string;
}
export interface RejectSignal {
  by: string;
  reason: string;
  requestId?: string;
}
export interface EscalateSignal {
  by: string;
  reason: string;
  team?: string;
  requestId?: string;
}

export type CaseDecision = 'approved' | 'rejected' | 'escalated' | 'expired' | 'auto_approved' | 'routed';
export type CasePath = 'workflow' | 'agent' | 'human';
export type CaseStatus = 'InProgress' | 'AwaitingApproval' | 'Resolved' | 'Rejected' | 'Escalated' | 'Expired';

/** Where cases go when a person escalates without naming a team, or nobody answers in time. */
export const ON_CALL_TEAM = 'On-call Engineering';

/** What the agent's result must show before its action may run without a person. */
export interface AgentVerdict {
  outcome: AgentOutcome;
  confidence: number;
  /** Whether the recommendation is backed by an observation (the agent already checked; re-checked here). */
  supported: boolean;
}

/**
 * Why a person must decide before the proposed action runs; empty when policy may let it run.
 * Deterministic validation of the agent's work: outcome, confidence, evidence, impact.
 */
export function approvalReasons(verdict: AgentVerdict, action: ActionName, minConfidence: number): string[] {
  const reasons: string[] = [];
  if (verdict.outcome !== 'resolved') reasons.push(`the agent did not resolve the case (${verdict.outcome})`);
  if (verdict.confidence < minConfidence) reasons.push(`confidence ${verdict.confidence} is under ${minConfidence}`);
  if (verdict.outcome === 'resolved' && !verdict.supported) reasons.push('the recommendation is not backed by an observation');
  if (impactOf(action) === 'high') reasons.push(`${action} is a high-impact action`);
  return reasons;
}

/** Whether `who` may approve or reject: names compare without case or surrounding space. */
export function isApprover(who: string, approvers: readonly string[]): boolean {
  const name = who.trim().toLowerCase();
  return name.length > 0 && approvers.some((a) => a.trim().toLowerCase() === name);
}
