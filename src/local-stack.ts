import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Temporal server that `npm start` or `npm run start:postgres` runs on this machine, as they
 * advertise it while they run, so that a client in another terminal links to that server's UI
 * (8233 for the dev server, 8080 for the PostgreSQL stack) and says where the runs are kept.
 * Absent wherever no launcher runs (the production image, a remote cluster).
 */
export interface LocalStack {
  /** The frontend, host:port. */
  address: string;
  uiUrl: string;
  /** Where the runs are kept, in words: ".data/temporal.sqlite", "PostgreSQL in .data/postgres". */
  storage: string;
  pid: number;
}

export const LOCAL_STACK_FILE = join(__dirname, '..', '.data', 'local-stack.json');

const host = (address: string) => address.replace(/^(localhost|127\.0\.0\.1|\[::1\]):/, 'loopback:');

/** The stack a launcher runs at `address` on this machine, if one is running now. */
export function localStackAt(address: string, file = LOCAL_STACK_FILE): LocalStack | undefined {
  if (!existsSync(file)) return undefined;
  let stack: LocalStack;
  try {
    stack = JSON.parse(readFileSync(file, 'utf8')) as LocalStack;
    process.kill(stack.pid, 0); // throws when the launcher is gone
  } catch {
    return undefined;
  }
  return host(stack.address) === host(address) ? stack : undefined;
}
