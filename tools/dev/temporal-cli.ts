import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'temporal-cli.sh');

/**
 * The path of a `temporal` CLI, installing a pinned project-local copy when none is found
 * (see scripts/temporal-cli.sh). Throws with the script's explanation when nothing works.
 */
export function resolveTemporalCli(): string {
  try {
    return execFileSync('bash', [SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    throw new Error('no Temporal CLI is available (see the lines above); set TEMPORAL_CLI_PATH to one');
  }
}
