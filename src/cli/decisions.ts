import type { WorkflowHandle } from '@temporalio/client';
import type { PersonDecision } from '../domain/case';
import type { supportCase } from '../workflows';
import { decisionMessages as m, type DecisionRecord } from '../workflows/support-case.contract';

type CaseHandle = WorkflowHandle<typeof supportCase>;

/** What travels in the message: the decision without its kind (the message's name says that). */
function payloadOf<D extends PersonDecision>(decision: D): Omit<D, 'kind'> {
  const { kind: _kind, ...payload } = decision;
  return payload;
}

/** Sends a person's decision as an update: the case answers at once with what became of it. */
export function updateDecision(handle: CaseHandle, d: PersonDecision): Promise<DecisionRecord> {
  if (d.kind === 'approve') return handle.executeUpdate(m.approve.update, { args: [payloadOf(d)] });
  if (d.kind === 'reject') return handle.executeUpdate(m.reject.update, { args: [payloadOf(d)] });
  return handle.executeUpdate(m.escalate.update, { args: [payloadOf(d)] });
}

/** Sends a person's decision as a signal, as the Temporal UI and CLI do: fire and forget. */
export function signalDecision(handle: CaseHandle, d: PersonDecision): Promise<void> {
  if (d.kind === 'approve') return handle.signal(m.approve.signal, payloadOf(d));
  if (d.kind === 'reject') return handle.signal(m.reject.signal, payloadOf(d));
  return handle.signal(m.escalate.signal, payloadOf(d));
}
