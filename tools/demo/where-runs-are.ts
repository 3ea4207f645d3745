import { localStackAt } from '../../src/local-stack';

/** Where the runs are kept and which UI shows them: the dev server started here, a launcher's server, or someone else's. */
export function whereTheRunsAre(address: string, namespace: string, startedUi: string | undefined, local = localStackAt(address)): string {
  if (startedUi) return `The runs are saved in .data/temporal.sqlite. Browse them: npm start, then ${startedUi}`;
  if (local) return `The runs are on the server at ${address}, kept in ${local.storage}. Browse them: ${local.uiUrl}`;
  const ui = process.env.TEMPORAL_UI_URL ? `: ${process.env.TEMPORAL_UI_URL}` : ' (set TEMPORAL_UI_URL for links to it)';
  return `The runs are on the Temporal server at ${address} (namespace ${namespace}), kept where that server keeps them. Browse them in its Web UI${ui}`;
}
