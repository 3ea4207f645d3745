import { Command, InvalidArgumentError } from 'commander';
import { startFakeOpenAI } from './server';

const number = (name: string, min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a number from ${min} to ${max}`);
  return n;
};

const program = new Command('fake-openai')
  .description('A fake OpenAI API (Responses and Chat Completions) on loopback: answers with the offline rules, injects faults, logs requests')
  .option('--port <n>', 'port (0 picks a free one)', number('--port', 0, 65535), 4010)
  .option('--host <ip>', 'address to listen on', '127.0.0.1')
  .option('--latency-ms <n>', 'added to every answer', number('--latency-ms', 0, 600_000), 0)
  .option('--fail-rate <r>', 'share of requests answered with 429, 500 or 503', number('--fail-rate', 0, 1), 0)
  .option('--seed <n>', 'seed for the fault draws', number('--seed', 0, 2 ** 32), 1)
  .showHelpAfterError()
  // Bad usage exits 2, like the client.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

async function main(): Promise<void> {
  const opts = program.parse().opts<{ port: number; host: string; latencyMs: number; failRate: number; seed: number }>();
  const fake = await startFakeOpenAI({
    ...opts,
    onRequest: (r) =>
      console.log(`${new Date(r.at).toISOString()} ${r.api}${r.dialect ? `/${r.dialect}` : ''} ${r.task ?? '-'} ${r.status}${r.fault ? ` (${r.fault})` : ''}`),
  });
  console.log(`fake OpenAI API (Responses, Chat Completions) on ${fake.baseURL} (latency ${opts.latencyMs} ms, fail rate ${opts.failRate})`);
  console.log(`use it with: OPENAI_BASE_URL=${fake.baseURL} OPENAI_API_KEY=fake MODEL_PROVIDER=openai npm start (OPENAI_API=chat for Chat Completions)`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop).once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
