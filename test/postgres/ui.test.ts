import { join } from 'node:path';
import { startUi } from '../../tools/dev/postgres-stack';
import { describeWithChromium } from '../helpers/browser';
import { describeOnPostgresStack, postgresStack } from '../helpers/postgres-stack';
import { tempDir } from '../helpers/temporal';
import { describeEncryptedRunInUi, describeHybridCaseInUi } from '../helpers/ui-checks';

// The browser checks of test/e2e, on ui-server 2.54.1 (deploy/temporal-ui.yaml) serving
// temporal-server on PostgreSQL, with SQL visibility behind the CaseStatus filter.
const onStackInChromium = (name: string, fn: () => void) => describeOnPostgresStack('ui-server on the PostgreSQL stack', () => describeWithChromium(name, fn));

describeHybridCaseInUi(onStackInChromium, 'the Temporal UI shows a finished hybrid case', 'postgres', async () => ({
  ...postgresStack(),
  stop: async () => {},
}));

// A UI of its own with the codec server as its codec endpoint, as compose's temporal-ui gets with TEMPORAL_CODEC_ENDPOINT.
describeEncryptedRunInUi(onStackInChromium, 'the Temporal UI reads an encrypted run through the codec server', 'postgres', async (codecEndpoint, port) => {
  const { address, namespace } = postgresStack();
  const ui = await startUi({ address, namespace, port, codecEndpoint, logFile: join(tempDir(), 'ui.log'), maxLifetimeSeconds: 600 });
  return { address, namespace, uiUrl: `http://127.0.0.1:${port}`, stop: () => ui.stop() };
});
