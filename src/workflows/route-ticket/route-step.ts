import { patched, setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { FALLBACK_TEAM, needsReview, teamFor } from '../../domain/routing';
import { deliverToTeam, local } from '../activity-proxies';
import { SearchAttributes } from '../search-attributes';
import { Changes } from '../versions';
import type { ClassificationOutcome } from './classify-step';

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
  upsertSearchAttributes([
    { key: SearchAttributes.category, value: category },
    { key: SearchAttributes.priority, value: priority },
    { key: SearchAttributes.team, value: team },
  ]);
  setCurrentDetails(`Delivering to ${team}`);
  const deliver = patched(Changes.deliverLocally) ? local.deliverToTeam : deliverToTeam;
  const receipt = await deliver.executeWithOptions({ summary: `deliver to ${team}` }, [
    { key: workflowInfo().workflowId, team, ticketId, category, priority, needsReview: review, summary: reason },
  ]);
  return { team, needsReview: review, deliveryId: receipt.id };
}
