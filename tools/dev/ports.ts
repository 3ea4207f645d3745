import { createServer } from 'node:net';

/** Binds `port` on loopback (0: the OS picks one) and gives back the port it got; rejects when it is taken. */
function bind(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

/** A port free on loopback right now (the OS picks it). */
export function freePort(): Promise<number> {
  return bind(0);
}

/**
 * n distinct ports free on loopback right now. With `below`, all under that number (the OS's own
 * picks are 32768 and up; temporal-server stores membership ports in a PostgreSQL smallint).
 */
export async function freePorts(n: number, below?: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) {
    const candidate = below ? 20_000 + Math.floor(Math.random() * (below - 20_000)) : 0;
    const port = await bind(candidate).catch(() => undefined);
    if (port !== undefined) ports.add(port);
  }
  return [...ports];
}
