/** Runs `netd train …` in-process for tests: what it printed and the exit status it set. */
import { Command } from 'commander';
import { captureContext } from '../../cli/testing.ts';
import { registerTrainingCommands } from './registerTrainingCommands.ts';

/** Parses `args` as the training commands of `netd`; a commander usage error exits 2. */
export async function netdTrain(
  args: string[],
): Promise<{ out: string; err: string; code: number }> {
  const ctx = captureContext();
  const program = new Command('netd')
    .exitOverride()
    .configureOutput({ writeOut: ctx.out, writeErr: ctx.err });
  registerTrainingCommands(program, ctx);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch {
    ctx.exitCode = ctx.exitCode || 2; // commander usage error (already printed)
  }
  return { out: ctx.stdout(), err: ctx.stderr(), code: ctx.exitCode };
}
