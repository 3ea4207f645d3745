import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const VALIDATOR = join(ROOT, 'tools', 'compose-validate');

export interface ComposeService {
  image?: string;
  entrypoint?: string[] | null;
  command?: string[] | null;
  environment?: Record<string, string | null>;
  volumes?: Array<{ type: string; source: string; target: string; read_only?: boolean }>;
  depends_on?: Record<string, { condition: string }>;
  profiles?: string[];
}

export interface ComposeProject {
  services: Record<string, ComposeService>;
}

/**
 * The compose file as Docker Compose would run it, loaded by compose-go (tools/compose-validate
 * --json): defaults interpolated, bind mounts as absolute host paths. Throws compose-go's error.
 */
export function loadCompose(file = COMPOSE_FILE, env: NodeJS.ProcessEnv = {}): ComposeProject {
  // `go run` builds the validator once (the Go build cache keeps it) from pinned modules.
  const out = execFileSync('go', ['run', '.', '--json', file], {
    cwd: VALIDATOR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...withoutInterpolated(process.env, readFileSync(file, 'utf8')), ...env },
  });
  return JSON.parse(out) as ComposeProject;
}

/** The environment less every variable the compose file reads: the developer's own settings must not change the answer. */
function withoutInterpolated(env: NodeJS.ProcessEnv, compose: string): NodeJS.ProcessEnv {
  const read = new Set([...compose.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!));
  return Object.fromEntries(Object.entries(env).filter(([k]) => !read.has(k) && k !== 'COMPOSE_PROFILES'));
}

/** The host file behind a path inside a service's container, through its bind mounts; undefined when none holds it. */
export function hostPath(service: ComposeService, containerPath: string): string | undefined {
  for (const v of service.volumes ?? []) {
    if (v.type !== 'bind') continue;
    if (containerPath === v.target) return v.source;
    if (containerPath.startsWith(`${v.target}/`)) return join(v.source, relative(v.target, containerPath));
  }
  return undefined;
}

/** The versions scripts/temporal-server.sh builds, which the tests run. */
export function pinnedVersions(): { server: string; ui: string } {
  const script = readFileSync(join(ROOT, 'scripts', 'temporal-server.sh'), 'utf8');
  const pin = (name: string) => {
    const m = new RegExp(`^${name}=(\\S+)$`, 'm').exec(script);
    if (!m) throw new Error(`scripts/temporal-server.sh has no ${name}=`);
    return m[1]!;
  };
  return { server: pin('SERVER_VERSION'), ui: pin('UI_VERSION') };
}
