import type { ChaosSummary } from '../../tools/chaos/run-chaos';

/** What every chaos run must show, whatever the fault. */
export function expectNothingLost(summary: ChaosSummary, started: number): void {
  expect(summary).toMatchObject({ started, completed: started, lost: 0, wrongResults: [], duplicateSideEffects: 0 });
  // The fault struck mid-run: some of the work was done before it, not all of it.
  expect(summary.requestsBeforeFault).toBeGreaterThan(0);
  expect(summary.requestsBeforeFault).toBeLessThan(summary.modelRequests);
  // Every model request the fake server saw is an attempt recorded in a history: no hidden calls.
  // An attempt can be recorded without a request when a worker dies (or loses the server) after
  // taking the task and before sending the call; at most the tasks in flight then.
  expect(summary.modelRequests).toBeLessThanOrEqual(summary.modelAttemptsInHistory);
  expect(summary.modelAttemptsInHistory - summary.modelRequests).toBeLessThanOrEqual(5);
}
