import { ChildWorkflowFailure, executeChild } from '@temporalio/workflow';
import { ACTIONS, type ActionName } from '../../domain/actions';
import { ON_CALL_TEAM, type EscalateDecision, type RejectDecision } from '../../domain/case';
import type { Scenario } from '../../domain/scenario.schema';
import { NO_USAGE } from '../../domain/usage';
import { deliverToTeam, executeAction, notifyCustomer } from '../activity-proxies';
import { classifyTicketStep, type ClassificationOutcome } from '../route-ticket/classify-step';
import { routeAndDeliver } from '../route-ticket/route-step';
import type { TroubleshootResult } from '../troubleshoot/contract';
import { troubleshoot } from '../troubleshoot/workflow';
import type { CaseState, Ending } from './state';

// The case's side effects, one function each: activities and the agent's child workflow. What they
// found goes into the CaseState; how the case ends comes back as an Ending.

/** Pattern A's step: the model classifies the ticket. */
export async function classify(c: CaseState): Promise<ClassificationOutcome> {
  const outcome = await classifyTicketStep(c.request.ticket.text, c.request.rateLimited);
  c.classified(outcome);
  return outcome;
}

/** Only a technical issue the model classified is worth the agent (given a system to investigate). */
export function isInvestigable(outcome: ClassificationOutcome): boolean {
  return outcome.classification.category === 'technical_issue' && !outcome.failure;
}

/** The workflow path: the routing table picks the team, the ticket is delivered once. */
export async function route(c: CaseState, outcome: ClassificationOutcome): Promise<Ending> {
  const why = isInvestigable(outcome) ? 'technical issue with no scenario to investigate' : `category ${outcome.classification.category}`;
  const { team } = await routeAndDeliver(c.caseId, outcome, c.request.reviewThreshold);
  c.routed(team, why);
  return {
    status: 'Resolved',
    details: `Routed to ${team}`,
    path: 'workflow',
    decision: 'routed',
    decidedBy: 'routing table',
    action: null,
    team,
    reason: why,
  };
}

/** The agent stage's run: its id is the case's, so the UI shows them side by side. */
export const agentWorkflowId = (caseId: string) => `${caseId}-agent`;

/** The agent stage: troubleshoot as a bounded child workflow; a child that fails or times out counts as an escalation. */
export async function investigate(c: CaseState, scenario: Scenario): Promise<TroubleshootResult> {
  const { minConfidence, agent: bounds, rateLimited } = c.request;
  let agent: TroubleshootResult;
  try {
    agent = await executeChild(troubleshoot, {
      workflowId: agentWorkflowId(c.caseId),
      args: [
        {
          scenario,
          minConfidence,
          ...(bounds.maxSteps && { maxSteps: bounds.maxSteps }),
          ...(bounds.tokenBudget && { tokenBudget: bounds.tokenBudget }),
          ...(rateLimited && { rateLimitModelCalls: true }),
        },
      ],
      workflowExecutionTimeout: bounds.timeoutMs,
      staticSummary: `Agent stage of ${c.caseId}: ${scenario.title}`,
    });
  } catch (err) {
    if (!(err instanceof ChildWorkflowFailure)) throw err;
    const why = err.cause?.message ?? err.message;
    agent = {
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
  c.investigated(agent);
  return agent;
}

/** Runs the action, then tells the customer: each once per case. `approvedBy` is undefined when policy lets it run. */
export async function act(
  c: CaseState,
  action: ActionName,
  recommendation: string,
  approved?: { by: string; comment?: string },
  target?: string,
): Promise<Ending> {
  await executeAction.executeWithOptions({ summary: `execute ${action}${target ? ` on ${target}` : ''}` }, [
    { caseId: c.caseId, action, ...(target && { target }), recommendation, approvedBy: approved?.by ?? 'policy' },
  ]);
  await notify(c, `${ACTIONS[action].description}: ${recommendation}`);
  return approved
    ? {
        status: 'Resolved',
        details: `Approved by ${approved.by}: ${action} done`,
        path: 'human',
        decision: 'approved',
        decidedBy: approved.by,
        action,
        reason: approved.comment ?? recommendation,
      }
    : {
        status: 'Resolved',
        details: `Resolved by the agent: ${action}`,
        path: 'agent',
        decision: 'auto_approved',
        decidedBy: 'policy',
        action,
        reason: recommendation,
      };
}

/** While a person decides (which may take hours), the customer knows a fix was found and when to expect word. */
export async function tellCustomerItWaits(c: CaseState, action: ActionName, deadline: string): Promise<void> {
  await notify(
    c,
    `We found the likely cause and a fix (${ACTIONS[action].description.toLowerCase()}); it waits for approval. You will hear from us by ${deadline}.`,
    'waiting',
  );
}

/** Nothing runs; the customer hears that an engineer follows up. */
export async function reject(c: CaseState, { by, reason }: RejectDecision): Promise<Ending> {
  await notify(c, 'We looked into your issue; an engineer will follow up.');
  return { status: 'Rejected', details: `Rejected by ${by}: ${reason}`, path: 'human', decision: 'rejected', decidedBy: by, action: null, reason };
}

/** Hands the case to the named team, or on-call. */
export async function escalate(c: CaseState, { by, reason, team = ON_CALL_TEAM }: EscalateDecision): Promise<Ending> {
  await handOver(c, team, reason);
  return { status: 'Escalated', details: `Escalated by ${by} to ${team}`, path: 'human', decision: 'escalated', decidedBy: by, action: null, team, reason };
}

/** Nobody decided in time: on-call takes it, and it is never mistaken for a rejection. */
export async function expire(c: CaseState): Promise<Ending> {
  const waited = c.expired();
  await handOver(c, ON_CALL_TEAM, 'approval deadline passed');
  return {
    status: 'Expired',
    details: `Expired: escalated to ${ON_CALL_TEAM}`,
    path: 'human',
    decision: 'expired',
    decidedBy: 'timer',
    action: null,
    team: ON_CALL_TEAM,
    reason: waited,
  };
}

function notify(c: CaseState, message: string, purpose?: 'waiting') {
  const { customer } = c.request.ticket;
  return notifyCustomer.executeWithOptions({ summary: purpose ? 'tell customer it waits' : 'notify customer' }, [
    { caseId: c.caseId, ...(customer && { customer }), message, ...(purpose && { purpose }) },
  ]);
}

function handOver(c: CaseState, team: string, reason: string) {
  return deliverToTeam.executeWithOptions({ summary: `escalate to ${team}` }, [
    {
      key: `${c.caseId}:escalation`,
      team,
      ticketId: c.caseId,
      category: 'technical_issue',
      priority: 'high',
      needsReview: true,
      summary: `${reason} — ${c.request.ticket.text.slice(0, 200)}`,
    },
  ]);
}
