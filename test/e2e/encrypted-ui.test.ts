import { describeWithChromium } from '../helpers/browser';
import { startTestDevServer } from '../helpers/dev-server';
import { describeEncryptedRunInUi } from '../helpers/ui-checks';

// The dev server's UI started with --ui-codec-endpoint; test/postgres runs the same check on ui-server.
describeEncryptedRunInUi(
  describeWithChromium,
  'the Temporal UI of the dev server reads an encrypted run through the codec server',
  'dev-server',
  async (codecUrl, uiPort) => {
    const { server, ...target } = await startTestDevServer('enc-ui', 600, { uiPort, uiCodecEndpoint: codecUrl });
    return { ...target, stop: () => server.stop() };
  },
);
