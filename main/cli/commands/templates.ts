/** `netd templates`: the built-in templates as an aligned table. */
import type { Command } from 'commander';
import { templateInfos } from '../../templates/index.ts';
import type { CliContext } from '../context.ts';
import { fmtInt } from '../../network/catalog/format.ts';
import { compact, shape } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';

/** Registers `templates` on `program`. */
export function registerTemplatesCommand(program: Command, ctx: CliContext): void {
  program
    .command('templates')
    .description('list the built-in templates (ids for `netd template ID`)')
    .option('--json', 'print id, name, description, default input/classes and counts as JSON')
    .action((opts: { json?: boolean }) => {
      const infos = templateInfos();
      if (opts.json) {
        ctx.out(JSON.stringify(infos, null, 2) + '\n');
        return;
      }
      const rows = infos.map((t) => [
        t.id,
        t.name,
        shape(t.defaultInput),
        String(t.defaultClasses),
        fmtInt(t.trainableParams),
        compact(t.macs),
      ]);
      ctx.out(
        renderTable(
          [
            { header: 'id' },
            { header: 'name' },
            { header: 'input' },
            { header: 'classes', align: 'right' },
            { header: 'params', align: 'right' },
            { header: 'MACs', align: 'right' },
          ],
          rows,
        ),
      );
    });
}
