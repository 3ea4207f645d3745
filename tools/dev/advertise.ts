import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LOCAL_STACK_FILE, type LocalStack } from '../../src/local-stack';

/** Tells clients on this machine which UI serves the server this process runs, until it exits (see src/local-stack.ts). */
export function advertiseLocalStack(stack: Omit<LocalStack, 'pid'>, file = LOCAL_STACK_FILE): () => void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...stack, pid: process.pid }, null, 2));
  const withdraw = () => rmSync(file, { force: true });
  process.once('exit', withdraw);
  return withdraw;
}
