import type { ActionName } from '../../domain/actions';
import type { ToolName } from '../../domain/tools';

/**
 * Words or codes that state why something fails, each with the fix it suggests.
 * - `states`: the words name a cause ("ENOSPC", "expired", "not configured").
 * - `points`: a code or status that implies a class of cause ("exit code 137", "401", "ECONNREFUSED")
 *   but not which one; worth confirming in `confirmIn` before concluding.
 * Order matters: when several cues match one sentence, the first (the most specific) names it.
 */
export interface CauseCue {
  /** Shown in the agent's thought, so a reader sees which rule fired. */
  readonly kind: string;
  readonly pattern: RegExp;
  readonly strength: 'states' | 'points';
  readonly fix: string;
  /** The action of the registry the fix takes, named in the agent's finish. */
  readonly action: ActionName;
  readonly confirmIn?: readonly ToolName[];
}

// An HTTP status stated as one: after a word or arrow that introduces it, or before its reason phrase.
const status = (codes: string, reason: string) =>
  new RegExp(
    `(?:\\b(?:HTTP|status|code|with|returns?|returned|answered|responding|response)\\s*[:=]?\\s*|(?:->|→|=>)\\s*)(?:${codes})\\b|\\b(?:${codes})\\s+(?:${reason})`,
    'i',
  );

