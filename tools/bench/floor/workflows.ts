import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type * as activities from './activities';

type FloorTicket = activities.FloorTicket;

// The same options routeTicket's activities run with: eager dispatch on the workflow's own queue.
const { first, second } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 4 } });

/**
 * The engine's floor: a workflow that takes a ticket and runs two activities that do nothing, as
 * routeTicket runs two (classify, deliver). What it costs is what Temporal costs; routeTicket is
 * measured against it.
 */
export async function floorTicket(ticket: FloorTicket): Promise<{ ticketId: string; team: string }> {
  const { label } = await first(ticket);
  const { id } = await second({ ticketId: ticket.ticketId, label });
  return { ticketId: ticket.ticketId, team: id };
}

const { first: firstLocally, second: secondLocally } = proxyLocalActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 4 },
});

/**
 * The floor in routeTicket's own shape: one activity, then a local activity in the task that ends
 * the run. Not a target (the floor above is), but it shows what this project's code adds when the
 * engine does the same work.
 */
export async function floorTicketSameShape(ticket: FloorTicket): Promise<{ ticketId: string; team: string }> {
  const { label } = await first(ticket);
  const { id } = await secondLocally({ ticketId: ticket.ticketId, label });
  return { ticketId: ticket.ticketId, team: id };
}

/**
 * The floor with both activities local: the whole run in one workflow task. Only the latency figure
 * runs it, to show what a model call made as a local activity would give (README says why
 * routeTicket's is not: a worker that dies mid-call would leave a request no history records).
 */
export async function floorTicketAllLocal(ticket: FloorTicket): Promise<{ ticketId: string; team: string }> {
  const { label } = await firstLocally(ticket);
  const { id } = await secondLocally({ ticketId: ticket.ticketId, label });
  return { ticketId: ticket.ticketId, team: id };
}
