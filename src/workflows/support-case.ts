import {
  ApplicationFailure,
  ChildWorkflowFailure,
  condition,
  defineQuery,
  defineSignal,
  executeChild,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { ACTIONS, impactOf, proposeAction, type ActionName, type Impact } from '../domain/actions';
import type { AgentStep } from '../domain/agent';
import {
  ON_CALL_TEAM,
  approvalReasons,
  isApprover,
  type ApproveSignal,
  type CaseDecision,
  type CasePath,
  type CaseStatus,
  type EscalateSignal,
  type RejectSignal,
} from '../domain/case';
import { FailureType } from '../domain/failures';
import { DEFAULT_AGENT_LIMITS, isSupported } from '../domain/guardrails';
import { DEFAULT_REVIEW_THRESHOLD } from '../domain/policy';
import { Scenario } from '../domain/scenario';
import { SearchAttributes } from './search-attributes';
import type { TicketInput } from '../domain/ticket';
import { NO_USAGE, addUsage, type Usage } from '../domain/usage';
import type { Activities } from '../activities';
import { classifyTicketStep } from './steps/classify-ticket';
import { routeAndDeliver } from './steps/route-and-deliver';
import { validateTicket } from './steps/validate-ticket';
import { troubleshoot, type TroubleshootResult } from './troubleshoot';

const { executeAction, notifyCustomer, deliverToTeam } = proxyActivities<Activities>({
  // Local file writes take milliseconds; a short limit lets a lost worker's task move on quickly.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1s', maximumAttempts: 10 },
});

export const approveSignal = defineSignal<[ApproveSignal]>('approve');
export const rejectSignal = defineSignal<[RejectSignal]>('reject');
export const escalateSignal = defineSignal<[EscalateSignal]>('escalate');

export interface SupportCaseInput {
  ticket: TicketInput;
  /** The simulated system a technical ticket is investigated on; without one the ticket is routed. */
  scenario?: Scenario;
  /** Who may approve or reject (names, case-insensitive). Anyone may escalate. */
  approvers: string[];
  /** How long a person has to decide before the case goes to on-call; default 4 hours. */
  approvalTimeout?: Duration;
  /** Routing review threshold (Pattern A). */
  reviewThreshold?: number;
  /** Confidence the agent's result needs to act without a person. */
  minConfidence?: number;
  /** The agent stage's bounds. */
  agent?: { maxSteps?: number; tokenBudget?: number; timeout?: Duration };
}

/** One decision in the case's life: the model's, the guardrails', or a person's. */
export interface AuditEntry {
  at: string;
  by: string;
  kind: 'model' | 'guardrail' | 'person' | 'policy' | 'timer';
  what: string;
}

/** What became of one signal, so the sender can be told. */
export interface SignalRecord {
  requestId?: string;
  signal: 'approve' | 'reject' | 'escalate';
  by: string;
  at: string;
  result: 'accepted' | 'refused' | 'ignored';
  why?: string;
}

export interface PendingApproval {
  action: ActionName;
  impact: Impact;
  recommendation: string;
  reasons: string[];
  deadline: string;
}

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
  agent?: Pick<TroubleshootResult, 'outcome' | 'recommendation' | 'confidence' | 'escalationReason' | 'toolsUsed' | 'model'>;
  audit: AuditEntry[];
  signals: SignalRecord[];
}

export interface SupportCaseStatus {
  stage: 'classifying' | 'routing' | 'investigating' | 'awaiting_approval' | 'finishing' | 'closed';
  caseStatus: CaseStatus;
  category?: string;
  agentWorkflowId?: string;
  pendingApproval?: PendingApproval;
  transcript: AgentStep[];
  audit: AuditEntry[];
  signals: SignalRecord[];
  result?: SupportCaseResult;
}

export const caseStatusQuery = defineQuery<SupportCaseStatus>('status');

type PersonDecision =
  | { kind: 'approve'; signal: ApproveSignal }
  | { kind: 'reject'; signal: RejectSignal }
  | { kind: 'escalate'; signal: EscalateSignal };

