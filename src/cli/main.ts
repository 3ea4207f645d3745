import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config';
import { CommandFailure, ExitCode, UsageError } from '../clients/errors';
import { printError } from './output';
import { registerCase } from './case';
import { registerDecisions } from './decide';
import { registerKeygen } from './keygen';
import { registerList } from './list';
import { registerRoute } from './route';
import { registerTroubleshoot } from './troubleshoot';
import { KeyFileError } from '../signing/key-files';
import { startTracing } from '../telemetry/tracing';

/** The operator's CLI: one program, one command per thing an operator does. */
export function buildProgram(): Command {
  const program = new Command('switchboard')
    .description('Start and steer switchboard workflows on Temporal (npm run client -- <command> --help)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerRoute(program);
  registerTroubleshoot(program);
  registerCase(program);
  registerDecisions(program);
  registerList(program);
  registerKeygen(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 bad usage. */
export async function runClient(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  let tracing;
  try {
    tracing = await startTracing('client');
    const program = buildProgram();
    const run = () => program.parseAsync(argv, { from: 'user' });
    // One trace per command: its start, queries, updates and the runs they reach hang under this span
    // (named by a known command only: a stray argument may be a ticket's text).
    const first = argv.find((a) => !a.startsWith('-'));
    const command = program.commands.some((c) => c.name() === first) ? first : 'client';
    await (tracing ? tracing.inSpan(`switchboard ${command}`, run) : run());
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version "fail" with exit code 0 by design.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof KeyFileError) {
      printError({ json }, err);
      return ExitCode.usage;
    }
    const error = err instanceof Error ? err : new Error(String(err));
    printError({ json }, error, err instanceof CommandFailure ? err.details : {});
    return ExitCode.failure;
  } finally {
    // The command's spans leave before the process does.
    await tracing?.flush();
  }
}

if (require.main === module) {
  void runClient(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
