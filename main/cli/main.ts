/** Entry point of `netd` (bin/netd.mjs runs it through tsx). */
import { CommanderError } from 'commander';
import { NetworkFileError, UnsafePathError } from '../files/index.ts';
import { AdaptError } from '../templates/index.ts';
import { processContext, type CliContext } from './context.ts';
import { truncateText } from './format/terminal.ts';
import { createProgram } from './program.ts';

/** Errors whose message is already a sentence for the user: printed as one line, exit status 2. */
function isUserError(err: unknown): err is Error {
  return (
    err instanceof AdaptError || err instanceof NetworkFileError || err instanceof UnsafePathError
  );
}

/**
 * Runs `netd` with `argv` (arguments after the program name) and returns the exit status:
 * 0 success, 1 design errors or a failed run, 2 bad arguments, unreadable input or an unexpected
 * failure on it. Never throws
 * and never prints a stack trace: every failure becomes one line on `ctx.err`.
 */
export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  if (argv.length === 0) {
    // Commander would dump the whole help on stderr; a usage error is one line.
    ctx.err(
      "netd: no command given — try 'netd templates', 'netd template ID' or 'netd inspect FILE' (see 'netd --help')\n",
    );
    return 2;
  }
  const program = createProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and --version "exit" with 0; everything else commander reports is a usage error,
      // already written as one line by outputError.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (isUserError(err)) {
      ctx.err(`netd: ${truncateText(err.message)}\n`);
      return 2;
    }
    // Design errors and failed runs set exit status 1 themselves; whatever escapes to here is
    // input the command could not handle (a stack overflow on a pathological file, say): 2.
    const message = err instanceof Error ? err.message : String(err);
    const line = message.split('\n', 1)[0] ?? '';
    ctx.err(`netd: could not process the input: ${truncateText(line, 500)}\n`);
    return 2;
  }
}
