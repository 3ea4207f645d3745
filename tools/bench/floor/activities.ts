/** The floor's activities: they take and return what routeTicket's do, and do nothing with it. */
export async function first(ticket: { ticketId: string; text: string }): Promise<{ label: string }> {
  return { label: ticket.ticketId };
}

export async function second(input: { ticketId: string; label: string }): Promise<{ id: string }> {
  return { id: input.label };
}
