/** `netd train` and `netd doctor`. The training modules load only when one of these commands runs. */
import { Option, type Command } from 'commander';
import type { CliContext } from '../../cli/context.ts';
import { DEFAULT_TRAINING_OPTIONS as D } from '../trainer/options.ts';
import { choiceParser, numberParser } from './parsers.ts';
import {
  BACKEND_NAMES,
  DEVICE_NAMES,
  ENGINE_CHOICES,
  NPROC_RANGE,
  OPTIMIZER_NAMES,
  SCHEDULE_NAMES,
} from '../vocabulary.ts';
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
    .option(
      '--adapt',
      "adapt the network to the data first (input shape, classes, a small first conv for small images), as the dashboard's 'Adapt network to data' does; prints every change",
    )
    .option('--epochs <n>', `epochs (default ${D.epochs})`, numberParser('epochs'))
    .option('--batch-size <n>', `batch size (default ${D.batchSize})`, numberParser('batchSize'))
    .option('--lr <x>', `learning rate (default ${D.learningRate})`, numberParser('learningRate'))
    .addOption(
      new Option(
        '--optimizer <name>',
        `${OPTIMIZER_NAMES.join(' or ')} (default ${D.optimizer})`,
      ).argParser(choiceParser(OPTIMIZER_NAMES)),
    )
    .option('--momentum <x>', `SGD momentum (default ${D.momentum})`, numberParser('momentum'))
    .addOption(
      new Option(
        '--schedule <name>',
        `learning-rate schedule: ${SCHEDULE_NAMES.join(', ')} (default ${D.schedule})`,
      ).argParser(choiceParser(SCHEDULE_NAMES)),
    )
    .option(
      '--step-every <n>',
      `step schedule: multiply the rate by --step-gamma every N epochs (default ${D.stepEvery})`,
      numberParser('stepEvery'),
    )
    .option(
      '--step-gamma <x>',
      `step schedule: the factor (default ${D.stepGamma})`,
      numberParser('stepGamma'),
    )
    .option('--limit <n>', 'use at most N training images (default: all)', numberParser('limit'))
    .option(
      '--test-limit <n>',
      'use at most N test images (default: all)',
      numberParser('testLimit'),
    )
    .option(
      '--val-split <f>',
      `fraction of training images held out for validation (default ${D.validationSplit})`,
      numberParser('validationSplit'),
    )
    .option(
      '--seed <n>',
      `seed for shuffling, splitting, augmentation and initial weights (default ${D.seed})`,
      numberParser('seed'),
    )
    .option(
      '--patience <n>',
      'early stopping: epochs without validation improvement (default 0 = off)',
      numberParser('earlyStoppingPatience'),
    )
    .option(
      '--no-keep-best',
      'keep the last epoch’s weights instead of the best validation epoch’s',
    )
    .option(
      '--fresh',
      'start from a fresh initialisation even when FILE has weights (NAME.weights.safetensors)',
    )
    .option('--flip', 'augment with random horizontal flips')
    .option(
      '--shift <f>',
      'augment with random shifts of up to this share of the image size (e.g. 0.1)',
      numberParser('shift'),
    )
    .addOption(
      new Option('--backend <name>', 'force a backend (default: the fastest available)').argParser(
        choiceParser(BACKEND_NAMES),
      ),
    )
    .addOption(
      new Option(
        '--engine <name>',
        'auto (default: PyTorch when it is installed and faster here, else TensorFlow.js), pytorch or tfjs',
      ).argParser(choiceParser(ENGINE_CHOICES)),
    )
    .addOption(
      new Option(
        '--device <name>',
        'PyTorch device: cuda, mps or cpu (default: the first of them that is there)',
      ).argParser(choiceParser(DEVICE_NAMES)),
    )
    .option(
      '--nproc <n>',
      `PyTorch: train in N processes on this machine, ${NPROC_RANGE.min} to ${NPROC_RANGE.max} (DistributedDataParallel; one per GPU)`,
      numberParser('nproc'),
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
      'check which training engines and backends work here (TensorFlow.js, PyTorch with its devices), why faster ones do not, and what to install',
    )
    .option('--json', 'print the report as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { diagnoseEnvironment, formatEnvironmentReport } =
        await import('../backend/diagnose.ts');
      const { diagnoseTorchAsync, formatTorchReport } = await import('../pytorch/doctor.ts');
      // The Python probes run while TensorFlow.js loads, instead of after it.
      const [report, pytorch] = await Promise.all([diagnoseEnvironment(), diagnoseTorchAsync()]);
      ctx.out(
        flags.json
          ? JSON.stringify({ ...report, pytorch }) + '\n'
          : `${formatEnvironmentReport(report).replace(/\n?$/, '')}\n${formatTorchReport(pytorch)}\n`,
      );
    });
}
