import type { Command } from 'commander';
import { ticketProblems, type TicketInput } from '../domain/ticket';
import { UsageError } from '../clients/errors';

export interface TicketOptions {
  ticketId?: string;
  customer?: string;
  channel?: string;
}

/** The ticket's argument and flags, the same for every command that takes a ticket. */
export function withTicketArgs(command: Command): Command {
  return command
    .argument('<text>', 'the ticket text')
    .option('--ticket-id <id>', 'your ticket id (default: the workflow id)')
    .option('--customer <name>', 'who sent it')
    .option('--channel <name>', 'where it came from, e.g. email, chat');
}

/** Checks a ticket on the client too (the workflow's own rules), so a typo costs no round trip and exits 2. */
export function parseTicketArgs(text: string, opts: TicketOptions): TicketInput {
  const ticket: TicketInput = {
    text,
    ...(opts.ticketId && { ticketId: opts.ticketId }),
    ...(opts.customer && { customer: opts.customer }),
    ...(opts.channel && { channel: opts.channel }),
  };
  const problems = ticketProblems(ticket);
  if (problems.length) throw new UsageError(`invalid ticket: ${problems.join('; ')}`);
  return ticket;
}
