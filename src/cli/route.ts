import type { Command } from 'commander';
import { withClient } from '../clients/context';
import { routeOne } from '../clients/route-ticket';
import { printResult, table, type OutputOptions } from './output';
import { parseTicketArgs, withTicketArgs, type TicketOptions } from './ticket-args';

type RouteOptions = OutputOptions & TicketOptions;

export function registerRoute(program: Command): void {
  withTicketArgs(program.command('route').description('Pattern A: classify a support ticket with the model and route it to a team (code decides)'))
    .option('--json', 'print one JSON object: the result with workflowId and uiUrl')
    .action(async (text: string, opts: RouteOptions) => {
      const ticket = parseTicketArgs(text, opts);
      await withClient(async (ctx) => {
        const { result, workflowId, uiUrl } = await routeOne(ctx, ticket);
        printResult(opts, { workflowId, uiUrl, ...result }, () => [
          `Routed to ${result.team}${result.needsReview ? '  (needs review)' : ''}`,
          ...table([
            ['category', result.category],
            ['priority', result.priority],
            ['confidence', result.confidence.toFixed(2)],
            ['reason', result.reason],
            ['model', result.model],
            ['attempts', String(result.attempts)],
            ['tokens', String(result.usage.totalTokens)],
            ...(result.classificationFailure
              ? [['failure', `${result.classificationFailure.type}: ${result.classificationFailure.message}`] as [string, string]]
              : []),
          ]),
          `UI: ${uiUrl}`,
        ]);
      });
    });
}
