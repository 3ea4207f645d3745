import { TOOL_NAMES } from '../../src/domain/tools';
import { CAUSE_CUES } from '../../src/model/offline-agent/cause-cues';
import { sentencesOf, statedCauses } from '../../src/model/offline-agent/stated-causes';

const kindIn = (text: string) => statedCauses(text)[0]?.cue.kind;

describe('statedCauses', () => {
  it.each([
    ['No space left on device (ENOSPC)', 'disk full'],
    ["write '/data/seg-1': [28] ENOSPC", 'disk full'],
    ['WAL volume /pg/wal 100% full', 'disk full'],
    ['pod api-7f OOMKilled twice', 'out of memory'],
    ['worker exited with code 137', 'killed (exit code 137)'],
    ['lookup db.internal on 10.0.0.2:53: NXDOMAIN', 'name does not resolve'],
    ['getaddrinfo ENOTFOUND api.example', 'name does not resolve'],
    ['x509: certificate has expired or is not yet valid', 'certificate not trusted'],
    ['The signing certificate expired at 10:02.', 'expired or revoked'],
    ['The API key was revoked yesterday.', 'expired or revoked'],
    ['open /var/lib/app/state: EACCES', 'file permission'],
    ['STRIPE_SECRET is not configured in prod', 'missing setting'],
    ["cached keys do not include kid 'k-2026-11'", 'not in the list'],
    ['the key set no longer includes k-2', 'not in the list'],
    ['Daily quota exceeded for project acme-data', 'limit or quota reached'],
    ['the connection pool is exhausted (50/50)', 'limit or quota reached'],
    ['the job ran out of file handles', 'limit or quota reached'],
    ['POST /v1/send returned 429 Too Many Requests', 'rate limited (HTTP 429)'],
    ['the consumer group was dropped by the broker', 'removed'],
    ['the webhook was disabled by an admin', 'turned off'],
    ['feature flag new_checkout: enabled=false', 'turned off'],
    ['cronjob/reports: spec.suspend: true', 'turned off'],
    ['the token signing keys were rotated at 14:02', 'keys or certificates rotated'],
    ['bucket region mismatch: client eu-west-1, bucket us-east-1', 'wrong or mismatched setting'],
    ['the outbound queue is full', 'full'],
    ['gateway answered with 401 for every call', 'credentials refused (HTTP 401/403)'],
    ['apns: 403 InvalidProviderToken', 'credentials refused (HTTP 401/403)'],
    ['connect ECONNREFUSED 10.0.0.5:6379', 'connection refused or reset'],
    ['upstream -> 503 Service Unavailable', 'unavailable (HTTP 503)'],
    ['connect ETIMEDOUT 10.2.3.4:5432', 'connection timed out'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(kindIn(text)).toBe(kind);
  });

  it.each([
    'Nothing is missing.',
    'No keys are missing.',
    'Nothing was removed or disabled.',
    'none of the certificates has expired',
    "the API key wasn't revoked",
    'no errors, no throttling, no quota warnings',
    'OOMKilled: 0',
    '0 OOMKilled pods this week',
    'The slow query log is full of scans.',
    'if the disk were full we would see ENOSPC',
    'check whether the certificate expired',
    'Is the disk full?',
    'Something went wrong, please try again',
    'cronjob/reports: spec.suspend: false',
    'the certificate expires in 30 days',
    'logs were rotated at 00:00 as usual',
    'edge 504 on 0.31% of requests (baseline 0.29%)',
    'All systems operational.',
    'no data',
  ])('does not read "%s" as a stated cause', (text) => {
    expect(statedCauses(text)).toEqual([]);
  });

  it('lets a denial reach the end of its clause and no further', () => {
    expect(kindIn('No deploys this week, but the disk is full')).toBe('disk full');
    expect(kindIn('Nothing changed on our side; the vendor certificate expired at 09:58')).toBe('expired or revoked');
    expect(kindIn('no keys are missing and the queue is full')).toBe('full');
  });

  it('returns every sentence that states a cause, each with where its words are', () => {
    const found = statedCauses('Deploy 3 days ago removed /v1/legacy. Latency is normal. Signing key k-7 was revoked at 14:02.');
    expect(found.map((f) => [f.sentence, f.cue.kind])).toEqual([
      ['Deploy 3 days ago removed /v1/legacy.', 'removed'],
      ['Signing key k-7 was revoked at 14:02.', 'expired or revoked'],
    ]);
    expect(found[1]?.sentence.slice(found[1].at)).toMatch(/^revoked/);
  });

  it('keeps version numbers, addresses and host names inside their sentence', () => {
    expect(sentencesOf('dbt upgraded to 1.8, api.example.com moved. 09:38 zone moved to 10.0.0.2.')).toEqual([
      'dbt upgraded to 1.8, api.example.com moved.',
      '09:38 zone moved to 10.0.0.2.',
    ]);
  });
});

describe('CAUSE_CUES', () => {
  it('give every cue a kind and a fix, and a pointing cue somewhere to confirm it', () => {
    expect(new Set(CAUSE_CUES.map((c) => c.kind)).size).toBe(CAUSE_CUES.length);
    for (const cue of CAUSE_CUES) {
      expect(cue.fix.length).toBeGreaterThan(20);
      if (cue.strength === 'points') expect(cue.confirmIn?.length).toBeGreaterThan(0);
      for (const tool of cue.confirmIn ?? []) expect(TOOL_NAMES).toContain(tool);
    }
  });
});
