import { ApplicationFailure, condition, patched, setCurrentDetails, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { ActionName } from '../../domain/actions';
import type { CaseStatus, DecisionKind } from '../../domain/case';
import { FailureType } from '../../domain/failures';
import { countCaseClosed, countCaseDecision } from '../metrics';
import { SearchAttributes } from '../search-attributes';
import { Changes } from '../versions';
import { decisionMessages, readSupportCaseInput, supportCaseStatusQuery, type CaseStage, type SupportCaseInput, type SupportCaseResult } from './contract';
import { actionFromProse } from './action-from-prose';
import { CaseState, type Ending } from './state';
import { act, agentWorkflowId, classify, escalate, expire, investigate, isInvestigable, reject, route, tellCustomerItWaits } from './steps';

const DECISIONS: readonly DecisionKind[] = ['approve', 'reject', 'escalate'];

/**
 * Pattern C: code runs the process, a bounded agent investigates one stage, a person approves what
 * is risky. Classify → route, or investigate → validate → wait for a person → act.
 */
export async function supportCase(input: SupportCaseInput): Promise<SupportCaseResult> {
  const request = readSupportCaseInput(input);
  const { workflowId, runId } = workflowInfo();
  const c = new CaseState(workflowId, runId, request, patched(Changes.signedDecisions));

  // What the case answers: the status query, and each decision both as a signal (the Temporal UI,
  // `temporal workflow signal`: recorded, never answered) and as an update (the client: answered at
  // once; the validator refuses what is no decision before it reaches the history).
  setHandler(supportCaseStatusQuery, () => c.status());
  for (const kind of DECISIONS) {
    const { signal, update } = decisionMessages[kind];
    setHandler(signal, (payload: unknown) => void counted(c.decide(kind, payload, 'signal')));
    setHandler(update, (payload: unknown) => counted(c.decide(kind, payload, 'update')), {
      validator: (payload: unknown) => refuse(c.admissionProblem(kind, payload)),
    });
  }

  /** Moves to a stage; with a case status, the search attribute people filter on follows. */
  const enter = (stage: CaseStage, details: string, caseStatus?: CaseStatus) => {
    c.stage = stage;
    if (caseStatus) {
      c.caseStatus = caseStatus;
      upsertSearchAttributes([{ key: SearchAttributes.caseStatus, value: caseStatus }]);
    }
    setCurrentDetails(details);
  };
  const close = ({ status, details, ...ending }: Ending): SupportCaseResult => {
    enter('closed', details, status);
    countCaseClosed(ending.decision, ending.path);
    return c.closed(ending);
  };

  // 1. Pattern A's step: anything but a technical issue with a system to investigate is routed by code.
  enter('classifying', 'Classifying the ticket', 'InProgress');
  const classified = await classify(c);
  const scenario = isInvestigable(classified) ? request.scenario : undefined;
  if (!scenario) {
    enter('routing', 'Routing the ticket');
    return close(await route(c, classified));
  }

  // 2. The bounded agent investigates, as a child workflow with its own history.
  c.investigating(agentWorkflowId(workflowId));
  enter('investigating', `The agent is investigating (${agentWorkflowId(workflowId)})`);
  const agent = await investigate(c, scenario);

  // 3. Deterministic validation: may the action the agent proposed (checked by troubleshoot) run on
  // policy? With none, the person who takes over is asked about telling the customer.
  const proposed: { name: ActionName; target?: string } = patched(Changes.proposedAction)
    ? (agent.proposedAction ?? { name: 'notify_customer' })
    : { name: actionFromProse(agent.recommendation) };
  const action = proposed.name;
  const reasons = c.validate(action, proposed.target);
  if (reasons.length === 0) {
    enter('finishing', `Running ${action}`);
    return close(await act(c, action, agent.recommendation, undefined, proposed.target));
  }

  // 4. A person decides before the deadline (the one the customer is told), or on-call takes the case.
  const deadlineMs = Date.now() + request.approvalTimeoutMs;
  const deadline = new Date(deadlineMs).toISOString();
  if (patched(Changes.customerHearsOfTheWait)) await tellCustomerItWaits(c, action, deadline);
  c.awaitApproval(action, agent.recommendation, reasons, deadline, proposed.target);
  enter('awaiting_approval', `Awaiting approval of ${action} until ${deadline}: ${reasons.join('; ')}`, 'AwaitingApproval');
  const inTime = await condition(() => c.decided !== undefined, Math.max(1, deadlineMs - Date.now()));
  const decision = inTime ? c.decided : undefined;
  enter('finishing', decision ? `Taking the ${decision.kind} of ${decision.by}` : 'No decision in time');
  if (!decision) return close(await expire(c));
  if (decision.kind === 'approve') return close(await act(c, action, agent.recommendation, decision, proposed.target));
  if (decision.kind === 'reject') return close(await reject(c, decision));
  return close(await escalate(c, decision));
}

/** A decision the handlers took, counted once (the workflow meter drops what replays emit). */
function counted<R extends Parameters<typeof countCaseDecision>[0]>(record: R): R {
  countCaseDecision(record);
  return record;
}

/** The validator's answer: nothing, or a refusal the caller gets at once. */
function refuse(problem: string | undefined): void {
  if (problem) throw ApplicationFailure.create({ type: FailureType.DecisionRefused, message: problem, nonRetryable: true });
}