const now = () => new Date().toISOString();

/**
 * Pattern C: code runs the process, a bounded agent investigates one stage, a person approves what
 * is risky. Classify → route, or investigate → validate → wait for a person → act → notify → close.
 */
export async function supportCase(input: SupportCaseInput): Promise<SupportCaseResult> {
  const ticket = validateTicket(input.ticket);
  const scenario = input.scenario === undefined ? undefined : parseScenario(input.scenario);
  const timeout = input.approvalTimeout ?? '4 hours';
  const timeoutMs = durationMs(timeout, 'approvalTimeout');
  const agentTimeoutMs = durationMs(input.agent?.timeout ?? '10 minutes', 'agent.timeout');
  if (!Array.isArray(input.approvers) || input.approvers.some((a) => typeof a !== 'string')) {
    throw ApplicationFailure.create({ type: FailureType.InvalidInput, message: 'approvers must be a list of names', nonRetryable: true });
  }
  const caseId = workflowInfo().workflowId;
  const minConfidence = input.minConfidence ?? DEFAULT_AGENT_LIMITS.minConfidence;
  const audit: AuditEntry[] = [];
  const signals: SignalRecord[] = [];
  const status: SupportCaseStatus = { stage: 'classifying', caseStatus: 'InProgress', transcript: [], audit, signals };
  let decision: PersonDecision | undefined;
  let awaiting = false;

  setHandler(caseStatusQuery, () => status);
  const onSignal = (kind: PersonDecision['kind'], signal: ApproveSignal | RejectSignal | EscalateSignal) => {
    const by = typeof signal?.by === 'string' ? signal.by.trim() : '';
    const record = (result: SignalRecord['result'], why?: string) =>
      signals.push({ ...(signal?.requestId && { requestId: signal.requestId }), signal: kind, by, at: now(), result, ...(why && { why }) });
    if (!by) return record('refused', 'the signal must say who sends it ("by")');
    if (kind !== 'approve' && !('reason' in signal && typeof signal.reason === 'string' && signal.reason.trim())) {
      return record('refused', `a ${kind} needs a reason`);
    }
    if (kind !== 'escalate' && !isApprover(by, input.approvers)) return record('refused', `${by} is not on the approvers list`);
    if (decision) return record('ignored', `the case was already decided (${decision.kind} by ${decision.signal.by})`);
    if (!awaiting) return record('ignored', 'the case is not waiting for a decision');
    decision = { kind, signal: { ...signal, by } } as PersonDecision;
    audit.push({ at: now(), by, kind: 'person', what: `${kind}${'reason' in signal ? `: ${signal.reason}` : ''}` });
    record('accepted');
  };
  setHandler(approveSignal, (s) => void onSignal('approve', s));
  setHandler(rejectSignal, (s) => void onSignal('reject', s));
  setHandler(escalateSignal, (s) => void onSignal('escalate', s));

  const setCaseStatus = (value: CaseStatus, details: string) => {
    status.caseStatus = value;
    upsertSearchAttributes([{ key: SearchAttributes.caseStatus, value }]);
    setCurrentDetails(details);
  };
  const close = (result: Omit<SupportCaseResult, 'caseId' | 'audit' | 'signals' | 'decidedAt'>): SupportCaseResult => {
    status.stage = 'closed';
    status.pendingApproval = undefined;
    status.result = { caseId, ...result, decidedAt: now(), audit, signals };
    return status.result;
  };

  // 1. Validate and classify: Pattern A's step.
  setCaseStatus('InProgress', 'Classifying the ticket');
  const classified = await classifyTicketStep(ticket.text);
  const { category, confidence } = classified.classification;
  status.category = category;
  audit.push({
    at: now(),
    by: classified.model,
    kind: 'model',
    what: classified.failure ? `classification failed: ${classified.failure.message}` : `classified as ${category} (confidence ${confidence})`,
  });
  let usage = classified.usage;

  // 2. Anything but a technical issue with a scenario to investigate is routed by code.
  if (category !== 'technical_issue' || classified.failure || !scenario) {
    status.stage = 'routing';
    const routed = await routeAndDeliver(caseId, classified, input.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD);
    const why = category === 'technical_issue' && !classified.failure ? 'technical issue with no scenario to investigate' : `category ${category}`;
    audit.push({ at: now(), by: 'routing table', kind: 'policy', what: `${why}: routed to ${routed.team}` });
    setCaseStatus('Resolved', `Routed to ${routed.team}`);
    return close({ path: 'workflow', decision: 'routed', decidedBy: 'routing table', action: null, team: routed.team, reason: why, usage });
  }

  // 3. A technical issue: the bounded agent investigates, as a child workflow with its own history.
  status.stage = 'investigating';
  const agentWorkflowId = `${caseId}-agent`;
  status.agentWorkflowId = agentWorkflowId;
  setCurrentDetails(`The agent is investigating (${agentWorkflowId})`);
  const agent = await runAgent(agentWorkflowId, scenario, { ...input.agent, timeout: agentTimeoutMs }, minConfidence);
  status.transcript = agent.steps;
  usage = addUsage(usage, agent.usage);
  audit.push({
    at: now(),
    by: agent.model,
    kind: 'model',
    what: `agent ${agent.outcome}: ${agent.outcome === 'resolved' ? agent.recommendation : agent.escalationReason}`,
  });
  const agentSummary = {
    outcome: agent.outcome,
    recommendation: agent.recommendation,
    confidence: agent.confidence,
    toolsUsed: agent.toolsUsed,
    model: agent.model,
    ...(agent.escalationReason && { escalationReason: agent.escalationReason }),
  };

  // 4. Deterministic validation of the agent's result.
  const action = proposeAction(agent.recommendation);
  const reasons = approvalReasons(
    { outcome: agent.outcome, confidence: agent.confidence, supported: isSupported(agent.recommendation, agent.steps) },
    action,
    minConfidence,
  );
  audit.push({
    at: now(),
    by: 'guardrails',
    kind: 'guardrail',
    what: reasons.length ? `needs a person: ${reasons.join('; ')}` : `${action} (${impactOf(action)} impact) may run on policy`,
  });

  if (reasons.length === 0) {
    setCurrentDetails(`Running ${action}`);
    await finish(caseId, action, agent.recommendation, 'policy', ticket.customer);
    setCaseStatus('Resolved', `Resolved by the agent: ${action}`);
    return close({ path: 'agent', decision: 'auto_approved', decidedBy: 'policy', action, reason: agent.recommendation, usage, agent: agentSummary });
  }

  // 5. A person decides, within the deadline.
  const deadlineMs = Date.now() + timeoutMs;
  status.stage = 'awaiting_approval';
  status.pendingApproval = { action, impact: impactOf(action), recommendation: agent.recommendation, reasons, deadline: new Date(deadlineMs).toISOString() };
  awaiting = true;
  setCaseStatus('AwaitingApproval', `Awaiting approval of ${action} until ${status.pendingApproval.deadline}: ${reasons.join('; ')}`);
  const decidedInTime = await condition(() => decision !== undefined, timeout);
  awaiting = false;
  status.stage = 'finishing';

  if (!decidedInTime || !decision) {
    audit.push({ at: now(), by: 'timer', kind: 'timer', what: `no decision within ${String(timeout)}: escalated to ${ON_CALL_TEAM}` });
    await deliverToTeam.executeWithOptions({ summary: `escalate to ${ON_CALL_TEAM}` }, [escalation(caseId, ON_CALL_TEAM, 'approval deadline passed', ticket.text)]);
    setCaseStatus('Expired', `Expired: escalated to ${ON_CALL_TEAM}`);
    return close({ path: 'human', decision: 'expired', decidedBy: 'timer', action: null, team: ON_CALL_TEAM, reason: `no decision within ${String(timeout)}`, usage, agent: agentSummary });
  }

  const { kind, signal } = decision as PersonDecision;
  if (kind === 'approve') {
    await finish(caseId, action, agent.recommendation, signal.by, ticket.customer);
    setCaseStatus('Resolved', `Approved by ${signal.by}: ${action} done`);
    return close({ path: 'human', decision: 'approved', decidedBy: signal.by, action, reason: signal.comment ?? agent.recommendation, usage, agent: agentSummary });
  }
  if (kind === 'reject') {
    await notifyCustomer.executeWithOptions({ summary: 'notify customer' }, [
      { caseId, ...(ticket.customer && { customer: ticket.customer }), message: 'We looked into your issue; an engineer will follow up.' },
    ]);
    setCaseStatus('Rejected', `Rejected by ${signal.by}: ${signal.reason}`);
    return close({ path: 'human', decision: 'rejected', decidedBy: signal.by, action: null, reason: signal.reason, usage, agent: agentSummary });
  }
  const team = signal.team?.trim() || ON_CALL_TEAM;
  await deliverToTeam.executeWithOptions({ summary: `escalate to ${team}` }, [escalation(caseId, team, signal.reason, ticket.text)]);
  setCaseStatus('Escalated', `Escalated by ${signal.by} to ${team}`);
  return close({ path: 'human', decision: 'escalated', decidedBy: signal.by, action: null, team, reason: signal.reason, usage, agent: agentSummary });
}

