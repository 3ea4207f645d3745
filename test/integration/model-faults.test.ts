import type { Fault } from '../../tools/fake-openai/faults';
import { routeTicket } from '../../src/workflows';
import type { RouteTicketResult } from '../../src/workflows/route-ticket/contract';
import { activitiesAgainst, startWorker, uniqueId, useServerAndFakeModel } from '../helpers/temporal';
import { CHAT_JSON_OBJECT, RESPONSES, type OpenAIWire } from '../helpers/openai-wires';

// Each way a model call can go wrong ends in a defined behaviour of the workflow: retried by Temporal
// and then answered, or (where a retry cannot help) routed for review at once. One fault, then a good answer.
// By both APIs (Chat Completions in llama.cpp's form; its json_schema form shares the code after the request).
const t = useServerAndFakeModel();
const TEXT = 'I was charged twice, duplicate invoice';

describe.each<OpenAIWire>([RESPONSES, CHAT_JSON_OBJECT])('model fault matrix (routeTicket, real SDK, fake server, $name)', (wire) => {
  async function route(): Promise<RouteTicketResult> {
    const { worker, taskQueue } = await startWorker(t.env, activitiesAgainst(t.fake, undefined, 500, wire));
    return worker.runUntil(t.env.client.workflow.execute(routeTicket, { taskQueue, workflowId: uniqueId('ticket'), args: [{ text: TEXT }] }));
  }

  it.each<[string, Fault]>([
    ['500', { fault: 'server_error' }],
    ['503', { fault: 'unavailable' }],
    ['a timeout', { fault: 'slow', delayMs: 2_000 }],
    ['a dropped connection', { fault: 'drop' }],
    ['malformed JSON', { fault: 'malformed_json' }],
    ['an answer cut off at the token limit', { fault: 'truncated' }],
    ['a schema violation', { fault: 'schema_violation' }],
    ['empty output', { fault: 'empty_output' }],
  ])('%s is retried and the second attempt routes the ticket', async (_name, fault) => {
    t.fake.enqueue(fault);
    const result = await route();
    expect(result).toMatchObject({ category: 'billing', team: 'Finance Support Team', attempts: 2 });
    expect(result.classificationFailure).toBeUndefined();
    expect(t.fake.countFor('ticket_classification')).toBe(2);
    expect(t.fake.requests.map((r) => r.api)).toEqual([wire.api, wire.api]);
  });

  it("a 429 waits for the provider's retry-after before the next attempt", async () => {
    t.fake.enqueue({ fault: 'rate_limit', retryAfterMs: 1_500 });
    const result = await route();
    expect(result.attempts).toBe(2);
    const [first, second] = t.fake.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_500);
  });

  it.each<[string, Fault, string]>([
    ['a refusal', { fault: 'refusal' }, 'ModelRefusal'],
    ['a 400', { fault: 'bad_request' }, 'ModelBadRequest'],
    ['a 401', { fault: 'unauthorized' }, 'ModelAuth'],
  ])('%s is not retried: the ticket goes to review with the failure recorded', async (_name, fault, type) => {
    t.fake.enqueue(fault);
    const result = await route();
    expect(result).toMatchObject({ team: 'General Support Team', needsReview: true, attempts: 1, classificationFailure: { type } });
    expect(t.fake.countFor('ticket_classification')).toBe(1);
  });
});
