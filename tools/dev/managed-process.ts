import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ManagedProcessOptions {
  /** What the messages call it, e.g. "temporal-server". */
  name: string;
  command: string;
  args: string[];
  /** The whole environment of the process (nothing is inherited but what is passed here). */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** stdout and stderr are appended here. */
  logFile: string;
  /** How to ask it to stop: SIGTERM unless said (PostgreSQL's fast shutdown is SIGINT). */
  stopSignal?: NodeJS.Signals;
  /** After stopSignal, how long before SIGKILL. */
  stopGraceMs?: number;
  /** Tests set this: it ends itself (stopSignal) after this long even if its parent dies first. */
  maxLifetimeSeconds?: number;
}

export interface ManagedProcess {
  readonly name: string;
  readonly process: ChildProcess;
  readonly logFile: string;
  /** Resolves when it has exited, with its exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  hasExited(): boolean;
  /** stopSignal, then SIGKILL to its process group after the grace period. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL to its process group at once (a crash, for chaos runs); resolves once it is gone. */
  kill(): Promise<void>;
}

/** Every managed process still running, in the order they started. */
const running: ManagedProcess[] = [];

/** Stops every managed process still running, the last started first (for Ctrl-C before the parts are wired up). */
export async function stopEveryManagedProcess(): Promise<void> {
  for (const p of [...running].reverse()) await p.stop();
}

/**
 * Starts a long-running program in its own process group, output to a log file. Its own group:
 * Ctrl-C in the terminal reaches only the parent, which stops its children in order (worker
 * first, the database last).
 */
export function startManagedProcess(o: ManagedProcessOptions): ManagedProcess {
  mkdirSync(dirname(o.logFile), { recursive: true });
  const log = openSync(o.logFile, 'a');
  const stopSignal = o.stopSignal ?? 'SIGTERM';
  // timeout(1) passes the signals it gets on to the program, and sends stopSignal itself when time is up.
  const [command, args] = o.maxLifetimeSeconds
    ? ['timeout', ['-s', stopSignal.replace(/^SIG/, ''), '-k', '10', String(o.maxLifetimeSeconds), o.command, ...o.args]]
    : [o.command, o.args];
  const child = spawn(command, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      done = true;
      resolve(code);
    });
    child.once('error', () => {
      done = true;
      resolve(null);
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is gone already
    }
  };
  const managed: ManagedProcess = {
    name: o.name,
    process: child,
    logFile: o.logFile,
    exited,
    hasExited: () => done,
    async stop() {
      if (done) return;
      child.kill(stopSignal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), o.stopGraceMs ?? 15_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (done) return;
      signalGroup('SIGKILL');
      await exited;
    },
  };
  running.push(managed);
  void exited.then(() => running.splice(running.indexOf(managed), 1));
  return managed;
}
