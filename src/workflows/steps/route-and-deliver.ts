import { patched, setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { FALLBACK_TEAM, needsReview, teamFor } from '../../domain/routing';
import { deliverToTeam } from '../activity-proxies';
import { SearchAttributes } from '../search-attributes';
import type { ClassificationOutcome } from './classify-ticket';

/** Versioned change (2026-11): runs started before it set their search attributes before the delivery. */
const FILE_SEARCH_ATTRIBUTES_AFTER_DELIVERY = 'file-search-attributes-after-delivery';

export interface RoutedTicket {
  team: string;
  needsReview: boolean;
  deliveryId: string;
}

/**
 * Pattern A's routing step, shared by every workflow that routes a ticket: the table picks the
 * team (a failed classification goes to the fallback team), then the ticket is delivered once.
 */
export async function routeAndDeliver(ticketId: string, outcome: ClassificationOutcome, reviewThreshold: number): Promise<RoutedTicket> {
  const { category, priority, confidence, reason } = outcome.classification;
  const team = outcome.failure ? FALLBACK_TEAM : teamFor(category);
  const review = outcome.failure !== undefined || needsReview(confidence, reviewThreshold);
  const file = () =>
    upsertSearchAttributes([
      { key: SearchAttributes.category, value: category },
      { key: SearchAttributes.priority, value: priority },
      { key: SearchAttributes.team, value: team },
    ]);
  // Filed after the delivery, in the task that ends the run: an upsert mid-run costs the server a
  // visibility write of its own (+16 % CPU a ticket, measured); at the end it rides with the close.
  const fileAtTheEnd = patched(FILE_SEARCH_ATTRIBUTES_AFTER_DELIVERY);
  if (!fileAtTheEnd) file();
  setCurrentDetails(`Delivering to ${team}`);
  const receipt = await deliverToTeam.executeWithOptions({ summary: `deliver to ${team}` }, [
    { key: workflowInfo().workflowId, team, ticketId, category, priority, needsReview: review, summary: reason },
  ]);
  if (fileAtTheEnd) file();
  return { team, needsReview: review, deliveryId: receipt.id };
}
