/** `netd compare A B [--json]`: per-stage and total differences of two network files. */
import { InvalidArgumentError, type Command } from 'commander';
import { compareNetworks } from '../../compare/compareNetworks.ts';
import { readNetworkFile } from '../../files/index.ts';
import { optionNumber } from '../../training/optionsSchema.ts';
import { OPTIMIZER_NAMES } from '../../training/vocabulary.ts';
import type { CliContext } from '../context.ts';
import { compareJson } from '../format/compareJson.ts';
import { compareTable } from '../format/compareTable.ts';

interface CompareOptions {
  json?: boolean;
  batchSize?: number;
  optimizer?: 'adam' | 'sgd';
}

/** The trainer's own limit and message: the estimate assumes a batch the trainer would accept. */
function batchSize(text: string): number {
  const parsed = optionNumber('batchSize').safeParse(text.trim() === '' ? NaN : Number(text));
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]!.message);
  return parsed.data;
}

function optimizer(text: string): 'adam' | 'sgd' {
  const found = OPTIMIZER_NAMES.find((o) => o === text);
  if (!found) throw new InvalidArgumentError(`expected one of ${OPTIMIZER_NAMES.join(', ')}`);
  return found;
}

/** Registers `compare` on `program`. Exit status: 0 compared, 2 a file that cannot be read. */
export function registerCompareCommand(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description(
      'per-stage and total differences (B − A) of two designs: parameters, MACs, memory, output shape, receptive field',
    )
    .argument('<a>', 'first network file (*.netd.json)')
    .argument('<b>', 'second network file (*.netd.json)')
    .option('--json', 'print {"a", "b", "delta", "stages"} instead of the tables')
    .option(
      '--batch-size <n>',
      'batch size the training-memory estimate assumes (default 32)',
      batchSize,
    )
    .option(
      '--optimizer <name>',
      'optimizer the training-memory estimate assumes: adam|sgd (default adam)',
      optimizer,
    )
    .action(async (fileA: string, fileB: string, opts: CompareOptions) => {
      const [a, b] = [await readNetworkFile(fileA), await readNetworkFile(fileB)];
      const comparison = compareNetworks(a, b, {
        batchSize: opts.batchSize,
        optimizer: opts.optimizer,
      });
      ctx.out(
        opts.json
          ? JSON.stringify(compareJson(comparison), null, 2) + '\n'
          : compareTable(comparison, fileA, fileB),
      );
      ctx.exitCode = 0;
    });
}
