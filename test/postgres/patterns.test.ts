import { cli, useClientAndWorker } from '../helpers/cli';
import { describeOnPostgresStack, postgresStack } from '../helpers/postgres-stack';

// The three patterns through the operator's client, on temporal-server with PostgreSQL and SQL
// visibility: what docker compose deploys, not the dev server.
const TECHNICAL = 'Checkout API fails with error 500 since the deployment';

describeOnPostgresStack('the client on temporal-server with PostgreSQL', () => {
  const t = useClientAndWorker(() => postgresStack());
  beforeAll(() => {
    process.env.TEMPORAL_UI_URL = postgresStack().uiUrl;
  });

  const openCase = async (...extra: string[]) => {
    const opened = await cli('case', TECHNICAL, '--scenario', 'payment-after-deploy', '--json', ...extra);
    expect(opened).toMatchObject({ code: 0 });
    return JSON.parse(opened.out) as { workflowId: string; status: { stage: string } };
  };

  /** The runs SQL visibility returns for a query, waiting for indexing (eventually consistent). */
  const visible = async (query: string, expected: number) => {
    let ids: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      ids = [];
      for await (const wf of t.env.client.workflow.list({ query })) ids.push(wf.workflowId);
      if (ids.length >= expected) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return ids;
  };

  it("Pattern A: route prints the team and a link to this stack's UI", async () => {
    const r = await cli('route', 'I was charged twice, duplicate invoice');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/Routed to Finance Support Team/);
    expect(r.out).toContain(`UI: ${postgresStack().uiUrl}/namespaces/default/workflows/ticket-`);
  });

  it('Pattern B: troubleshoot prints each step and resolves', async () => {
    const r = await cli('troubleshoot', '--scenario', 'payment-after-deploy');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/step 1: investigate recent_changes/);
    expect(r.out).toMatch(/Resolved: .*PAYMENT_API_KEY/);
  });

  it('Pattern C: a case waits, is listed and found by CaseStatus through SQL visibility, and is approved', async () => {
    const { workflowId, status } = await openCase();
    expect(status.stage).toBe('awaiting_approval');
    expect(await visible(`CaseStatus = "AwaitingApproval" AND WorkflowId = "${workflowId}"`, 1)).toEqual([workflowId]);
    let listed = '';
    for (let i = 0; i < 50 && !listed.includes(workflowId); i += 1) {
      listed = (await cli('list', '--awaiting-approval')).out;
      if (!listed.includes(workflowId)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(listed).toContain(workflowId);

    const approved = await cli('approve', workflowId, '--by', 'alice', '--comment', 'key restored');
    expect(approved).toMatchObject({ code: 0 });
    expect(approved.out).toMatch(/closed: approved by alice/);
    expect(await visible(`CaseStatus = "Resolved" AND WorkflowId = "${workflowId}"`, 1)).toEqual([workflowId]);
    const { count } = await t.env.client.workflow.count(`CaseStatus = "AwaitingApproval" AND WorkflowId = "${workflowId}"`);
    expect(count).toBe(0);
  });

  it('Pattern C: reject runs no action; escalate hands the case to a team', async () => {
    const rejected = await cli('reject', (await openCase()).workflowId, '--by', 'bob', '--reason', 'not now', '--json');
    expect(rejected).toMatchObject({ code: 0 });
    expect(JSON.parse(rejected.out).status.result).toMatchObject({ decision: 'rejected', action: null });

    const escalated = await cli('escalate', (await openCase()).workflowId, '--by', 'alice', '--reason', 'payments team', '--team', 'Payments', '--json');
    expect(escalated).toMatchObject({ code: 0 });
    expect(JSON.parse(escalated.out).status.result).toMatchObject({ decision: 'escalated', team: 'Payments' });
  });

  it('Pattern C: with no decision before the deadline the case expires to on-call', async () => {
    process.env.APPROVAL_TIMEOUT = '2s';
    try {
      const { workflowId } = await openCase();
      const result = await t.env.client.workflow.getHandle(workflowId).result();
      expect(result).toMatchObject({ decision: 'expired', decidedBy: 'timer', team: 'On-call Engineering', action: null });
      expect(await visible(`CaseStatus = "Expired" AND WorkflowId = "${workflowId}"`, 1)).toEqual([workflowId]);
    } finally {
      delete process.env.APPROVAL_TIMEOUT;
    }
  });
});
