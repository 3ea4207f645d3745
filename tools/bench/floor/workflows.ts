import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';

// The same options routeTicket's activities run with: eager dispatch on the workflow's own queue.
const { first, second } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 4 } });

/**
 * The engine's floor: a workflow that takes a ticket and runs two activities that do nothing, as
 * routeTicket runs two (classify, deliver). What it costs is what Temporal costs; routeTicket is
 * measured against it.
 */
export async function floorTicket(ticket: { ticketId: string; text: string }): Promise<{ ticketId: string; team: string }> {
  const { label } = await first(ticket);
  const { id } = await second({ ticketId: ticket.ticketId, label });
  return { ticketId: ticket.ticketId, team: id };
}

