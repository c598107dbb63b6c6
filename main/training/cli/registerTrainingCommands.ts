/** `netd train` and `netd doctor`. The training modules load only when one of these commands runs. */
import { Option, type Command } from 'commander';
import type { CliContext } from '../../cli/context.ts';
import { choiceParser, intParser, numberParser } from './parsers.ts';
import type { TrainFlags } from './trainCommand.ts';

/** Registers `train` and `doctor` on the given commander program. */
export function registerTrainingCommands(program: Command, ctx: CliContext): void {
  program
    .command('train')
    .description(
      'train a network file on a dataset without a window, print progress and save the run',
    )
    .argument('<file>', 'network file (*.netd.json)')
    .requiredOption(
      '--data <spec>',
      "'synthetic', 'fashion-mnist', or a folder (MNIST idx, CIFAR-10 binary, or one sub-folder of images per class)",
    )
    .option('--epochs <n>', 'epochs (default 10)', intParser(1))
    .option('--batch-size <n>', 'batch size (default 32)', intParser(1))
    .option('--lr <x>', 'learning rate (default 0.001)', numberParser(0, Infinity, true))
    .addOption(
      new Option('--optimizer <name>', 'adam or sgd (default adam)').argParser(
        choiceParser(['adam', 'sgd'] as const),
      ),
    )
    .option('--momentum <x>', 'SGD momentum (default 0.9)', numberParser(0, 0.999))
    .addOption(
      new Option('--schedule <name>', 'learning-rate schedule: constant, step or cosine').argParser(
        choiceParser(['constant', 'step', 'cosine'] as const),
      ),
    )
    .option(
      '--step-every <n>',
      'step schedule: multiply the rate by --step-gamma every N epochs (default 10)',
      intParser(1),
    )
    .option('--step-gamma <x>', 'step schedule: the factor (default 0.1)', numberParser(0, 1, true))
    .option('--limit <n>', 'use at most N training images (default: all)', intParser(0))
    .option('--test-limit <n>', 'use at most N test images (default: all)', intParser(0))
    .option(
      '--val-split <f>',
      'fraction of training images held out for validation (default 0.1)',
      numberParser(0, 0.9),
    )
    .option(
      '--seed <n>',
      'seed for shuffling, splitting, augmentation and initial weights (default 1)',
      intParser(0),
    )
    .option(
      '--patience <n>',
      'early stopping: epochs without validation improvement (default 0 = off)',
      intParser(0),
    )
    .option(
      '--no-keep-best',
      'keep the last epoch’s weights instead of the best validation epoch’s',
    )
    .option('--flip', 'augment with random horizontal flips')
    .option(
      '--shift <f>',
      'augment with random shifts of up to this share of the image size (e.g. 0.1)',
      numberParser(0, 0.5),
    )
    .addOption(
      new Option('--backend <name>', 'force a backend (default: the fastest available)').argParser(
        choiceParser(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const),
      ),
    )
    .option('--out <dir>', 'runs folder to save the run in (default $NETD_HOME/runs)')
    .option('--json', 'print one JSON object per line (events), ending with the done event')
    .addHelpText(
      'after',
      '\nExit status: 0 trained, 1 design errors or a failed run, 2 bad arguments or unreadable data, 130 stopped with Ctrl-C.',
    )
    .action(async (file: string, flags: TrainFlags) => {
      const { trainCommand } = await import('./trainCommand.ts');
      await trainCommand(file, flags, ctx);
    });

  program
    .command('doctor')
    .description(
      'check which training backends work here, why faster ones do not, and what to install',
    )
    .option('--json', 'print the report as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { diagnoseEnvironment, formatEnvironmentReport } =
        await import('../backend/diagnose.ts');
      const report = await diagnoseEnvironment();
      ctx.out(
        flags.json
          ? JSON.stringify(report) + '\n'
          : formatEnvironmentReport(report).replace(/\n?$/, '\n'),
      );
    });
}
