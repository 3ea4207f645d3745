import { ApplicationFailure, condition, setCurrentDetails, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { impactOf, type ActionName } from '../domain/actions';
import type { AgentStep } from '../domain/agent';
import {
  approvalReasons,
  authorityProblem,
  needsSignature,
  readDecision,
  signedAuthorityProblem,
  timingProblem,
  unsignedProblem,
  type CaseStatus,
  type DecisionKind,
  type PersonDecision,
} from '../domain/case';
import { FailureType } from '../domain/failures';
import { evidenceDigest } from '../domain/signatures';
import { NO_USAGE, addUsage, type Usage } from '../domain/usage';
import {
  decisionMessages,
  supportCaseStatusQuery,
  type AgentSummary,
  type AuditEntry,
  type CaseRequest,
  type CaseStage,
  type DecisionRecord,
  type PendingApproval,
  type SupportCaseResult,
  type SupportCaseStatus,
} from './support-case.contract';
import { countCaseClosed, countCaseDecision } from './metrics';
import { SearchAttributes } from './search-attributes';

/** How a case ends: the status it is filed under and what the result says. */
export type Ending = Pick<SupportCaseResult, 'path' | 'decision' | 'decidedBy' | 'action' | 'team' | 'reason'> & {
  status: CaseStatus;
  details: string;
};

const now = () => new Date().toISOString();

/**
 * Everything a support case knows, in one place: the status query reads it, the decision signals
 * and updates change it (through one handler), the workflow's steps record into it.
 */
export class CaseState {
  private stage: CaseStage = 'classifying';
  private caseStatus: CaseStatus = 'InProgress';
  private category?: string;
  private agentWorkflowId?: string;
  private pendingApproval?: PendingApproval;
  private transcript: AgentStep[] = [];
  private readonly audit: AuditEntry[] = [];
  private readonly decisions: DecisionRecord[] = [];
  private decided?: PersonDecision;
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

  /** Answers the status query and takes decisions, as signals and as updates, from now on. */
  listen(): void {
    setHandler(supportCaseStatusQuery, () => this.status());
    for (const kind of ['approve', 'reject', 'escalate'] as const) {
      const { signal, update } = decisionMessages[kind];
      setHandler(signal, (payload: unknown) => void this.decide(kind, payload, 'signal'));
      setHandler(update, (payload: unknown) => this.decide(kind, payload, 'update'), { validator: (payload: unknown) => this.admit(kind, payload) });
    }
  }

  status(): SupportCaseStatus {
    const { stage, caseStatus, category, agentWorkflowId, pendingApproval, transcript, audit, decisions, result } = this;
    return { stage, caseStatus, ...(category && { category }), ...(agentWorkflowId && { agentWorkflowId }), ...(pendingApproval && { pendingApproval }), transcript, audit, decisions, ...(result && { result }) };
  }

  /** Moves to a stage; with a case status, the search attribute people filter on follows. */
  enter(stage: CaseStage, details: string, caseStatus?: CaseStatus): void {
    this.stage = stage;
    if (caseStatus) {
      this.caseStatus = caseStatus;
      upsertSearchAttributes([{ key: SearchAttributes.caseStatus, value: caseStatus }]);
    }
    setCurrentDetails(details);
  }

  note(by: string, kind: AuditEntry['kind'], what: string, key?: string): void {
    this.audit.push({ at: now(), by, kind, what, ...(key && { key }) });
  }

  classified(category: string, usage: Usage): void {
    this.category = category;
    this.usage = addUsage(this.usage, usage);
  }

  investigating(agentWorkflowId: string): void {
    this.agentWorkflowId = agentWorkflowId;
    this.enter('investigating', `The agent is investigating (${agentWorkflowId})`);
  }

  investigated(transcript: AgentStep[], usage: Usage, agent: AgentSummary): void {
    this.transcript = transcript;
    this.usage = addUsage(this.usage, usage);
    this.agent = agent;
  }

  /** Why a person must decide before `action` runs (empty: policy may run it), recorded in the audit trail. */
  validate(action: ActionName): string[] {
    const reasons = approvalReasons(this.agent!, action);
    this.note('guardrails', 'guardrail', reasons.length ? `needs a person: ${reasons.join('; ')}` : `${action} (${impactOf(action)} impact) may run on policy`);
    return reasons;
  }

  /** Waits for a person's accepted decision until the deadline; undefined when none came in time. */
  async waitForPerson(action: ActionName, recommendation: string, reasons: string[]): Promise<PersonDecision | undefined> {
    const deadline = new Date(Date.now() + this.request.approvalTimeoutMs).toISOString();
    this.pendingApproval = { action, impact: impactOf(action), recommendation, reasons, deadline, runId: this.runId };
    this.enter('awaiting_approval', `Awaiting approval of ${action} until ${deadline}: ${reasons.join('; ')}`, 'AwaitingApproval');
    const inTime = await condition(() => this.decided !== undefined, this.request.approvalTimeoutMs);
    this.stage = 'finishing';
    return inTime ? this.decided : undefined;
  }

  /** Files the case under its final status and returns its result. */
  close({ status, details, ...ending }: Ending): SupportCaseResult {
    this.enter('closed', details, status);
    this.pendingApproval = undefined;
    this.result = { caseId: this.caseId, ...ending, decidedAt: now(), usage: this.usage, ...(this.agent && { agent: this.agent }), audit: this.audit, decisions: this.decisions };
    countCaseClosed(ending.decision, ending.path);
    return this.result;
  }

  /**
   * The update validator: a malformed decision, an unsigned one that needs a signature, or one
   * nothing waits for is refused before it is recorded. A signed one is judged, and recorded with its
   * key, by the handler.
   */
  private admit(kind: DecisionKind, payload: unknown): void {
    const read = readDecision(kind, payload);
    const unsigned = 'decision' in read && this.signed && !read.decision.signature && needsSignature(read.decision);
    const problem = 'problem' in read ? read.problem : (timingProblem(this.stage === 'awaiting_approval', this.decided) ?? (unsigned ? unsignedProblem(kind) : undefined));
    if (problem) throw ApplicationFailure.create({ type: FailureType.DecisionRefused, message: problem, nonRetryable: true });
  }

  /** One handler behind the signals and the updates: judges a decision, records what became of it, and answers that. */
  private decide(kind: DecisionKind, payload: unknown, via: DecisionRecord['via']): DecisionRecord {
    const read = readDecision(kind, payload);
    const sender = (payload as { by?: unknown } | null)?.by;
    const by = 'decision' in read ? read.decision.by : typeof sender === 'string' ? sender.trim() : '';
    const { key, problem: refused } = 'problem' in read ? { key: undefined, problem: read.problem } : this.authorityProblem(read.decision);
    const ignored = refused ? undefined : timingProblem(this.stage === 'awaiting_approval', this.decided);
    const record: DecisionRecord = { decision: kind, via, by, ...(key && { key }), at: now(), result: refused ? 'refused' : ignored ? 'ignored' : 'accepted' };
    if (refused || ignored) record.why = refused ?? ignored;
    this.decisions.push(record);
    countCaseDecision(record);
    if (record.result === 'accepted' && 'decision' in read) {
      this.decided = read.decision;
      this.note(by, 'person', `${kind}${'reason' in read.decision ? `: ${read.decision.reason}` : ''}`, key);
    }
    return record;
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
