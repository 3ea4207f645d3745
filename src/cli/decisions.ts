import type { WorkflowHandle } from '@temporalio/client';
import type { PersonDecision } from '../domain/case';
import { evidenceDigest, type DecisionContext, type DecisionSignature } from '../domain/signatures';
import type { SigningKey } from '../signing/key-files';
import { signDecision } from '../signing/sign-decision';
import type { supportCase } from '../workflows';
import { decisionMessages as m, supportCaseStatusQuery, type DecisionRecord } from '../workflows/support-case/contract';

type CaseHandle = WorkflowHandle<typeof supportCase>;

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
export async function decisionPayload<D extends PersonDecision>(handle: CaseHandle, decision: D, signing?: Signing): Promise<Omit<D, 'kind'> & { signature?: DecisionSignature }> {
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
