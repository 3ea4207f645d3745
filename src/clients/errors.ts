/** Exit codes the client promises: scripts decide by these. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

/** Bad usage: a flag, an argument or an input the user can fix. Exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Something went wrong that is not the user's typing: a failed run, an unknown id. Exits 1. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
  constructor(
    message: string,
    /** Extra fields for --json output. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
