import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The project's custom search attributes: set by workflows, filtered on in the UI and by `client list`.
 * Registered by the dev server start (`npm start`), the test server and docker compose from this one list.
 */
export const SearchAttributes = {
  category: defineSearchAttributeKey('TicketCategory', SearchAttributeType.KEYWORD),
  priority: defineSearchAttributeKey('TicketPriority', SearchAttributeType.KEYWORD),
  team: defineSearchAttributeKey('Team', SearchAttributeType.KEYWORD),
  agentOutcome: defineSearchAttributeKey('AgentOutcome', SearchAttributeType.KEYWORD),
  caseStatus: defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD),
} as const;

export const ALL_SEARCH_ATTRIBUTES = Object.values(SearchAttributes);
