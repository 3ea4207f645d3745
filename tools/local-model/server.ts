import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../dev/ports';
import { startManagedProcess } from '../dev/managed-process';

const REPO = join(__dirname, '..', '..');
/** The name the server answers to (and reports in every result) instead of the GGUF's path. */
export const LOCAL_MODEL = 'smollm2-135m-instruct';

export interface LocalModelFiles {
  python: string;
  gguf: string;
}

/** Where scripts/local-model.sh installed llama-cpp-python's server and SmolLM2, or what is missing (installs nothing). */
export function findLocalModel(): LocalModelFiles | { missing: string } {
  const check = spawnSync('bash', [join(REPO, 'scripts', 'local-model.sh'), '--check'], { encoding: 'utf8' });
  const [python, gguf] = check.stdout.trim().split('\n');
  if (check.status !== 0 || !python || !gguf) return { missing: check.stderr.trim() || `scripts/local-model.sh --check exited ${check.status}` };
  return { python, gguf };
}

export interface LocalModelServer {
  /** What OPENAI_BASE_URL should be. */
  readonly baseURL: string;
  readonly model: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

/**
 * llama-cpp-python's OpenAI-compatible server on loopback with the model, ready to answer (its
 * /v1/models answers). It speaks Chat Completions only, structured outputs as json_object + schema.
 */
export async function startLocalModelServer(o: LocalModelFiles & { logFile: string; port?: number; maxLifetimeSeconds?: number }): Promise<LocalModelServer> {
  const port = o.port ?? (await freePort());
  const server = startManagedProcess({
    name: 'llama_cpp.server',
    command: o.python,
    // n_ctx 8192: SmolLM2's trained context; the agent's transcript outgrows the server's default 2048.
    args: ['-m', 'llama_cpp.server', '--model', o.gguf, '--model_alias', LOCAL_MODEL, '--host', '127.0.0.1', '--port', String(port), '--n_ctx', '8192'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    logFile: o.logFile,
    stopGraceMs: 5_000,
    maxLifetimeSeconds: o.maxLifetimeSeconds,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.hasExited()) throw new Error(`llama_cpp.server exited before it answered; its log (${o.logFile}) ends:\n${tail(o.logFile)}`);
    const up = await fetch(`${url}/v1/models`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`llama_cpp.server did not answer on ${url} within 120 s; its log (${o.logFile}) ends:\n${tail(o.logFile)}`);
    }
    await sleep(250);
  }
  return { baseURL: `${url}/v1`, model: LOCAL_MODEL, logFile: o.logFile, stop: () => server.stop() };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}
