import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { routeTicket, supportCase, troubleshoot } from '../../src/workflows';
import { workflowBundle } from '../helpers/temporal';

// Stored histories of real runs, replayed against today's workflow code: a change that would break
// a run in flight (a non-deterministic change) fails here. Re-record with `npm run record-histories`.
const DIR = join(__dirname, 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

it('has histories of every workflow type to replay', () => {
  const types = new Set(
    files.map((f) => {
      const history = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as {
        events: Array<{ workflowExecutionStartedEventAttributes?: { workflowType: { name: string } } }>;
      };
      return history.events[0]?.workflowExecutionStartedEventAttributes?.workflowType.name;
    }),
  );
  expect([...types].sort()).toEqual([routeTicket.name, supportCase.name, troubleshoot.name].sort());
});

it.each(files)('replays %s deterministically', async (file) => {
  const history = historyFromJSON(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, file.replace(/\.json$/, ''))).resolves.toBeUndefined();
});