export const CAUSE_CUES: readonly CauseCue[] = [
  {
    kind: 'disk full',
    pattern:
      /\bENOSPC\b|\bno space left\b|\b(disk|volume|partition|filesystem|mount)s?\b[^.;,]{0,30}?(\b100 ?%(?! free)|\bfull\b(?! of))|\binodes?\b[^.;,]{0,30}?\b(exhausted|100 ?%)/i,
    strength: 'states',
    fix: 'free space on that volume (or grow it) and find what filled it, then re-run what failed',
    action: 'restart_service',
  },
  {
    kind: 'out of memory',
    pattern:
      /\bOOM ?Kill(ed)?\b|\bout of memory\b|\br[au]n out of memory\b|\bmaxmemory reached\b|\binsufficient memory\b|\bmemory limit (reached|exceeded|hit)\b/i,
    strength: 'states',
    fix: 'raise the memory limit or make the work fit in it (smaller batches, split the heaviest runs), then verify it stays under the limit',
    action: 'restart_service',
  },
  {
    kind: 'killed (exit code 137)',
    pattern: /\bexit(ed)?( with)?( code| status)? ?137\b|\bSIGKILL\b/i,
    strength: 'points',
    fix: 'exit code 137 means the process was killed, most often by the out-of-memory killer: compare its memory with its limit, then raise the limit or split the work',
    action: 'restart_service',
    confirmIn: ['metrics', 'dependency_health'],
  },
  {
    kind: 'name does not resolve',
    pattern:
      /\bNXDOMAIN\b|\bSERVFAIL\b|\bENOTFOUND\b|\bno such host\b|\bcould not resolve( host)?\b|\bname (or service )?not known\b|\bname resolution failed\b|\bunknown host\b/i,
    strength: 'states',
    fix: 'restore the DNS record (or point the resolver at a zone that has it), then verify the name resolves from the service',
    action: 'update_configuration',
  },
  {
    kind: 'certificate not trusted',
    pattern:
      /\bx509\b|\bcertificate (signed by unknown authority|verify failed|is not (yet )?valid|name mismatch)\b|\bunable to (get|verify) (local )?issuer\b|\bself[- ]signed certificate\b|\bincomplete (certificate )?chain\b/i,
    strength: 'states',
    fix: 'fix the certificate chain or the trust store (serve the full chain, or trust the new issuer), then verify the TLS handshake succeeds',
    action: 'rotate_credentials',
  },
  {
    kind: 'expired or revoked',
    pattern: /\b(has |have )?(expired|lapsed|revoked)\b|\bno longer valid\b|\binvalidated\b/i,
    strength: 'states',
    fix: 'renew or re-issue the expired or revoked certificate, key or credential and put the new one where the service reads it, then verify the calls succeed',
    action: 'rotate_credentials',
  },
  {
    kind: 'TLS handshake failure',
    pattern: /\b(tls|ssl) handshake (failed|failure|error)s?\b/i,
    strength: 'points',
    fix: "check the other side's certificate (expiry, chain, host name) and the TLS versions both ends accept",
    action: 'update_configuration',
    confirmIn: ['dependency_health', 'config_check'],
  },
  {
    kind: 'file permission',
    pattern: /\bEACCES\b|\bEPERM\b|\bpermission denied\b(?=[^.;]{0,40}(open|write|read|mkdir|\/))/i,
    strength: 'states',
    fix: 'give the user the service runs as the rights it needs on that path (owner or mode), then verify it can write',
    action: 'update_configuration',
  },
  {
    kind: 'missing setting',
    pattern: /\b(missing|absent|not set|unset|not configured|not defined|not provided|not present)\b|\bno longer (set|present|exists?)\b/i,
    strength: 'states',
    fix: 'set or restore what is missing where the service reads it, then verify the service recovers',
    action: 'update_configuration',
  },
  {
    kind: 'not in the list',
    pattern:
      /\b(does not|do not|doesn't|don't|did not|no longer) (include|contain|list|carry|know)s?\b|\bnot (among|included|listed|part of|in the (list|set|allowlist))\b/i,
    strength: 'states',
    fix: 'add what is missing from that list (refresh the cache, key set or allowlist so it holds the new entry), then verify',
    action: 'update_configuration',
  },
  {
    kind: 'rate limited (HTTP 429)',
    pattern: status('429', 'Too Many Requests'),
    strength: 'states',
    fix: 'slow the caller down (back off, spread or batch the calls) or raise the limit with the provider, then verify the calls succeed',
    action: 'update_configuration',
  },
  {
    kind: 'limit or quota reached',
    pattern:
      /\bquota\b[^.;]{0,20}\b(exceeded|exhausted|reached)\b|\bexceeded\b[^.;]{0,30}\bquota\b|\bover (the )?quota\b|\brate[- ]?limit(ed|ing)?\b|\bthrottl(ed|ing)\b|\btoo many (requests|connections|open files)\b|\bEMFILE\b|\b(limit|max_?connections) (reached|exceeded|hit)\b|\bexceed(s|ed) (the |its |their )?(\w+ ){0,2}limit\b|\bexhausted\b|\b(ran|run|running) out of\b|\bused up\b|\binsufficient\b|\bnot enough\b/i,
    strength: 'states',
    fix: 'raise the limit or quota, or cut the demand (rate, concurrency, batch size) until it fits, then verify',
    action: 'update_configuration',
  },
  {
    kind: 'removed',
    pattern: /\b(removed|deleted|dropped|renamed|deprovisioned|decommissioned|unpublished|evicted|detached|uninstalled)\b/i,
    strength: 'states',
    fix: 'restore what was removed (or update what still refers to it), then guard against removing it again',
    action: 'update_configuration',
  },
  {
    kind: 'turned off',
    pattern:
      /\b(disabled|deactivated|turned off|switched off|paused|suspended|blocked|blocklisted|blacklisted|locked out)\b|\bsuspend\b(?!\s*[:=]\s*false)|\benabled\s*[:=]\s*false\b/i,
    strength: 'states',
    fix: 'turn it back on (and find out what turned it off, so it stays on), then verify',
    action: 'update_configuration',
  },
  {
    kind: 'keys or certificates rotated',
    pattern:
      /\b(rotated|re-?keyed|re-?issued|renewed)\b[^.;]{0,40}\b(keys?|certs?|certificates?|secrets?|credentials?|tokens?|passwords?)\b|\b(keys?|certs?|certificates?|secrets?|credentials?|tokens?|passwords?)\b[^.;]{0,40}\b(rotated|re-?keyed|re-?issued|renewed)\b/i,
    strength: 'states',
    fix: 'make every client pick up the new key or certificate (refresh caches, key sets and trust stores) or roll the rotation back, then verify',
    action: 'update_configuration',
  },
  {
    kind: 'wrong or mismatched setting',
    pattern:
      /\b(mismatch(ed)?|incorrect|misconfigured|does not match|doesn't match|typo)\b|(?<!went )\bwrong\b|\btoo (short|low|small|large|few)\b|\binvalid (value|setting|config(uration)?)\b/i,
    strength: 'states',
    fix: 'correct the setting so it matches what the other side expects, then verify the service recovers',
    action: 'update_configuration',
  },
  {
    kind: 'full',
    pattern: /\b(is|are|was|were|got|became|now|100 ?%)\s+full\b(?!\s+of\b)|\b(queue|backlog|buffer|pool|inbox|mailbox|tablespace|bucket)s?\s+full\b/i,
    strength: 'states',
    fix: 'free capacity where it is ours, or wait for the backlog to drain where it is not, and tell affected customers when to expect recovery',
    action: 'notify_customer',
  },
  {
    kind: 'credentials refused (HTTP 401/403)',
    pattern: new RegExp(
      `${status('401|403', 'Unauthori[sz]ed|Forbidden|Invalid\\w*|Access\\w*|Permission\\w*').source}|\\b(unauthori[sz]ed|forbidden|access ?denied|authentication fail(ed|ures?))\\b|\\binvalid[_ ]?\\w*(token|key|credentials?|signature)\\b`,
      'i',
    ),
    strength: 'points',
    fix: 'check the credential, key or permission the call uses against what the other side expects now, then verify',
    action: 'rotate_credentials',
    confirmIn: ['config_check', 'recent_changes'],
  },
  {
    kind: 'connection refused or reset',
    pattern: /\bECONNREFUSED\b|\bECONNRESET\b|\bEHOSTUNREACH\b|\bconnection (refused|reset)\b|\bno route to host\b|\bno healthy upstream\b/i,
    strength: 'points',
    fix: 'bring back (or re-point the service to) whatever should answer at that address: nothing accepts connections there',
    action: 'restart_service',
    confirmIn: ['dependency_health', 'status_page'],
  },
  {
    kind: 'unavailable (HTTP 503)',
    pattern: new RegExp(`${status('503', 'Service Unavailable')}|\\b(service unavailable|outage|is down|went down|unreachable)\\b`, 'i'),
    strength: 'points',
    fix: 'find why the dependency is unavailable and restore it (or fail over), then verify',
    action: 'notify_customer',
    confirmIn: ['dependency_health', 'status_page'],
  },
  {
    kind: 'connection timed out',
    pattern: /\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|\bconnect(ion)? timed out\b/i,
    strength: 'points',
    fix: 'find why the other end stops answering (down, overloaded or firewalled) and fix that, then verify',
    action: 'restart_service',
    confirmIn: ['dependency_health', 'metrics'],
  },
];
