import { impactOf, type ActionName } from '../../domain/actions';
import type { AgentStep } from '../../domain/agent';
import {
  approvalReasons,
  authorityProblem,
  needsSignature,
  readDecision,
  signedAuthorityProblem,
  timingProblem,
  unsignedProblem,
  ON_CALL_TEAM,
  type CaseStatus,
  type DecisionKind,
  type PersonDecision,
} from '../../domain/case';
import { formatDuration } from '../../domain/durations';
import { evidenceDigest } from '../../domain/signatures';
import { NO_USAGE, addUsage, type Usage } from '../../domain/usage';
import type { ClassificationOutcome } from '../route-ticket/classify-step';
import type { TroubleshootResult } from '../troubleshoot/contract';
import type { AgentSummary, AuditEntry, CaseRequest, CaseStage, DecisionRecord, PendingApproval, SupportCaseResult, SupportCaseStatus } from './contract';

/** How a case ends: the status it is filed under and what the result says. */
export type Ending = Pick<SupportCaseResult, 'path' | 'decision' | 'decidedBy' | 'action' | 'team' | 'reason'> & {
  status: CaseStatus;
  details: string;
};

const now = () => new Date().toISOString();

/**
 * Everything a support case knows, and the audit trail of how it got there: plain state, no
 * Temporal calls. The workflow moves it from stage to stage, its handlers pass decisions in, the
 * status query reads it.
 */
export class CaseState {
  stage: CaseStage = 'classifying';
  caseStatus: CaseStatus = 'InProgress';
  /** The accepted decision of a person, once there is one. */
  decided?: PersonDecision;
  private category?: string;
  private agentWorkflowId?: string;
  private pendingApproval?: PendingApproval;
  private transcript: AgentStep[] = [];
  private readonly audit: AuditEntry[] = [];
  private readonly decisions: DecisionRecord[] = [];
  private usage: Usage = NO_USAGE;
  private agent?: AgentSummary;
  private result?: SupportCaseResult;

  /**
   * @param signed whether decisions must be signed by a pinned key (cases started before
   *   Changes.signedDecisions keep the old rule: a name on the approvers list)
   */
  constructor(
    readonly caseId: string,
    readonly runId: string,
    readonly request: CaseRequest,
    readonly signed: boolean,
  ) {}

  status(): SupportCaseStatus {
    const { stage, caseStatus, category, agentWorkflowId, pendingApproval, transcript, audit, decisions, result } = this;
    return {
      stage,
      caseStatus,
      ...(category && { category }),
      ...(agentWorkflowId && { agentWorkflowId }),
      ...(pendingApproval && { pendingApproval }),
      transcript,
      audit,
      decisions,
      ...(result && { result }),
    };
  }

  classified(outcome: ClassificationOutcome): void {
    const { category, confidence } = outcome.classification;
    this.category = category;
    this.usage = addUsage(this.usage, outcome.usage);
    this.note(
      outcome.model,
      'model',
      outcome.failure ? `classification failed: ${outcome.failure.message}` : `classified as ${category} (confidence ${confidence})`,
    );
  }

  routed(team: string, why: string): void {
    this.note('routing table', 'policy', `${why}: routed to ${team}`);
  }

  investigating(agentWorkflowId: string): void {
    this.agentWorkflowId = agentWorkflowId;
  }

  investigated(agent: TroubleshootResult): void {
    const { outcome, recommendation, confidence, escalationReason, proposedAction, toolsUsed, model } = agent;
    this.transcript = agent.steps;
    this.usage = addUsage(this.usage, agent.usage);
    this.agent = {
      outcome,
      recommendation,
      confidence,
      toolsUsed,
      model,
      ...(escalationReason && { escalationReason }),
      ...(proposedAction && { proposedAction }),
    };
    this.note(model, 'model', `agent ${outcome}: ${outcome === 'resolved' ? recommendation : escalationReason}`);
  }

