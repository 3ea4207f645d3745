/**
 * Changes to workflow code that alter the commands a running workflow sends, each guarded by
 * `patched(id)` so that runs started before it replay as they ran (test/replay keeps histories of
 * both sides). Once no run from before a change is left, its patch is retired with deprecatePatch.
 */
export const Changes = {
  /**
   * 2026-11: the routed ticket is delivered by a local activity in the task that ends the run, with
   * its search attributes: one workflow task and one server round trip fewer, and the upserts ride
   * with the close instead of costing a visibility write of their own.
   */
  deliverLocally: 'deliver-as-local-activity',
  /** 2026-11: the agent's simulated tools run as local activities: one workflow task a step instead of two. */
  toolsLocally: 'tools-as-local-activities',
  /**
   * 2026-11: supportCase tells the customer that a fix waits for a person, and until when. Cases wait
   * for hours: retire it (deprecatePatch) only once the deploy is older than APPROVAL_TIMEOUT plus
   * the agent stage's timeout, so no case from before it is open.
   */
  customerHearsOfTheWait: 'customer-hears-of-the-wait',
  /**
   * 2026-12: approve, reject and an escalation to a named team count only when signed by a key the
   * case pinned (src/domain/signatures.ts). Cases started before it keep the old rule, a name on the
   * approvers list, until they close: retire it on the same terms as customerHearsOfTheWait.
   */
  signedDecisions: 'signed-decisions',
  /**
   * 2026-12: the agent's finish names its action and target (AgentDecision.proposedAction), code
   * checks them in troubleshoot, and supportCase takes that action instead of reading one from the
   * recommendation's prose (support-case/action-from-prose.ts, kept only for runs from before).
   * Retire it on the same terms as customerHearsOfTheWait, then delete action-from-prose.ts.
   */
  proposedAction: 'proposed-action',
} as const;
