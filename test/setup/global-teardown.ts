import type { DevServer } from '../../tools/dev/dev-server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __temporalTestServer?: DevServer }).__temporalTestServer?.stop();
}
