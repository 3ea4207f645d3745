import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ManagedProcess } from './managed-process';

/** A step of bringing a stack up failed; the message names the step, shows the end of its output and where the rest is. */
export class StepFailed extends Error {
  override name = 'StepFailed';
}

/** The last lines of a log file, for an error message. */
export function logTail(file: string, lines = 15): string {
  if (!existsSync(file)) return '(no output)';
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((l) => `    ${l.slice(0, 400)}`)
    .join('\n');
}

export interface StepOptions {
  env?: NodeJS.ProcessEnv;
  /** Everything the command prints is appended here. */
  logFile: string;
  /** Also shows each line as it comes (for slow steps such as building the server). */
  echo?: (line: string) => void;
  /** Processes the step needs: if one exits meanwhile, the step is stopped and fails with that process's log. */
  needs?: ManagedProcess[];
}

/** Runs a one-shot command to completion; throws StepFailed naming `what` when it exits non-zero. */
export function runStep(what: string, command: string, args: string[], o: StepOptions): Promise<void> {
  mkdirSync(dirname(o.logFile), { recursive: true });
  appendFileSync(o.logFile, `\n=== ${what}: ${command} ${args.join(' ')} (${new Date().toISOString()})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: o.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (chunk: Buffer) => {
      appendFileSync(o.logFile, chunk);
      if (o.echo) for (const line of chunk.toString().split('\n')) if (line.trim()) o.echo(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    };
    child.once('error', (err) => settle(new StepFailed(`${what}: could not run ${command}: ${err.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) return settle();
      settle(new StepFailed(`${what} failed (${signal ?? `exit ${code}`}); the end of its output (all of it in ${o.logFile}):\n${logTail(o.logFile)}`));
    });
    for (const needed of o.needs ?? []) {
      void needed.exited.then(() => {
        if (settled) return;
        child.kill();
        settle(new StepFailed(`${needed.name} exited during ${what}; the end of its log (${needed.logFile}):\n${logTail(needed.logFile)}`));
      });
    }
  });
}

/** Polls `ready` until it answers true; throws StepFailed if the process exits first or the time runs out. */
export async function waitFor(child: ManagedProcess, what: string, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (child.hasExited())
      throw new StepFailed(`${child.name} exited before ${what} answered; the end of its log (${child.logFile}):\n${logTail(child.logFile)}`);
    if (Date.now() > until) {
      await child.stop();
      throw new StepFailed(`${what} did not answer within ${timeoutMs / 1000} s; the end of its log (${child.logFile}):\n${logTail(child.logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
