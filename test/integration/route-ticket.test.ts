import { WorkflowFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { FileOutbox, type Outbox } from '../../src/activities/outbox';
import { routeTicket } from '../../src/workflows';
import type { RouteTicketResult } from '../../src/workflows/route-ticket/contract';
import { activitiesAgainst, startWorker, tempDir, uniqueId, useServerAndFakeModel } from '../helpers/temporal';

const t = useServerAndFakeModel();

async function route(text: string, activities = activitiesAgainst(t.fake)): Promise<RouteTicketResult> {
  const { worker, taskQueue } = await startWorker(t.env, activities);
  return worker.runUntil(t.env.client.workflow.execute(routeTicket, { taskQueue, workflowId: uniqueId('ticket'), args: [{ text }] }));
}

describe('routeTicket through the real openai SDK and the fake Responses API', () => {
  it.each([
    ['I was charged twice for my subscription, duplicate invoice', 'billing', 'Finance Support Team'],
    ['The API integration stopped working after the deployment, error 500', 'technical_issue', 'Technical Support Team'],
    ['Please refund my order, I want my money back', 'refund_request', 'Returns and Refunds Team'],
    ['I cannot log in, my password reset link does not arrive', 'account_access', 'Account Access Team'],
    ['Do you have an office in Lisbon?', 'other', 'General Support Team'],
  ])('%s → %s → %s', async (text, category, team) => {
    const result = await route(text);
    expect(result).toMatchObject({ category, team, model: 'gpt-5.4-mini', attempts: 1 });
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    expect(t.fake.requestCount).toBe(1);
  });

  it('calls the model on its own queue, handed to its worker at once, then delivers and files the ticket in the task that ends the run', async () => {
    const { worker, taskQueue } = await startWorker(t.env, activitiesAgainst(t.fake));
    const workflowId = uniqueId('ticket');
    await worker.runUntil(t.env.client.workflow.execute(routeTicket, { taskQueue, workflowId, args: [{ text: 'I was charged twice' }] }));
    const events = (await t.env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    const E = temporal.api.enums.v1.EventType;
    const scheduled = events.filter((e) => e.activityTaskScheduledEventAttributes).map((e) => e.activityTaskScheduledEventAttributes!);
    expect(scheduled.map((a) => [a.activityType?.name, a.taskQueue?.name])).toEqual([['classifyTicket', taskQueue]]);
    // Eager dispatch: the activity started in the response to the task that scheduled it, no queue wait.
    const started = events.find((e) => e.activityTaskStartedEventAttributes)!;
    expect(Number(started.activityTaskStartedEventAttributes!.scheduledEventId)).toBe(Number(started.eventId) - 1);
    // Two workflow tasks in all; the second delivers (a local activity's marker), files the search attributes and completes.
    expect(events.filter((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).toHaveLength(2);
    const types = events.map((e) => e.eventType);
    const afterLastTask = types.slice(types.lastIndexOf(E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) + 1);
    expect(afterLastTask).toContain(E.EVENT_TYPE_MARKER_RECORDED);
    expect(afterLastTask).toContain(E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES);
    expect(afterLastTask.at(-1)).toBe(E.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  });

  it('retries a 429 then a 500 and succeeds with exactly 3 recorded attempts', async () => {
    t.fake.enqueue({ fault: 'rate_limit', retryAfterMs: 200 }, { fault: 'server_error' });
    const result = await route('I was charged twice, duplicate invoice');
    expect(result.category).toBe('billing');
    expect(result.attempts).toBe(3);
    expect(t.fake.requestCount).toBe(3);
  });

  it.each(['malformed_json', 'schema_violation'] as const)('output that keeps being %s ends in General Support with needsReview, no crash', async (fault) => {
    t.fake.enqueue(...Array.from({ length: 4 }, () => ({ fault })));
    const result = await route('I was charged twice, duplicate invoice');
    expect(result).toMatchObject({ team: 'General Support Team', needsReview: true, attempts: 4 });
    expect(result.classificationFailure?.type).toBe('ModelOutputInvalid');
    expect(t.fake.requestCount).toBe(4);
  });

  it('a refusal is not retried and goes to review', async () => {
    t.fake.enqueue({ fault: 'refusal' });
    const result = await route('Please refund me');
    expect(result).toMatchObject({ team: 'General Support Team', needsReview: true, attempts: 1 });
    expect(result.classificationFailure?.type).toBe('ModelRefusal');
    expect(t.fake.requestCount).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   \n  '],
    ['control characters', 'hello\u0000world'],
    ['too long', 'x'.repeat(20_001)],
  ])('invalid input (%s) fails before any model call', async (_name, text) => {
    const err = await route(text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect((err as WorkflowFailedError).cause).toMatchObject({ type: 'InvalidTicket', nonRetryable: true });
    expect(t.fake.requestCount).toBe(0);
  });

  it('a delivery retried after a failure is not duplicated', async () => {
    const outbox = new FileOutbox(tempDir());
    let calls = 0;
    // The team queue accepts the ticket, then the activity dies before reporting it: the retry must not deliver twice.
    const flaky: Outbox = {
      list: (channel) => outbox.list(channel),
      async put(channel, key, record) {
        calls += 1;
        const receipt = await outbox.put(channel, key, record);
        if (calls === 1) throw new Error('worker lost after delivering');
        return receipt;
      },
    };
    const result = await route('I want a refund', activitiesAgainst(t.fake, flaky));
    expect(calls).toBe(2);
    const delivered = await outbox.list('deliveries');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ team: result.team, ticketId: result.ticketId });
  });
});
