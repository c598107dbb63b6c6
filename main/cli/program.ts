/** The commander program behind `netd`, wired to a CliContext instead of the process streams. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerExportCommand } from '../export/registerExportCommand.ts';
import { registerImportCommand } from '../interchange/registerImportCommand.ts';
import { registerTrainingCommands } from '../training/cli/registerTrainingCommands.ts';
import { registerCompareCommand } from './commands/compare.ts';
import { registerInspectCommand } from './commands/inspect.ts';
import { registerTemplateCommand } from './commands/template.ts';
import { registerTemplatesCommand } from './commands/templates.ts';
import type { CliContext } from './context.ts';

function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    const version = (pkg as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Collapses commander's multi-line errors ("… \n(Did you mean …?)") into one line, and shortens
 * "option '--input <HxWxC>' argument '0x0' is invalid. expected …" to "--input '0x0': expected …".
 */
function oneLine(text: string): string {
  return text
    .replace(/^error:\s*/i, '')
    .replace(/^option '(-[^ ',]+)[^']*' argument '([^']*)' is invalid\.\s*/, "$1 '$2': ")
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Builds the `netd` program. Output goes to `ctx`; errors throw CommanderError (exitOverride)
 * instead of exiting the process, so `main()` decides the exit status.
 */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('netd');
  // Settings made before .command() are inherited by every subcommand.
  program
    .description(
      'NetDesigner on the command line: templates, inspection and training of CNN designs',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.out(s),
      writeErr: (s) => ctx.err(s),
      outputError: (s, write) => write(`netd: ${oneLine(s)} (see 'netd --help')\n`),
    })
    .helpCommand(true);

  registerTemplatesCommand(program, ctx);
  registerTemplateCommand(program, ctx);
  registerInspectCommand(program, ctx);
  registerCompareCommand(program, ctx);
  registerTrainingCommands(program, ctx);
  registerExportCommand(program, ctx);
  registerImportCommand(program, ctx);
  // Name the subcommand in its usage errors so the hint points at the right help page.
  for (const cmd of program.commands) {
    cmd.configureOutput({
      ...cmd.configureOutput(),
      outputError: (s, write) =>
        write(`netd ${cmd.name()}: ${oneLine(s)} (see 'netd ${cmd.name()} --help')\n`),
    });
  }
  return program;
}
