import { impactOf, type ActionName } from './actions';
import type { AgentOutcome } from './agent';
import { signatureProblem, signatureShapeProblem, type DecisionContext, type DecisionSignature, type PinnedKey } from './signatures';

/** What a person can decide about a case waiting for them. */
export type DecisionKind = 'approve' | 'reject' | 'escalate';

/** The decisions' payloads: the same for the signals (UI, temporal CLI) and the updates (the client). */
export interface ApproveDecision {
  by: string;
  comment?: string;
  /** The sender's proof: without it, a name proves nothing (see needsSignature). */
  signature?: DecisionSignature;
}
export interface RejectDecision {
  by: string;
  reason: string;
  signature?: DecisionSignature;
}
export interface EscalateDecision {
  by: string;
  reason: string;
  team?: string;
  signature?: DecisionSignature;
}
export type PersonDecision = ({ kind: 'approve' } & ApproveDecision) | ({ kind: 'reject' } & RejectDecision) | ({ kind: 'escalate' } & EscalateDecision);

export type CaseDecision = 'approved' | 'rejected' | 'escalated' | 'expired' | 'auto_approved' | 'routed';
export type CasePath = 'workflow' | 'agent' | 'human';
export type CaseStatus = 'InProgress' | 'AwaitingApproval' | 'Resolved' | 'Rejected' | 'Escalated' | 'Expired';

/** Where cases go when a person escalates without naming a team, or nobody answers in time. */
export const ON_CALL_TEAM = 'On-call Engineering';

const MAX_FIELD = { by: 200, comment: 2_000, reason: 2_000, team: 200 } as const;

/**
 * A decision as sent, checked: trimmed fields, or the problem that makes it no decision at all
 * (no sender, a rejection or escalation without a reason, a field that is not text).
 */
export function readDecision(kind: DecisionKind, payload: unknown): { decision: PersonDecision } | { problem: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { problem: 'a decision must be an object such as {"by": "alice"}' };
  const fields: Record<string, string> = {};
  for (const [field, max] of Object.entries(MAX_FIELD)) {
    const value = (payload as Record<string, unknown>)[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { problem: `"${field}" must be text` };
    if (value.length > max) return { problem: `"${field}" is longer than ${max} characters` };
    if (value.trim()) fields[field] = value.trim();
  }
  if (!fields.by) return { problem: 'the decision must say who sends it ("by")' };
  if (kind !== 'approve' && !fields.reason) return { problem: `a ${kind} needs a reason` };
  const sent = (payload as { signature?: unknown }).signature;
  const shape = sent == null ? undefined : signatureShapeProblem(sent);
  if (shape) return { problem: shape };
  const signature = sent == null ? {} : { signature: pickSignature(sent as DecisionSignature) };
  const { by, comment, reason, team } = fields;
  if (kind === 'approve') return { decision: { kind, by, ...(comment && { comment }), ...signature } };
  if (kind === 'reject') return { decision: { kind, by, reason: reason!, ...signature } };
  return { decision: { kind, by, reason: reason!, ...(team && { team }), ...signature } };
}

/** Only the signature's own fields travel on: nothing else a sender adds reaches the case's state. */
function pickSignature({ key, caseId, runId, action, evidence, expiresAt, value }: DecisionSignature): DecisionSignature {
  return { key, caseId, runId, action, evidence, expiresAt, value };
}

/** Whether a decision must be signed to count: approve and reject always; an escalation when it names a team (on-call is the safe default anyone may pick). */
export function needsSignature(decision: Pick<PersonDecision, 'kind'> & { team?: string }): boolean {
  return decision.kind !== 'escalate' || decision.team !== undefined;
}

/** Why an unsigned decision that needs a signature is refused, with the way to send a signed one. */
export function unsignedProblem(kind: DecisionKind): string {
  return `an unsigned ${kind} proves nothing about who sent it: decide with \`npm run client -- ${kind}\` (it signs with your key), or send what its --print gives`;
}

/** What the case holds against a signed decision: who may decide, the keys it pinned, what it shows, and the time. */
export interface SigningRules {
  approvers: readonly string[];
  pinned: readonly PinnedKey[];
  context: DecisionContext;
  nowMs: number;
}

/**
 * Why this decision may not be taken on a case that requires signatures, or undefined; `key` is the
 * fingerprint of the key it came signed with, recorded either way.
 */
export function signedAuthorityProblem(decision: PersonDecision, rules: SigningRules): { key?: string; problem?: string } {
  if (!decision.signature) return needsSignature(decision) ? { problem: unsignedProblem(decision.kind) } : {};
  const named = authorityProblem(decision, rules.approvers);
  if (named) return { key: decision.signature.key, problem: named };
  return signatureProblem(decision, decision.signature, rules.pinned, rules.context, rules.nowMs);
}

/** Whether `who` may approve or reject: names compare without case or surrounding space. */
export function isApprover(who: string, approvers: readonly string[]): boolean {
  const name = who.trim().toLowerCase();
  return name.length > 0 && approvers.some((a) => a.trim().toLowerCase() === name);
}

/** Why a well-formed decision cannot be taken now (nothing waits for it), or undefined. */
export function timingProblem(awaiting: boolean, decided: PersonDecision | undefined): string | undefined {
  if (decided) return `the case was already decided (${decided.kind} by ${decided.by})`;
  if (!awaiting) return 'the case is not waiting for a decision';
  return undefined;
}

/** Why this person may not take this decision, or undefined: anyone may escalate, only approvers approve or reject. */
export function authorityProblem(decision: PersonDecision, approvers: readonly string[]): string | undefined {
  return decision.kind !== 'escalate' && !isApprover(decision.by, approvers) ? `${decision.by} is not on the approvers list` : undefined;
}

/**
 * Why a person must decide before the proposed action runs; empty when policy may let it run.
 * The agent's own guardrails already turned a weak, unbacked or unconfident finish into an
 * escalation, so what is left to weigh here is the outcome and the action's impact.
 */
export function approvalReasons(agent: { outcome: AgentOutcome; escalationReason?: string }, action: ActionName): string[] {
  const reasons: string[] = [];
  if (agent.outcome !== 'resolved') reasons.push(`the agent did not resolve the case (${agent.escalationReason ?? agent.outcome})`);
  if (impactOf(action) === 'high') reasons.push(`${action} is a high-impact action`);
  return reasons;
}
