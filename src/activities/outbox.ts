import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The simulated outside world's inboxes: team queues, executed actions, customer notifications. */
export type OutboxChannel = 'deliveries' | 'actions' | 'notifications';

export interface OutboxReceipt {
  id: string;
  /** True when this key was already there (a retry): nothing new was written. */
  alreadyDone: boolean;
}

export interface OutboxEntry {
  key: string;
  at: string;
  [field: string]: unknown;
}

/** Side effects that must happen once: every entry has a key, and a key is written at most once. */
export interface Outbox {
  put(channel: OutboxChannel, key: string, record: Record<string, unknown>): Promise<OutboxReceipt>;
  /** Everything in a channel, oldest first. */
  list(channel: OutboxChannel): Promise<OutboxEntry[]>;
}

/**
 * An outbox kept as one file per key. Exclusive create ("wx") makes the key the idempotency guard
 * across retries, worker restarts and several worker processes on one machine.
 */
export class FileOutbox implements Outbox {
  constructor(private readonly dir: string) {}

  async put(channel: OutboxChannel, key: string, record: Record<string, unknown>): Promise<OutboxReceipt> {
    const dir = join(this.dir, channel);
    const file = join(dir, `${encodeURIComponent(key)}.json`);
    const text = JSON.stringify({ ...record, key, at: new Date().toISOString() } satisfies OutboxEntry);
    const create = () => writeFile(file, text, { flag: 'wx' });
    try {
      // The folder is made on the first write that misses it, not checked before every one.
      await create().catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
        await mkdir(dir, { recursive: true });
        await create();
      });
      return { id: key, alreadyDone: false };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { id: key, alreadyDone: true };
      throw err;
    }
  }

  async list(channel: OutboxChannel): Promise<OutboxEntry[]> {
    const dir = join(this.dir, channel);
    const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    const entries = await Promise.all(
      names.filter((n) => n.endsWith('.json')).map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as OutboxEntry),
    );
    return entries.sort((a, b) => a.at.localeCompare(b.at));
  }
}
