/** `netd inspect FILE [--json] [--expand]`: shapes, counts and problems of a network file. */
import type { Command } from 'commander';
import { readNetworkFile } from '../../files/index.ts';
import { analyzeNetwork, expandComposites } from '../../network/index.ts';
import type { CliContext } from '../context.ts';
import { inspectJson } from '../format/inspectJson.ts';
import { inspectTable } from '../format/inspectTable.ts';

interface InspectOptions {
  json?: boolean;
  expand?: boolean;
}

/** Registers `inspect` on `program`. Exit status: 0 valid, 1 design errors, 2 unreadable file. */
export function registerInspectCommand(program: Command, ctx: CliContext): void {
  program
    .command('inspect')
    .description(
      'per-node shapes, parameters, MACs and receptive fields of a network file, then its problems',
    )
    .argument('<file>', 'network file (*.netd.json)')
    .option('--json', 'print the machine-readable object instead of the table')
    .option(
      '--expand',
      'expand Inception / ResidualBlock composites into their primitive layers first',
    )
    .action(async (file: string, opts: InspectOptions) => {
      const read = await readNetworkFile(file);
      const doc = opts.expand ? expandComposites(read) : read;
      const analysis = analyzeNetwork(doc);
      ctx.out(
        opts.json
          ? JSON.stringify(inspectJson(analysis, doc), null, 2) + '\n'
          : inspectTable(doc, analysis),
      );
      ctx.exitCode = analysis.valid ? 0 : 1;
    });
}