/** Runs the troubleshoot workflow as a bounded child; a child that fails or times out counts as an escalation. */
async function runAgent(workflowId: string, scenario: Scenario, bounds: SupportCaseInput['agent'], minConfidence: number): Promise<TroubleshootResult> {
  try {
    return await executeChild(troubleshoot, {
      workflowId,
      args: [{ scenario, minConfidence, ...(bounds?.maxSteps && { maxSteps: bounds.maxSteps }), ...(bounds?.tokenBudget && { tokenBudget: bounds.tokenBudget }) }],
      workflowExecutionTimeout: bounds?.timeout,
      staticSummary: `Agent stage of ${workflowInfo().workflowId}: ${scenario.title}`,
    });
  } catch (err) {
    if (!(err instanceof ChildWorkflowFailure)) throw err;
    const why = err.cause?.message ?? err.message;
    return {
      outcome: 'escalated',
      recommendation: '',
      confidence: 0,
      escalationReason: `the agent stage failed: ${why}`,
      steps: [],
      toolsUsed: [],
      usage: NO_USAGE,
      model: 'none',
    };
  }
}

/** The approved action, then the customer's notification: each once per case. */
async function finish(caseId: string, action: ActionName, recommendation: string, approvedBy: string, customer?: string): Promise<void> {
  await executeAction.executeWithOptions({ summary: `execute ${action}` }, [{ caseId, action, recommendation, approvedBy }]);
  await notifyCustomer.executeWithOptions({ summary: 'notify customer' }, [
    { caseId, ...(customer && { customer }), message: `${ACTIONS[action].description}: ${recommendation}` },
  ]);
}

function escalation(caseId: string, team: string, reason: string, text: string) {
  return { key: `${caseId}:escalation`, team, ticketId: caseId, category: 'technical_issue', priority: 'high', needsReview: true, summary: `${reason} — ${text.slice(0, 200)}` };
}

function parseScenario(raw: unknown): Scenario {
  const parsed = Scenario.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw ApplicationFailure.create({
    type: FailureType.InvalidInput,
    message: `invalid scenario: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    nonRetryable: true,
  });
}

/** A Duration from the input, or a non-retryable failure that names the field (never a stuck workflow task). */
function durationMs(value: Duration, field: string): number {
  try {
    const ms = msToNumber(value);
    if (ms > 0) return ms;
  } catch {
    // fall through to the failure below
  }
  throw ApplicationFailure.create({ type: FailureType.InvalidInput, message: `${field} must be a positive duration such as "4 hours", got ${JSON.stringify(value)}`, nonRetryable: true });
}
