import { cli, useClientAndWorker } from '../helpers/cli';

const t = useClientAndWorker();

const TECHNICAL = 'Checkout API fails with error 500 since the deployment';

describe('client CLI against a real server and worker', () => {
  it('route: prints the team and the UI address; --json gives one object with workflowId and uiUrl', async () => {
    const human = await cli('route', 'I was charged twice, duplicate invoice');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/Routed to Finance Support Team/);
    expect(human.out).toMatch(/UI: http:\/\/localhost:8233\/namespaces\/default\/workflows\/ticket-/);
    const json = await cli('route', 'Please refund my order', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      team: 'Returns and Refunds Team',
      model: 'offline-rules',
      workflowId: expect.stringMatching(/^ticket-/),
      uiUrl: expect.any(String),
    });
  });

  it('route: invalid input is bad usage (exit 2) and starts nothing', async () => {
    const r = await cli('route', '   ');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid ticket: text is empty/);
  });

  it('troubleshoot: prints each step, then the result', async () => {
    const r = await cli('troubleshoot', '--scenario', 'payment-after-deploy');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/step 1: investigate recent_changes/);
    expect(r.out).toMatch(/Resolved: .*PAYMENT_API_KEY/);
  });

  it('troubleshoot: an unknown scenario or a bad --max-steps is bad usage', async () => {
    expect(await cli('troubleshoot', '--scenario', 'nope')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown scenario "nope"/) });
    expect(await cli('troubleshoot', '--scenario', 'no-clear-cause', '--max-steps', 'ten')).toMatchObject({ code: 2 });
  });

  it('case → status → list → approve by someone not on the list → approve → approve again', async () => {
    const opened = await cli('case', TECHNICAL, '--scenario', 'payment-after-deploy', '--json');
    expect(opened.code).toBe(0);
    const { workflowId, status } = JSON.parse(opened.out) as { workflowId: string; status: { stage: string } };
    expect(status.stage).toBe('awaiting_approval');

    const human = await cli('status', workflowId);
    expect(human.out).toMatch(/waiting for a person to approve update_configuration/);

    // Visibility is eventually consistent: give the search attribute a moment to be indexed.
    let listed = '';
    for (let i = 0; i < 50 && !listed.includes(workflowId); i += 1) {
      listed = (await cli('list', '--awaiting-approval')).out;
      if (!listed.includes(workflowId)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(listed).toContain(workflowId);

    const refused = await cli('approve', workflowId, '--by', 'mallory');
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/your approve was refused: mallory is not on the approvers list/) });

    const accepted = await cli('approve', workflowId, '--by', 'alice', '--comment', 'go');
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(/Your approve was accepted/);
    expect(accepted.out).toMatch(/closed: approved by alice/);

    const again = await cli('approve', workflowId, '--by', 'bob');
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/already closed \(approved by alice\)/) });
  });

  it('reject and escalate need a reason; escalate hands the case over', async () => {
    const { workflowId } = JSON.parse((await cli('case', TECHNICAL, '--scenario', 'payment-after-deploy', '--json')).out) as { workflowId: string };
    expect((await cli('reject', workflowId, '--by', 'alice')).code).toBe(2);
    // Naming a team needs a signature: carol has no key, bob has.
    expect(await cli('escalate', workflowId, '--by', 'carol', '--reason', 'payments team', '--team', 'Payments')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/no key file at .*carol\.key/),
    });
    const escalated = await cli('escalate', workflowId, '--by', 'bob', '--reason', 'payments team', '--team', 'Payments', '--json');
    expect(escalated.code).toBe(0);
    expect(JSON.parse(escalated.out).status.result).toMatchObject({ decision: 'escalated', team: 'Payments' });
  });

  it('reject: a rejected case runs no action', async () => {
    const { workflowId } = JSON.parse((await cli('case', TECHNICAL, '--scenario', 'payment-after-deploy', '--json')).out) as { workflowId: string };
    const r = await cli('reject', workflowId, '--by', 'bob', '--reason', 'not now', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).status.result).toMatchObject({ decision: 'rejected', action: null });
  });

  it('a signal or status for an unknown case is a clear failure', async () => {
    expect(await cli('approve', 'case-does-not-exist', '--by', 'alice')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no workflow with id case-does-not-exist/),
    });
    expect(await cli('status', 'case-does-not-exist')).toMatchObject({ code: 1 });
  });

  it('--help answers with exit 0; an unknown flag is exit 2', async () => {
    expect((await cli('route', '--help')).code).toBe(0);
    expect((await cli('route', 'x', '--colour')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('names the address and the way out when the server does not answer', async () => {
    process.env.TEMPORAL_ADDRESS = '127.0.0.1:1';
    try {
      const r = await cli('route', 'hello there');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Temporal at 127\.0\.0\.1:1 does not answer .*run `npm start` or set TEMPORAL_ADDRESS/);
    } finally {
      process.env.TEMPORAL_ADDRESS = t.env.address;
    }
  });
});
