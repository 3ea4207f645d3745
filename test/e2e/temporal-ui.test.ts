import { describeWithChromium } from '../helpers/browser';
import { startTestDevServer } from '../helpers/dev-server';
import { describeHybridCaseInUi } from '../helpers/ui-checks';

// The dev server's own UI (temporal server start-dev); test/postgres runs the same checks on ui-server.
describeHybridCaseInUi(describeWithChromium, 'the Temporal UI of the dev server shows a finished hybrid case', 'dev-server', async () => {
  const { server, ...target } = await startTestDevServer('ui', 600);
  return { ...target, stop: () => server.stop() };
});
