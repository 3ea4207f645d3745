import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { PersonDecision } from '../domain/case';
import type { Scenario } from '../domain/scenario.schema';
import { evidenceDigest, type DecisionContext, type DecisionSignature } from '../domain/signatures';
import { ticketDetails, ticketSubject, type TicketInput } from '../domain/ticket';
import { approversFromSettings } from '../signing/approvers';
import type { SigningKey } from '../signing/key-files';
import { signDecision } from '../signing/sign-decision';
import { supportCase } from '../workflows';
import {
  decisionMessages as m,
  supportCaseStatusQuery,
  type DecisionRecord,
  type SupportCaseInput,
  type SupportCaseStatus,
} from '../workflows/support-case/contract';
import { rateLimit, runFailure, type ClientContext } from './context';
import { CommandFailure, UsageError } from './errors';
import { shortId, startWorkflow } from './start';

// Pattern C's client half: open a case, find it, follow it to a person, and send that person's
// decision, signed. The CLI, the tools and the tests all go through here.

export type CaseHandle = WorkflowHandle<typeof supportCase>;

/** The case's input from settings: who may approve and the keys they sign with, how long they have, the agent's bounds. */
export function caseInput(ctx: Pick<ClientContext, 'settings'>, ticket: TicketInput, scenario?: Scenario): SupportCaseInput {
  const s = ctx.settings;
  return {
    ticket,
    ...(scenario && { scenario }),
    ...approversFromSettings(s),
    approvalTimeout: s.APPROVAL_TIMEOUT,
    reviewThreshold: s.REVIEW_CONFIDENCE_THRESHOLD,
    minConfidence: s.AGENT_MIN_CONFIDENCE,
    agent: { maxSteps: s.AGENT_MAX_STEPS, tokenBudget: s.AGENT_TOKEN_BUDGET },
    ...rateLimit(s),
  };
}

export interface OpenedCase {
  workflowId: string;
  uiUrl: string;
  /** Undefined when not waited for. */
  status?: SupportCaseStatus;
}

/**
 * Starts a support case and, when `wait`, follows it until it closes or stops for a person: either
 * way the caller knows what comes next. A run that fails is a CommandFailure with its UI address.
 */
export async function openCase(ctx: ClientContext, ticket: TicketInput, scenario: Scenario | undefined, wait: boolean): Promise<OpenedCase> {
  const workflowId = `case-${shortId()}`;
  const { handle, uiUrl } = await startWorkflow(ctx, supportCase, {
    workflowId,
    args: [caseInput(ctx, ticket, scenario)],
    staticSummary: `Support case: ${ticketSubject(ticket.text)}`,
    staticDetails: `${ticketDetails(ticket)}${scenario ? `\n\n**Scenario:** ${scenario.id} (${scenario.title})` : ''}`,
    memo: { subject: ticketSubject(ticket.text), ...(scenario && { scenario: scenario.id }) },
  });
  if (!wait) return { workflowId, uiUrl };
  const status = await untilCaseWaits(handle).catch((err: unknown) => {
    throw runFailure(err, workflowId, uiUrl);
  });
  return { workflowId, uiUrl, status };
}

/**
 * Follows a case until a person is needed (stage awaiting_approval) or it has closed, and returns
 * its status then; a run that failed ends the wait with its failure. The one place anything waits
 * for a case to reach a person.
 */
export async function untilCaseWaits(handle: CaseHandle, pollMs = 200): Promise<SupportCaseStatus> {
  for (;;) {
    const status = await handle.query(supportCaseStatusQuery).catch(() => undefined);
    if (status?.stage === 'awaiting_approval' || status?.stage === 'closed') return status;
    if (!status && (await handle.describe()).status.name !== 'RUNNING') {
      await handle.result(); // throws the run's failure
      return handle.query(supportCaseStatusQuery);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** The handle of a support case and whether it still runs; a clear error when there is no such case or it is another kind of run. */
export async function caseHandle(ctx: ClientContext, caseId: string): Promise<{ handle: CaseHandle; running: boolean }> {
  const description = await describeOrExplain(ctx, caseId);
  if (description.type !== supportCase.name) throw new UsageError(`${caseId} is a ${description.type} run, not a support case`);
  return { handle: ctx.client.workflow.getHandle<typeof supportCase>(caseId), running: description.status.name === 'RUNNING' };
}

/** A case's status, or a clear error when there is no such case. */
export async function queryCase(ctx: ClientContext, caseId: string): Promise<SupportCaseStatus> {
  const { handle } = await caseHandle(ctx, caseId);
  return handle.query(supportCaseStatusQuery);
}

/** Describes a run, or fails with a message that says the id is unknown and how to find the right one. */
export async function describeOrExplain(ctx: ClientContext, workflowId: string) {
  try {
    return await ctx.client.workflow.getHandle(workflowId).describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      throw new CommandFailure(`no workflow with id ${workflowId} in namespace ${ctx.namespace}: check the id with \`npm run client -- list\``, { workflowId });
    }
    throw err;
  }
}

/** How a decision is signed: with whose key, and for how long (default DEFAULT_SIGNATURE_VALIDITY_MS). */
export interface Signing {
  key: SigningKey;
  validForMs?: number;
}

/** What a signature for this case must name now: its run and what it waits on; undefined while nothing waits. */
export async function decisionContext(handle: CaseHandle): Promise<DecisionContext | undefined> {
  const p = (await handle.query(supportCaseStatusQuery)).pendingApproval;
  return p && { caseId: handle.workflowId, runId: p.runId, action: p.action, evidence: evidenceDigest(p) };
}

/**
 * What travels in the message: the decision without its kind (the message's name says that),
 * signed over what the case shows now when `signing` is given. Nothing is signed while nothing
 * waits: the case answers that itself.
 */
export async function decisionPayload<D extends PersonDecision>(
  handle: CaseHandle,
  decision: D,
  signing?: Signing,
): Promise<Omit<D, 'kind'> & { signature?: DecisionSignature }> {
  const { kind: _kind, ...payload } = decision;
  const context = signing && (await decisionContext(handle));
  return context ? { ...payload, signature: signDecision(decision, context, signing.key, signing.validForMs) } : payload;
}

/** Sends a person's decision as an update (signed when `signing` is given): the case answers at once with what became of it. */
export async function updateDecision(handle: CaseHandle, d: PersonDecision, signing?: Signing): Promise<DecisionRecord> {
  if (d.kind === 'approve') return handle.executeUpdate(m.approve.update, { args: [await decisionPayload(handle, d, signing)] });
  if (d.kind === 'reject') return handle.executeUpdate(m.reject.update, { args: [await decisionPayload(handle, d, signing)] });
  return handle.executeUpdate(m.escalate.update, { args: [await decisionPayload(handle, d, signing)] });
}

/** Sends a person's decision as a signal, as the Temporal UI and CLI do: fire and forget. */
export async function signalDecision(handle: CaseHandle, d: PersonDecision, signing?: Signing): Promise<void> {
  if (d.kind === 'approve') return handle.signal(m.approve.signal, await decisionPayload(handle, d, signing));
  if (d.kind === 'reject') return handle.signal(m.reject.signal, await decisionPayload(handle, d, signing));
  return handle.signal(m.escalate.signal, await decisionPayload(handle, d, signing));
}
