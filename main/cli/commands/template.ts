/** `netd template ID [--input HxWxC] [--classes N] [-o FILE]`: a template as a network file. */
import type { Command } from 'commander';
import { serializeNetwork, writeNetworkFile } from '../../files/index.ts';
import { buildTemplate } from '../../templates/index.ts';
import { parseClasses, parseInputShape } from '../args.ts';
import type { CliContext } from '../context.ts';
import { shape } from '../format/numbers.ts';

interface TemplateOptions {
  input?: [number, number, number];
  classes?: number;
  output?: string;
}

/** Registers `template` on `program`. */
export function registerTemplateCommand(program: Command, ctx: CliContext): void {
  program
    .command('template')
    .description('write a template as a network file (to stdout without -o)')
    .argument('<id>', 'template id, see `netd templates`')
    .option('--input <HxWxC>', 'input shape, e.g. 32x32x3', parseInputShape)
    .option('--classes <n>', 'number of classes', parseClasses)
    .option('-o, --output <file>', 'write the network to this file instead of stdout')
    .action(async (id: string, opts: TemplateOptions) => {
      const req: { input?: [number, number, number]; classes?: number } = {};
      if (opts.input) req.input = opts.input;
      if (opts.classes !== undefined) req.classes = opts.classes;
      const { doc, changes } = buildTemplate(id, req);

      if (opts.input || opts.classes !== undefined) {
        const what = [
          opts.input && `input ${shape(opts.input)}`,
          opts.classes !== undefined && `${opts.classes} classes`,
        ]
          .filter(Boolean)
          .join(', ');
        ctx.err(`${id}: adapted to ${what}${changes.length > 0 ? ':' : ''}\n`);
        for (const change of changes) ctx.err(`  - ${change}\n`);
      }
      if (opts.output) {
        await writeNetworkFile(opts.output, doc);
        ctx.out(`wrote ${opts.output} (${doc.name}, ${doc.nodes.length} nodes)\n`);
      } else {
        ctx.out(serializeNetwork(doc));
      }
    });
}
