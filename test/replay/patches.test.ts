import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { bundleWithPatches } from '../helpers/patch-bundles';
// Its runtime logs only errors: a replay worker per history would otherwise fill the output.
import '../helpers/temporal';

// The stored histories of supportCase from before Changes.customerHearsOfTheWait (runs that waited
// for a person under the old code) against the code with every patch check forced one way.
const history = (name: string) => historyFromJSON(JSON.parse(readFileSync(join(__dirname, 'histories', `${name}.json`), 'utf8')));
const RECORDED_BEFORE_THE_PATCH = ['support-case-approved', 'support-case-rejected', 'support-case-expired', 'support-case-updates'];

it('the code with its patch checks answering false replays the histories recorded before the patch: it is that old code', async () => {
  const workflowBundle = await bundleWithPatches('before');
  for (const name of RECORDED_BEFORE_THE_PATCH) await expect(Worker.runReplayHistory({ workflowBundle }, history(name), name)).resolves.toBeUndefined();
}, 120_000);

it('the same change shipped without patched() would break every case that waited for a person when the worker was replaced', async () => {
  const workflowBundle = await bundleWithPatches('without');
  for (const name of RECORDED_BEFORE_THE_PATCH)
    await expect(Worker.runReplayHistory({ workflowBundle }, history(name), name)).rejects.toThrow(DeterminismViolationError);
}, 120_000);

// Recorded after Changes.customerHearsOfTheWait and before Changes.signedDecisions: its approval is
// an unsigned update by a name on the list. Replayed with the signing rule unguarded, the approval
// would be refused and the case would wait where its history runs the action.
it('signed decisions shipped without patched() would break a case approved by name while it waited', async () => {
  const name = 'support-case-customer-told-of-wait';
  await expect(Worker.runReplayHistory({ workflowBundle: await bundleWithPatches('without') }, history(name), name)).rejects.toThrow(DeterminismViolationError);
});

// Recorded after Changes.signedDecisions and before Changes.proposedAction: the agent's result names
// no action, and the case read rotate_credentials from its prose and waited for a person. Replayed
// with the new rule unguarded, the case would find no proposed action, tell the customer on policy
// and run the action where its history waits for an approval.
it('the proposed action shipped without patched() would break a case that waited on an action read from prose', async () => {
  const name = 'support-case-signed';
  await expect(Worker.runReplayHistory({ workflowBundle: await bundleWithPatches('without') }, history(name), name)).rejects.toThrow(DeterminismViolationError);
});
