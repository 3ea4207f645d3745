import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActionName, Impact } from '../../domain/actions';
import type { AgentStep } from '../../domain/agent';
import type { ApproveDecision, CaseDecision, CasePath, CaseStatus, DecisionKind, EscalateDecision, RejectDecision } from '../../domain/case';
import { durationMs } from '../../domain/durations';
import { LIMITS, DEFAULT_AGENT_TIMEOUT, DEFAULT_APPROVAL_TIMEOUT, limitProblem } from '../../domain/limits';
import { scenarioProblems } from '../../domain/scenario';
import { isHex, type PinnedKey } from '../../domain/signatures';
import type { Scenario } from '../../domain/scenario.schema';
import type { TicketInput } from '../../domain/ticket';
import type { Usage } from '../../domain/usage';
import { readFlag, refuseInput } from '../input-checks';
import { readReviewThreshold, readTicket } from '../route-ticket/contract';
import type { TroubleshootResult } from '../troubleshoot/contract';

/** Pattern C's contract: what `supportCase` takes and returns, and the messages it answers. */
export interface SupportCaseInput {
  ticket: TicketInput;
  /** The simulated system a technical ticket is investigated on; without one the ticket is routed. */
  scenario?: Scenario;
  /** Who may approve or reject (names, case-insensitive). Anyone may escalate to on-call. */
  approvers: string[];
  /**
   * The public keys whose signatures count, pinned for the case's life: a key added to the config
   * later cannot decide this case. Approve, reject and an escalation to a named team must be signed.
   */
  approverKeys?: PinnedKey[];
  /** How long a person has to decide before the case goes to on-call: ms or "4 hours"; default DEFAULT_APPROVAL_TIMEOUT. */
  approvalTimeout?: number | string;
  /** Routing review threshold (Pattern A). */
  reviewThreshold?: number;
  /** Confidence the agent's result needs to act without a person. */
  minConfidence?: number;
  /** The agent stage's bounds; its timeout defaults to DEFAULT_AGENT_TIMEOUT. */
  agent?: { maxSteps?: number; tokenBudget?: number; timeout?: number | string };
  /** Model calls through the server's rate limit (the client sets it when MODEL_RATE_LIMIT_PER_SECOND is). */
  rateLimitModelCalls?: boolean;
}

/** One decision in the case's life: the model's, the guardrails', or a person's. */
export interface AuditEntry {
  at: string;
  by: string;
  kind: 'model' | 'guardrail' | 'person' | 'policy' | 'timer';
  what: string;
  /** The fingerprint of the key a person's decision was signed with. */
  key?: string;
}

/** What became of one decision a person sent: the update's answer, and the record of every one. */
export interface DecisionRecord {
  decision: DecisionKind;
  /** A signal (UI, temporal CLI) or an update (the client, which gets this record back). */
  via: 'signal' | 'update';
  by: string;
  /** The fingerprint of the key it came signed with, if any (the key is not trusted for that alone). */
  key?: string;
  at: string;
  result: 'accepted' | 'refused' | 'ignored';
  why?: string;
}

export interface PendingApproval {
  action: ActionName;
  /** What the action acts on, as the agent named it and a tool observed it (cases from before Changes.proposedAction have none). */
  target?: string;
  impact: Impact;
  recommendation: string;
  reasons: string[];
  deadline: string;
  /** The run a signature must name (with the case id, the action and evidenceDigest of the above). */
  runId: string;
}

export type AgentSummary = Pick<
  TroubleshootResult,
  'outcome' | 'recommendation' | 'confidence' | 'escalationReason' | 'proposedAction' | 'toolsUsed' | 'model'
>;

export interface SupportCaseResult {
  caseId: string;
  path: CasePath;
  decision: CaseDecision;
  decidedBy: string;
  decidedAt: string;
  /** The action taken, if any: null when nothing ran (routed, rejected, escalated, expired). */
  action: ActionName | null;
  team?: string;
  reason: string;
  usage: Usage;
  agent?: AgentSummary;
  audit: AuditEntry[];
  decisions: DecisionRecord[];
}

export type CaseStage = 'classifying' | 'routing' | 'investigating' | 'awaiting_approval' | 'finishing' | 'closed';

export interface SupportCaseStatus {
  stage: CaseStage;
  caseStatus: CaseStatus;
  category?: string;
  agentWorkflowId?: string;
  pendingApproval?: PendingApproval;
  transcript: AgentStep[];
  audit: AuditEntry[];
  decisions: DecisionRecord[];
  result?: SupportCaseResult;
}

