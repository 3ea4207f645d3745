import { startFakeOpenAI, type FakeOpenAI } from '../../tools/fake-openai/server';
import type { Fault } from '../../tools/fake-openai/faults';
import { ModelError } from '../../src/model/errors';
import { OpenAIProvider } from '../../src/model/openai-provider';
import { classifyTicketTask } from '../../src/model/tasks';

// The real openai SDK over HTTP against the fake server: no Temporal, just the provider's contract.
let fake: FakeOpenAI;
let provider: OpenAIProvider;
const KEY = 'sk-test-must-never-leak-0123456789';

beforeAll(async () => {
  fake = await startFakeOpenAI();
  provider = new OpenAIProvider({ apiKey: KEY, model: 'gpt-5.4-mini', baseURL: fake.baseURL, timeoutMs: 500 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const classify = () => provider.run(classifyTicketTask, { text: 'I was charged twice, duplicate invoice' });

it('returns the parsed output with model, usage and request id', async () => {
  const r = await classify();
  expect(r.output).toMatchObject({ category: 'billing' });
  expect(r.model).toBe('gpt-5.4-mini');
  expect(r.usage.totalTokens).toBe(r.usage.inputTokens + r.usage.outputTokens);
  expect(r.usage.totalTokens).toBeGreaterThan(0);
  expect(r.requestId).toMatch(/^req_/);
  expect(fake.requestCount).toBe(1);
});

it.each<[Fault, string, boolean]>([
  [{ fault: 'rate_limit', retryAfterMs: 1500 }, 'ModelRateLimited', true],
  [{ fault: 'server_error' }, 'ModelUnavailable', true],
  [{ fault: 'unavailable' }, 'ModelUnavailable', true],
  [{ fault: 'slow', delayMs: 2_000 }, 'ModelTimeout', true],
  [{ fault: 'drop' }, 'ModelConnection', true],
  [{ fault: 'malformed_json' }, 'ModelOutputInvalid', true],
  [{ fault: 'schema_violation' }, 'ModelOutputInvalid', true],
  [{ fault: 'empty_output' }, 'ModelOutputInvalid', true],
  [{ fault: 'refusal' }, 'ModelRefusal', false],
  [{ fault: 'bad_request' }, 'ModelBadRequest', false],
  [{ fault: 'unauthorized' }, 'ModelAuth', false],
])('%o → %s (retryable: %s), one request, no key in the message', async (fault, type, retryable) => {
  fake.enqueue(fault);
  const err = await classify().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ModelError);
  expect(err).toMatchObject({ type, retryable });
  expect((err as Error).message).not.toContain(KEY);
  expect(fake.requestCount).toBe(1);
});

it('reads retry-after from a 429', async () => {
  fake.enqueue({ fault: 'rate_limit', retryAfterMs: 1500 });
  await expect(classify()).rejects.toMatchObject({ retryAfterMs: 1500, status: 429 });
});

it('answers scripted outputs and counts per task', async () => {
  fake.enqueue({ task: 'ticket_classification', output: { category: 'other', priority: 'low', confidence: 0.2, reason: 'scripted' } });
  await expect(classify()).resolves.toMatchObject({ output: { reason: 'scripted' } });
  expect(fake.countFor('ticket_classification')).toBe(1);
  expect(fake.countFor('agent_decision')).toBe(0);
});
