import { ApplicationFailure, condition, setCurrentDetails, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { impactOf, type ActionName } from '../domain/actions';
import type { AgentStep } from '../domain/agent';
import {
  approvalReasons,
  authorityProblem,
  readDecision,
  timingProblem,
  type CaseStatus,
  type DecisionKind,
  type PersonDecision,
} from '../domain/case';
import { FailureType } from '../domain/failures';
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

  constructor(
    readonly caseId: string,
    readonly request: CaseRequest,
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

  note(by: string, kind: AuditEntry['kind'], what: string): void {
    this.audit.push({ at: now(), by, kind, what });
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
    this.pendingApproval = { action, impact: impactOf(action), recommendation, reasons, deadline };
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
    return this.result;
  }

  /** The update validator: a malformed decision, or one nothing waits for, is refused before it is recorded. */
  private admit(kind: DecisionKind, payload: unknown): void {
    const read = readDecision(kind, payload);
    const problem = 'problem' in read ? read.problem : timingProblem(this.stage === 'awaiting_approval', this.decided);
    if (problem) throw ApplicationFailure.create({ type: FailureType.DecisionRefused, message: problem, nonRetryable: true });
  }

  /** One handler behind the signals and the updates: judges a decision, records what became of it, and answers that. */
  private decide(kind: DecisionKind, payload: unknown, via: DecisionRecord['via']): DecisionRecord {
    const read = readDecision(kind, payload);
    const sender = (payload as { by?: unknown } | null)?.by;
    const by = 'decision' in read ? read.decision.by : typeof sender === 'string' ? sender.trim() : '';
    const refused = 'problem' in read ? read.problem : authorityProblem(read.decision, this.request.approvers);
    const ignored = refused ? undefined : timingProblem(this.stage === 'awaiting_approval', this.decided);
    const record: DecisionRecord = { decision: kind, via, by, at: now(), result: refused ? 'refused' : ignored ? 'ignored' : 'accepted' };
    if (refused || ignored) record.why = refused ?? ignored;
    this.decisions.push(record);
    if (record.result === 'accepted' && 'decision' in read) {
      this.decided = read.decision;
      this.note(by, 'person', `${kind}${'reason' in read.decision ? `: ${read.decision.reason}` : ''}`);
    }
    return record;
  }
}