/** Where the case stands: stage, what waits for a person and why, the transcript, the audit trail. */
export const supportCaseStatusQuery = defineQuery<SupportCaseStatus>('status');

// A person's decision, as a signal (fire and forget: the Temporal UI and CLI send these) ...
export const approveSignal = defineSignal<[ApproveDecision]>('approve');
export const rejectSignal = defineSignal<[RejectDecision]>('reject');
export const escalateSignal = defineSignal<[EscalateDecision]>('escalate');

// ... or as an update of the same name, answered with what became of it. A malformed decision, or one
// that comes while nothing waits for it, is refused by the validator and leaves no trace in history.
export const approveUpdate = defineUpdate<DecisionRecord, [ApproveDecision]>('approve');
export const rejectUpdate = defineUpdate<DecisionRecord, [RejectDecision]>('reject');
export const escalateUpdate = defineUpdate<DecisionRecord, [EscalateDecision]>('escalate');

/** Each decision's signal and update, by kind: the workflow handles them, clients send them. */
export const decisionMessages = {
  approve: { signal: approveSignal, update: approveUpdate },
  reject: { signal: rejectSignal, update: rejectUpdate },
  escalate: { signal: escalateSignal, update: escalateUpdate },
} as const;

/** A case's input with every default filled in. */
export interface CaseRequest {
  ticket: TicketInput;
  scenario?: Scenario;
  approvers: string[];
  approverKeys: PinnedKey[];
  approvalTimeoutMs: number;
  reviewThreshold: number;
  minConfidence: number;
  agent: { maxSteps?: number; tokenBudget?: number; timeoutMs: number };
  rateLimited: boolean;
}

/** The request with defaults filled in, or a non-retryable failure naming every problem. */
export function readSupportCaseInput(input: SupportCaseInput): CaseRequest {
  const ticket = readTicket(input?.ticket);
  const problems = input.scenario === undefined ? [] : scenarioProblems(input.scenario);
  if (!Array.isArray(input.approvers) || input.approvers.some((a) => typeof a !== 'string')) problems.push('approvers must be a list of names');
  const keyProblem = approverKeysProblem(input.approverKeys);
  if (keyProblem) problems.push(keyProblem);
  const approvalTimeoutMs = durationMs(input.approvalTimeout ?? DEFAULT_APPROVAL_TIMEOUT);
  if (approvalTimeoutMs === undefined)
    problems.push(`approvalTimeout must be a positive duration such as "4 hours", got ${JSON.stringify(input.approvalTimeout)}`);
  const agentTimeoutMs = durationMs(input.agent?.timeout ?? DEFAULT_AGENT_TIMEOUT);
  if (agentTimeoutMs === undefined)
    problems.push(`agent.timeout must be a positive duration such as "10 minutes", got ${JSON.stringify(input.agent?.timeout)}`);
  const minConfidence = input.minConfidence ?? LIMITS.minConfidence.default;
  const bounds = [
    limitProblem('minConfidence', minConfidence, LIMITS.minConfidence),
    input.agent?.maxSteps === undefined ? undefined : limitProblem('agent.maxSteps', input.agent.maxSteps, LIMITS.maxSteps),
    input.agent?.tokenBudget === undefined ? undefined : limitProblem('agent.tokenBudget', input.agent.tokenBudget, LIMITS.tokenBudget),
  ];
  problems.push(...bounds.filter((p): p is string => p !== undefined));
  if (problems.length) refuseInput('case input', problems);
  return {
    ticket,
    ...(input.scenario && { scenario: input.scenario }),
    approvers: input.approvers,
    approverKeys: input.approverKeys ?? [],
    approvalTimeoutMs: approvalTimeoutMs!,
    reviewThreshold: readReviewThreshold(input.reviewThreshold),
    minConfidence,
    agent: { maxSteps: input.agent?.maxSteps, tokenBudget: input.agent?.tokenBudget, timeoutMs: agentTimeoutMs! },
    rateLimited: readFlag('rateLimitModelCalls', input.rateLimitModelCalls),
  };
}

function approverKeysProblem(keys: unknown): string | undefined {
  if (keys === undefined) return undefined;
  const valid = (k: unknown) => {
    const { publicKey, signsFor } = (k ?? {}) as Partial<PinnedKey>;
    return (
      typeof publicKey === 'string' &&
      isHex(publicKey, 32) &&
      Array.isArray(signsFor) &&
      signsFor.length > 0 &&
      signsFor.every((n) => typeof n === 'string' && n.trim())
    );
  };
  if (!Array.isArray(keys) || !keys.every(valid)) return 'approverKeys must be a list of {publicKey: 64 hex digits, signsFor: [names]}';
  return undefined;
}
