import { sharedTerms, termsOf } from '../../src/model/offline-agent/relevance';
import { weighCauses, type Observed } from '../../src/model/offline-agent/weigh-causes';

const oldDeploy: Observed = { tool: 'recent_changes', observation: 'Deploy of orders-api 7.2, 3 days ago: removed the legacy /v1/orders route.' };
const rotatedKey: Observed = { tool: 'config_check', observation: 'orders-api signing key k-7 was revoked at 14:02 and replaced by k-8.' };
const goal = 'orders-api answers 401 to every mobile call since 14:05 today';

describe('weighCauses', () => {
  it('prefers the cause that fits the timing over an older change, whichever was seen first', () => {
    for (const observed of [
      [oldDeploy, rotatedKey],
      [rotatedKey, oldDeploy],
    ]) {
      const [best, other] = weighCauses(goal, observed);
      expect(best).toMatchObject({ tool: 'config_check', timing: 'fits', sound: true });
      expect(other).toMatchObject({ tool: 'recent_changes', timing: 'long-before', sound: false });
    }
  });

  it('does not conclude on a change that nothing ties to the symptom', () => {
    const [flag] = weighCauses('iOS push notifications stopped arriving', [
      { tool: 'recent_changes', observation: 'The unused beta-banner feature flag was removed.' },
    ]);
    expect(flag).toMatchObject({ relevant: false, sound: false });
  });

  it("takes what the affected service's own logs state as about the symptom", () => {
    const [enospc] = weighCauses('nightly job broken', [{ tool: 'logs', observation: 'write /srv/x: ENOSPC' }]);
    expect(enospc).toMatchObject({ relevant: true, sound: true });
  });

  it('needs more than a pointing code to conclude, and ranks a stated cause above it', () => {
    const pointed = weighCauses(goal, [{ tool: 'logs', observation: 'gateway answered with 401 for every call' }]);
    expect(pointed[0]).toMatchObject({ sound: false, relevant: true });
    const both = weighCauses(goal, [{ tool: 'logs', observation: 'gateway answered with 401 for every call' }, rotatedKey]);
    expect(both.map((c) => c.cue.kind)).toEqual(['expired or revoked', 'credentials refused (HTTP 401/403)']);
  });

  it('finds nothing where nothing is stated', () => {
    expect(weighCauses(goal, [{ tool: 'logs', observation: 'All requests answered normally; no errors.' }])).toEqual([]);
  });
});

describe('relevance', () => {
  it('splits identifiers, folds plurals and ignores words every incident note shares', () => {
    expect([...termsOf('etl-loader@acme-data failed: notifications errors since today')]).toEqual(['etl', 'loader', 'acme', 'notification']);
    expect(sharedTerms('WAL volume on pg-primary is full', ['connect ETIMEDOUT (postgres pg-primary)'])).toBe(1);
    expect(sharedTerms('the disk is full', ['errors since today'])).toBe(0);
  });
});