  /** Why a person must decide before `action` runs (empty: policy may run it), recorded in the audit trail. */
  validate(action: ActionName, target?: string): string[] {
    const reasons = approvalReasons(this.agent!, action);
    const named = target ? `${action} on ${target}` : action;
    this.note(
      'guardrails',
      'guardrail',
      reasons.length ? `${named} needs a person: ${reasons.join('; ')}` : `${named} (${impactOf(action)} impact) may run on policy`,
    );
    return reasons;
  }

  /** What a person is asked to decide, and until when: what the status query and a signature show. */
  awaitApproval(action: ActionName, recommendation: string, reasons: string[], deadline: string, target?: string): PendingApproval {
    this.pendingApproval = { action, ...(target && { target }), impact: impactOf(action), recommendation, reasons, deadline, runId: this.runId };
    return this.pendingApproval;
  }

  expired(): string {
    const waited = `no decision within ${formatDuration(this.request.approvalTimeoutMs)}`;
    this.note('timer', 'timer', `${waited}: escalated to ${ON_CALL_TEAM}`);
    return waited;
  }

  /** The case's result, once it ends. */
  closed(ending: Omit<Ending, 'status' | 'details'>): SupportCaseResult {
    this.pendingApproval = undefined;
    this.result = {
      caseId: this.caseId,
      ...ending,
      decidedAt: now(),
      usage: this.usage,
      ...(this.agent && { agent: this.agent }),
      audit: this.audit,
      decisions: this.decisions,
    };
    return this.result;
  }

  /**
   * What the update validator refuses before anything is recorded: a malformed decision, one that
   * comes while nothing waits for it, or an unsigned one that needs a signature. A signed one is
   * judged, and recorded with its key, by `decide`.
   */
  admissionProblem(kind: DecisionKind, payload: unknown): string | undefined {
    const read = readDecision(kind, payload);
    if ('problem' in read) return read.problem;
    const unsigned = this.signed && !read.decision.signature && needsSignature(read.decision);
    return timingProblem(this.stage === 'awaiting_approval', this.decided) ?? (unsigned ? unsignedProblem(kind) : undefined);
  }

  /** One judge behind the signals and the updates: records what became of a decision, and answers that. */
  decide(kind: DecisionKind, payload: unknown, via: DecisionRecord['via']): DecisionRecord {
    const read = readDecision(kind, payload);
    const sender = (payload as { by?: unknown } | null)?.by;
    const by = 'decision' in read ? read.decision.by : typeof sender === 'string' ? sender.trim() : '';
    const { key, problem: refused } = 'problem' in read ? { key: undefined, problem: read.problem } : this.authorityProblem(read.decision);
    const ignored = refused ? undefined : timingProblem(this.stage === 'awaiting_approval', this.decided);
    const record: DecisionRecord = { decision: kind, via, by, ...(key && { key }), at: now(), result: refused ? 'refused' : ignored ? 'ignored' : 'accepted' };
    if (refused || ignored) record.why = refused ?? ignored;
    this.decisions.push(record);
    if (record.result === 'accepted' && 'decision' in read) {
      this.decided = read.decision;
      this.note(by, 'person', `${kind}${'reason' in read.decision ? `: ${read.decision.reason}` : ''}`, key);
    }
    return record;
  }

  private note(by: string, kind: AuditEntry['kind'], what: string, key?: string): void {
    this.audit.push({ at: now(), by, kind, what, ...(key && { key }) });
  }

  /** Who may take this decision: a verified signature over what the case shows now, or (cases from before signing) a name on the list. */
  private authorityProblem(decision: PersonDecision): { key?: string; problem?: string } {
    if (!this.signed) return { problem: authorityProblem(decision, this.request.approvers) };
    const p = this.pendingApproval;
    // Nothing waits yet, so nothing can be verified or taken: the timing check answers it.
    if (!p) return { key: decision.signature?.key };
    const context = { caseId: this.caseId, runId: this.runId, action: p.action, evidence: evidenceDigest(p) };
    return signedAuthorityProblem(decision, { approvers: this.request.approvers, pinned: this.request.approverKeys, context, nowMs: Date.now() });
  }
}
