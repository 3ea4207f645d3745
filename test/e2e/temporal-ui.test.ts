import { join } from 'node:path';
import { startDevServer } from '../../tools/dev/dev-server';
import { freePort } from '../../tools/dev/ports';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { describeWithChromium } from '../helpers/browser';
import { tempDir } from '../helpers/temporal';
import { describeHybridCaseInUi } from '../helpers/ui-checks';

// The dev server's own UI (temporal server start-dev); test/postgres runs the same checks on ui-server.
describeHybridCaseInUi(describeWithChromium, 'the Temporal UI of the dev server shows a finished hybrid case', 'dev-server', async () => {
  const [port, uiPort] = [await freePort(), await freePort()];
  const server = await startDevServer({
    cli: resolveTemporalCli(),
    address: `127.0.0.1:${port}`,
    namespace: 'default',
    uiPort,
    dbFile: join(tempDir(), 'ui-test.sqlite'),
    logFile: join(tempDir(), 'ui-test-server.log'),
    maxLifetimeSeconds: 600,
  });
  return { address: `127.0.0.1:${port}`, namespace: 'default', uiUrl: `http://127.0.0.1:${uiPort}`, stop: () => server.stop() };
});
