import { startFakeOpenAI, type FakeOpenAI } from '../../tools/fake-openai/server';
import type { Fault } from '../../tools/fake-openai/faults';
import { ModelError } from '../../src/model/errors';
import type { ModelProvider } from '../../src/model';
import { classifyTicketTask, decideNextStepTask } from '../../src/model/tasks';
import { CHAT_JSON_OBJECT, CHAT_JSON_SCHEMA, OPENAI_WIRES, providerOver } from '../helpers/openai-wires';

// The real openai SDK over HTTP against the fake server: no Temporal, just the provider's contract, on every wire.
let fake: FakeOpenAI;
const KEY = 'sk-test-must-never-leak-0123456789';

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe.each(OPENAI_WIRES)('$name', (wire) => {
  let provider: ModelProvider;
  beforeAll(() => {
    provider = providerOver(wire, fake.baseURL, { apiKey: KEY, timeoutMs: 500 });
  });
  const classify = () => provider.run(classifyTicketTask, { text: 'I was charged twice, duplicate invoice' });

  it('returns the parsed output with model, usage and request id, by this API and form', async () => {
    const r = await classify();
    expect(r.output).toMatchObject({ category: 'billing' });
    expect(r.model).toBe('gpt-5.4-mini');
    expect(r.usage.totalTokens).toBe(r.usage.inputTokens + r.usage.outputTokens);
    expect(r.usage.totalTokens).toBeGreaterThan(0);
    expect(r.requestId).toMatch(/^req_/);
    expect(fake.requests).toEqual([
      expect.objectContaining({ api: wire.api, task: 'ticket_classification', status: 200, ...(wire.api === 'chat' && { dialect: wire.structuredOutput }) }),
    ]);
  });

  it("sends the agent's decision schema too (the fake tells the tasks apart by it)", async () => {
    const r = await provider.run(decideNextStepTask, {
      goal: 'payments fail',
      allowedTools: [{ name: 'logs', description: 'recent logs' }],
      transcript: [],
      stepsLeft: 5,
      minConfidence: 0.7,
    });
    expect(r.output).toHaveProperty('action');
    expect(fake.countFor('agent_decision')).toBe(1);
  });

  it.each<[Fault, string, boolean]>([
    [{ fault: 'rate_limit', retryAfterMs: 1500 }, 'ModelRateLimited', true],
    [{ fault: 'server_error' }, 'ModelUnavailable', true],
    [{ fault: 'unavailable' }, 'ModelUnavailable', true],
    [{ fault: 'slow', delayMs: 2_000 }, 'ModelTimeout', true],
    [{ fault: 'drop' }, 'ModelConnection', true],
    [{ fault: 'malformed_json' }, 'ModelOutputInvalid', true],
    [{ fault: 'truncated' }, 'ModelOutputInvalid', true],
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

  it('an answer cut off at the token limit is not parsed as if whole', async () => {
    fake.enqueue({ fault: 'truncated' });
    // Chat Completions says why with finish_reason "length", the Responses API with status "incomplete".
    await expect(classify()).rejects.toThrow(wire.api === 'chat' ? /cut off at its token limit/ : /cut off: max_output_tokens/);
  });

  it('sends no token limit unless one is set', async () => {
    await classify();
    expect(fake.requests[0]).not.toHaveProperty('maxOutputTokens');
  });

  it("sends OPENAI_MAX_OUTPUT_TOKENS under this API's name, and an answer the limit cuts fails as ModelOutputInvalid", async () => {
    const limited = (maxOutputTokens: number) => providerOver(wire, fake.baseURL, { apiKey: KEY, maxOutputTokens });
    await expect(limited(400).run(classifyTicketTask, { text: 'duplicate invoice' })).resolves.toMatchObject({ output: { category: 'billing' } });
    // 16 tokens is shorter than any classification the fake writes: the endpoint stops there.
    await expect(limited(16).run(classifyTicketTask, { text: 'duplicate invoice' })).rejects.toMatchObject({ type: 'ModelOutputInvalid', retryable: true });
    expect(fake.requests.map((r) => r.maxOutputTokens)).toEqual([400, 16]);
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
});

describe('a server that takes only one structured-output form (as llama.cpp takes only json_object + schema)', () => {
  let llamaLike: FakeOpenAI;
  beforeAll(async () => {
    llamaLike = await startFakeOpenAI({ chatDialects: ['json_object_schema'] });
  });
  afterAll(() => llamaLike.close());

  it('answers its own form', async () => {
    const r = await providerOver(CHAT_JSON_OBJECT, llamaLike.baseURL).run(classifyTicketTask, { text: 'duplicate invoice' });
    expect(r.output).toMatchObject({ category: 'billing' });
  });

  it("refuses the other with a 500, as llama-cpp-python's does: ModelUnavailable, retryable (a 5xx is not told apart from an outage)", async () => {
    const err = await providerOver(CHAT_JSON_SCHEMA, llamaLike.baseURL)
      .run(classifyTicketTask, { text: 'duplicate invoice' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ type: 'ModelUnavailable', retryable: true, status: 500 });
    expect((err as Error).message).toContain("Input should be 'text' or 'json_object'");
  });
});
