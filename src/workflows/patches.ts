/**
 * Changes to workflow code that runs in flight, each behind `patched(id)`: a run that began before
 * the change replays without it, a run that begins after takes it. Lifecycle of an entry:
 * 1. `if (patched(id)) { new } else { old }` ships (here, now).
 * 2. Once no run started before the change can still be open (for supportCase: the deploy's time +
 *    APPROVAL_TIMEOUT + the agent stage's timeout), switch to `deprecatePatch(id)` and keep only the new code.
 * 3. Once no run started before step 2 is open, remove the call and this entry.
 */
export const PATCHES = {
  /** supportCase tells the customer that the fix waits for a person, and until when (since pg-stack, 2026-11). */
  customerHearsOfTheWait: 'customer-hears-of-the-wait',
} as const;
