/**
 * `npm run bench -- engine`: images/s of NetDesigner's PyTorch engine vs a plain hand-written
 * PyTorch loop on the same exported net, synthetic data and batch, in the same Python process
 * (bench/engine_vs_plain.py), for LeNet-5 at 28×28, the small CIFAR net and ResNet-18 at 32×32.
 * Figures only. The GPU counterpart (ResNet-50, 224×224, AMP + channels_last) is bench/gpu/.
 *
 *   npx tsx bench/engine.ts [--quick]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { generateModel } from '../main/export/pytorch/generateModel.ts';
import { analyzeNetwork } from '../main/network/index.ts';
import { buildTemplate } from '../main/templates/index.ts';
import { pythonExecutable, torchUnavailableReason } from '../main/training/pytorch/python.ts';

const SCRIPT = fileURLToPath(new URL('./engine_vs_plain.py', import.meta.url));
const quick = process.argv.includes('--quick');

const CASES = [
  { id: 'lenet5', input: [28, 28, 1], batch: 32, images: quick ? 512 : 2048 },
  { id: 'cifar-small', input: [32, 32, 3], batch: 32, images: quick ? 256 : 1024 },
  { id: 'resnet18', input: [32, 32, 3], batch: 32, images: quick ? 64 : 128 },
] as const;

const resultSchema = z.object({
  torch: z.string(),
  threads: z.number(),
  plain: z.number(),
  engine: z.number(),
  ratio: z.number(),
});

const reason = torchUnavailableReason();
if (reason) {
  console.log(`skipped: ${reason}`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'netd-bench-engine-'));
try {
  console.log('model              input      batch  plain img/s  engine img/s  engine/plain');
  for (const c of CASES) {
    const { doc } = buildTemplate(c.id, { input: [...c.input], classes: 4 });
    const gen = generateModel(doc, analyzeNetwork(doc));
    const file = join(dir, `${c.id}.py`);
    writeFileSync(file, gen.source);
    const run = spawnSync(
      pythonExecutable(),
      [
        SCRIPT,
        '--model',
        file,
        '--class',
        gen.className,
        '--batch-size',
        String(c.batch),
        '--images',
        String(c.images),
        '--epochs',
        '2',
        '--repeats',
        '2',
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) {
      console.log(`${c.id}: failed — ${run.stderr.trim().split('\n').pop()}`);
      continue;
    }
    const r = resultSchema.parse(JSON.parse(run.stdout.trim().split('\n').pop()!));
    console.log(
      `${c.id.padEnd(18)} ${c.input.join('×').padEnd(10)} ${String(c.batch).padStart(5)}  ${r.plain.toFixed(0).padStart(11)}  ${r.engine.toFixed(0).padStart(12)}  ${r.ratio.toFixed(2).padStart(11)}×`,
    );
    if (c === CASES[CASES.length - 1])
      console.log(
        `PyTorch ${r.torch} on the CPU, ${r.threads} thread(s); synthetic data, Adam, 4 classes`,
      );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
