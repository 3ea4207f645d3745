import type { TicketCategory } from './ticket';

/** The routing table: code, not the model, decides where a ticket goes. */
export const ROUTING_TABLE: Readonly<Record<TicketCategory, string>> = {
  billing: 'Finance Support Team',
  technical_issue: 'Technical Support Team',
  refund_request: 'Returns and Refunds Team',
  account_access: 'Account Access Team',
  other: 'General Support Team',
};

export const FALLBACK_TEAM = ROUTING_TABLE.other;

export function teamFor(category: TicketCategory): string {
  return ROUTING_TABLE[category];
}

/** A classification the model is unsure of goes to a person for review; it is still routed. */
export function needsReview(confidence: number, threshold: number): boolean {
  return confidence < threshold;
}
