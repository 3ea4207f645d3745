import { patched, workflowInfo } from '@temporalio/workflow';
import { proposeAction } from '../domain/actions';
import { readSupportCaseInput, type SupportCaseInput, type SupportCaseResult } from './support-case.contract';
import { CaseState } from './support-case-state';
import { Changes } from './versions';
import { act, classify, escalate, expire, investigate, isInvestigable, reject, route, tellCustomerItWaits } from './support-case-steps';

/**
 * Pattern C: code runs the process, a bounded agent investigates one stage, a person approves what
 * is risky. Classify → route, or investigate → validate → wait for a person → act.
 */
export async function supportCase(input: SupportCaseInput): Promise<SupportCaseResult> {
  const request = readSupportCaseInput(input);
  const { workflowId, runId } = workflowInfo();
  const c = new CaseState(workflowId, runId, request, patched(Changes.signedDecisions));
  c.listen();

  // 1. Pattern A's step: anything but a technical issue with a system to investigate is routed by code.
  c.enter('classifying', 'Classifying the ticket', 'InProgress');
  const classified = await classify(c);
  const scenario = isInvestigable(classified) ? request.scenario : undefined;
  if (!scenario) return c.close(await route(c, classified));

  // 2. The bounded agent investigates, as a child workflow with its own history.
  const agent = await investigate(c, scenario);

  // 3. Deterministic validation: may the proposed action run on policy?
  const action = proposeAction(agent.recommendation);
  const reasons = c.validate(action);
  if (reasons.length === 0) return c.close(await act(c, action, agent.recommendation, 'policy'));

  // 4. A person decides before the deadline, or on-call takes the case; the customer hears of the wait.
  if (patched(Changes.customerHearsOfTheWait)) await tellCustomerItWaits(c, action);
  const decision = await c.waitForPerson(action, agent.recommendation, reasons);
  if (!decision) return c.close(await expire(c));
  if (decision.kind === 'approve') return c.close(await act(c, action, agent.recommendation, decision.by, decision.comment));
  if (decision.kind === 'reject') return c.close(await reject(c, decision));
  return c.close(await escalate(c, decision));
}
