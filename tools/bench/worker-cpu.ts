/**
 * CPU per workflow of a worker process, read from /proc/<pid>/stat around a batch of Pattern A runs
 * (offline model: what is measured is the engine, the workflow and the interceptors, not a model).
 * Compares, in one run on one machine, interleaved: this checkout with tracing off and on (spans to
 * a loopback OTLP sink that drops them), and optionally another checkout (`--before`).
 *
 *   npx tsx tools/bench/worker-cpu.ts --tickets 200 --rounds 3 [--before ../main] [--no-traced]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { wholeNumber } from '../cli-args';
import { routeTicket } from '../../src/workflows';
import { startLocalServer } from '../dev/local-server';
import { workerProcess } from '../dev/worker-process';
import { runPool } from '../eval/pool';
import { treeCpuMs } from './cpu';

const int = wholeNumber(1);

/** An OTLP/HTTP endpoint that accepts every export and keeps nothing: tracing's cost without a backend's. */
async function otlpSink(): Promise<{ endpoint: string; close(): void }> {
  const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

interface Variant {
  name: string;
  root?: string;
  env: Record<string, string>;
}

async function main(): Promise<void> {
  const o = new Command('worker-cpu')
    .option('--tickets <n>', 'Pattern A runs measured per variant and round', int, 200)
    .option('--rounds <n>', 'rounds; the variants take turns, in a rotating order', int, 3)
    .option('--concurrency <n>', 'runs in flight', int, 20)
    .option('--before <dir>', 'another checkout (with node_modules) to measure as "before", e.g. a worktree of main')
    .option('--no-traced', 'leave out the tracing-on variant (a tighter before/after comparison)')
    .parse()
    .opts<{ tickets: number; rounds: number; concurrency: number; before?: string; traced: boolean }>();
  const sink = await otlpSink();
  const local = await startLocalServer({ maxLifetimeSeconds: 3_600, inMemory: true });
  const base = {
    TEMPORAL_ADDRESS: local.address,
    MODEL_PROVIDER: 'offline',
    OPENAI_API_KEY: '',
    METRICS_BIND: '',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    LOG_LEVEL: 'WARN',
  };
  const variants: Variant[] = [
    ...(o.before ? [{ name: 'before (tracing off)', root: o.before, env: {} }] : []),
    { name: 'this checkout, tracing off', env: {} },
    ...(o.traced ? [{ name: 'this checkout, tracing on', env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint } }] : []),
  ];
  const perWorkflowMs: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
  try {
    for (let round = 0; round < o.rounds; round += 1) {
      for (let i = 0; i < variants.length; i += 1) {
        const v = variants[(i + round) % variants.length]!;
        const taskQueue = `cpu-${Date.now().toString(36)}-${round}-${i}`;
        const log: string[] = [];
        const env = { ...base, ...v.env, TASK_QUEUE: taskQueue, OUTBOX_DIR: join(tmpdir(), `switchboard-cpu-${taskQueue}`) };
        const child = workerProcess(env, (l) => log.push(l), v.root && join(v.root, 'src', 'worker.ts'));
        await new Promise<void>((resolve, reject) => {
          child.stdout?.on('data', (d: Buffer) => d.toString().includes('worker: task queue') && resolve());
          child.once('exit', (code) => reject(new Error(`${v.name}: the worker exited (${code}):\n${log.join('\n')}`)));
        });
        const run = (n: number, tag: string) =>
          runPool(
            Array.from({ length: n }, (_, k) => k),
            o.concurrency,
            (k) =>
              local.client.workflow.execute(routeTicket, {
                taskQueue,
                workflowId: `${taskQueue}-${tag}-${k}`,
                args: [{ text: `I was charged twice for invoice ${k}` }],
              }),
          );
        await run(20, 'warm'); // the first workflows pay for loading the bundle: not measured
        const cpu0 = treeCpuMs(child.pid!);
        const failed = (await run(o.tickets, 'm')).filter((r) => r instanceof Error).length;
        const cpuMs = treeCpuMs(child.pid!) - cpu0;
        if (failed) throw new Error(`${v.name}: ${failed} runs failed`);
        perWorkflowMs[v.name]!.push(cpuMs / o.tickets);
        console.error(`round ${round + 1}, ${v.name}: ${(cpuMs / o.tickets).toFixed(2)} ms CPU a workflow`);
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
    }
  } finally {
    sink.close();
    await local.close();
  }
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
  };
  console.log(`\nworker CPU per Pattern A workflow (median of ${o.rounds} rounds of ${o.tickets}, concurrency ${o.concurrency}, offline model):`);
  for (const [name, xs] of Object.entries(perWorkflowMs))
    console.log(`  ${name.padEnd(28)} ${median(xs).toFixed(2)} ms   (rounds: ${xs.map((x) => x.toFixed(2)).join(', ')})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
