import type { WorkflowHandle } from '@temporalio/client';
import type { supportCase } from '../workflows';
import { supportCaseStatusQuery, type SupportCaseStatus } from '../workflows/support-case/contract';

/**
 * Follows a case until a person is needed (stage awaiting_approval) or it has closed, and returns
 * its status then; a run that failed ends the wait with its failure. The one place anything waits
 * for a case to reach a person: the client, the demo, eval, chaos and the tests all use it.
 */
export async function untilCaseWaits(handle: WorkflowHandle<typeof supportCase>, pollMs = 200): Promise<SupportCaseStatus> {
  for (;;) {
    const status = await handle.query(supportCaseStatusQuery).catch(() => undefined);
    if (status?.stage === 'awaiting_approval' || status?.stage === 'closed') return status;
    if (!status && (await handle.describe()).status.name !== 'RUNNING') {
      await handle.result(); // throws the run's failure
      return handle.query(supportCaseStatusQuery);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
