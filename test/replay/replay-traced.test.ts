import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { TRACING_WORKFLOW_MODULES } from '../../src/telemetry/workflow-modules';
import { bundleWorkflows } from '../../src/workflow-bundle';

// The stored histories again, with the tracing interceptors bundled in, as a worker with tracing on
// runs them: turning tracing on must not break a run in flight, and a replay exports no span (the
// sink that takes workflow spans out of the sandbox is not called while replaying).
const DIR = join(__dirname, 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

it('replays every stored history deterministically with tracing on, exporting no span', async () => {
  const workflowBundle = await bundleWorkflows({ workflowInterceptorModules: TRACING_WORKFLOW_MODULES });
  const exported: unknown[] = [];
  const sinks = { exporter: { export: { fn: (_info: unknown, spans: unknown[]) => void exported.push(...spans) } } };
  const histories = files.map((file) => ({
    workflowId: file.replace(/\.json$/, ''),
    history: historyFromJSON(JSON.parse(readFileSync(join(DIR, file), 'utf8'))),
  }));
  const results = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle, sinks }, histories)) results.push(result);
  expect(results.map((r) => [r.workflowId, r.error?.message])).toEqual(histories.map((h) => [h.workflowId, undefined]));
  expect(exported).toEqual([]);
}, 120_000);
