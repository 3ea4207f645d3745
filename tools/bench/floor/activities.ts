import { setTimeout as sleep } from 'node:timers/promises';

/** A ticket as routeTicket takes it; `waitMs` stands in for the model call in the latency figure. */
export interface FloorTicket {
  ticketId: string;
  text: string;
  waitMs?: number;
}

/** The floor's activities: they take and return what routeTicket's do, and do nothing with it. */
export async function first(ticket: FloorTicket): Promise<{ label: string }> {
  if (ticket.waitMs) await sleep(ticket.waitMs);
  return { label: ticket.ticketId };
}

export async function second(input: { ticketId: string; label: string }): Promise<{ id: string }> {
  return { id: input.label };
}
