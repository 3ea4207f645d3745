import { join } from 'node:path';
import { startDevServer } from '../../tools/dev/dev-server';
import { freePort } from '../../tools/dev/ports';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { describeWithChromium } from '../helpers/browser';
import { tempDir } from '../helpers/temporal';
import { describeEncryptedRunInUi } from '../helpers/ui-checks';

// The dev server's UI started with --ui-codec-endpoint; test/postgres runs the same check on ui-server.
describeEncryptedRunInUi(describeWithChromium, 'the Temporal UI of the dev server reads an encrypted run through the codec server', 'dev-server', async (codecUrl, uiPort) => {
  const port = await freePort();
  const server = await startDevServer({
    cli: resolveTemporalCli(),
    address: `127.0.0.1:${port}`,
    namespace: 'default',
    uiPort,
    uiCodecEndpoint: codecUrl,
    dbFile: join(tempDir(), 'enc-ui.sqlite'),
    logFile: join(tempDir(), 'enc-ui-server.log'),
    maxLifetimeSeconds: 600,
  });
  return { address: `127.0.0.1:${port}`, namespace: 'default', uiUrl: `http://127.0.0.1:${uiPort}`, stop: () => server.stop() };
});
