/**
 * Training throughput (images/second) of NetDesigner's tfjs backends on LeNet-5 and the small CIFAR
 * net, next to PyTorch (CPU) on the same architectures when /usr/bin/python3 has torch.
 *
 *   npx tsx bench/train.ts [--seconds 3] [--batch 32] [--backends cpu,wasm,tensorflow,tensorflow-gpu]
 *                          [--models lenet5,cifar-small] [--no-torch] [--json]
 *
 * Synthetic data, SGD with momentum, a warm-up before timing; each figure is whole training steps
 * (forward, backward, update) divided by wall time. Default runtime is about a minute.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Tensor } from '../main/training/backend/tfjs.ts';
import { z } from 'zod';
import { fmtInt } from '../main/network/catalog/format.ts';
import { buildTemplate } from '../main/templates/index.ts';
import { BACKEND_ORDER, initBackend } from '../main/training/backend/initBackend.ts';
import type { Tf } from '../main/training/backend/tf.ts';
import { compileModel } from '../main/training/compile/compileModel.ts';
import { crossEntropy } from '../main/training/trainer/loss.ts';
import type { BackendName } from '../main/training/types.ts';
import { BACKEND_NAMES } from '../main/training/vocabulary.ts';

const MODELS = ['lenet5', 'cifar-small'] as const;
const backendSchema = z.enum(BACKEND_NAMES);
const optionsSchema = z.object({
  seconds: z.coerce.number().positive().max(600),
  batch: z.coerce.number().int().min(1).max(4096),
  backends: z.string().transform((s, ctx) => {
    const names = s.split(',').filter(Boolean);
    const parsed = z.array(backendSchema).safeParse(names);
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        message: `--backends takes ${BACKEND_ORDER.join(', ')}; got '${s}'`,
      });
      return z.NEVER;
    }
    return parsed.data;
  }),
  models: z.string().transform((s, ctx) => {
    const names = s.split(',').filter(Boolean);
    const parsed = z.array(z.enum(MODELS)).safeParse(names);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `--models takes ${MODELS.join(', ')}; got '${s}'` });
      return z.NEVER;
    }
    return parsed.data;
  }),
  torch: z.boolean(),
  json: z.boolean(),
});
type Options = z.infer<typeof optionsSchema>;

interface Row {
  model: string;
  backend: BackendName | 'pytorch';
  batch: number;
  imagesPerSecond: number;
  note?: string;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '3' },
      batch: { type: 'string', default: '32' },
      backends: { type: 'string', default: 'cpu,wasm,tensorflow,tensorflow-gpu' },
      models: { type: 'string', default: MODELS.join(',') },
      'no-torch': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const parsed = optionsSchema.safeParse({ ...values, torch: !values['no-torch'] });
  if (!parsed.success) {
    console.error(`bench/train: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    process.exit(2);
  }
  return parsed.data;
}

/** Times whole training steps of template `id` on the active backend. */
async function benchModel(
  tf: Tf,
  id: string,
  batch: number,
  seconds: number,
  slow: boolean,
): Promise<number> {
  const { doc } = buildTemplate(id);
  const { model, outputsLogits, inputShape, classes } = compileModel(tf, doc);
  const optimizer = tf.train.momentum(0.01, 0.9);
  const x = tf.randomNormal([batch, ...inputShape]);
  const y = tf.randomUniform([batch], 0, classes, 'int32');
  const step = () => {
    // The trainer's own loss, so the figures time what `netd train` runs.
    const cost = optimizer.minimize(
      () =>
        crossEntropy(tf, model.apply(x, { training: true }) as Tensor, y, classes, outputsLogits),
      true,
    );
    // Reading the loss waits for the backend, so the clock measures finished work.
    cost?.dataSync();
    cost?.dispose();
  };
  try {
    // The pure-JS backend needs seconds per step: one warm-up step and one timed step suffice.
    for (let i = 0; i < (slow ? 1 : 3); i++) step();
    const minBatches = slow ? 1 : 3;
    let batches = 0;
    const start = performance.now();
    let elapsed = 0;
    while (batches < minBatches || elapsed < seconds) {
      step();
      batches++;
      elapsed = (performance.now() - start) / 1000;
    }
    return (batches * batch) / elapsed;
  } finally {
    model.dispose();
    optimizer.dispose();
    tf.dispose([x, y]);
  }
}

function torchScript(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'train_torch.py');
}

/** PyTorch figures, or a reason why there are none. */
function benchTorch(opts: Options): Promise<{ rows: Row[]; note: string }> {
  const args = [
    torchScript(),
    '--models',
    opts.models.join(','),
    '--batch',
    String(opts.batch),
    '--seconds',
    String(opts.seconds),
  ];
  return new Promise((resolve) => {
    execFile('/usr/bin/python3', args, { timeout: 600_000 }, (err, stdout) => {
      const parsed = z
        .object({
          torch: z.string().optional(),
          threads: z.number().optional(),
          error: z.string().optional(),
          results: z
            .array(
              z.object({ model: z.string(), imagesPerSecond: z.number(), batchSize: z.number() }),
            )
            .optional(),
        })
        .safeParse(
          (() => {
            try {
              return JSON.parse(String(stdout));
            } catch {
              return {};
            }
          })(),
        );
      if (!parsed.success || !parsed.data.results) {
        const why =
          parsed.success && parsed.data.error
            ? parsed.data.error
            : err
              ? err.message.split('\n')[0]
              : 'no output';
        resolve({ rows: [], note: `PyTorch skipped: ${why}` });
        return;
      }
      const { torch, threads, results } = parsed.data;
      resolve({
        rows: results.map((r) => ({
          model: r.model,
          backend: 'pytorch',
          batch: r.batchSize,
          imagesPerSecond: r.imagesPerSecond,
        })),
        note: `PyTorch ${torch ?? '?'} on the CPU, ${threads ?? '?'} thread(s)`,
      });
    });
  });
}

function fmt(n: number): string {
  return n >= 100 ? fmtInt(Math.round(n)) : n.toPrecision(3);
}

function printTable(rows: Row[], notes: string[], opts: Options): void {
  console.log(
    `\nTraining throughput — synthetic data, SGD + momentum, ${opts.seconds}s timed per figure\n`,
  );
  const header = ['model', 'backend', 'batch', 'images/s', 'vs PyTorch'];
  const table = rows.map((r) => {
    const torch = rows.find((t) => t.backend === 'pytorch' && t.model === r.model);
    const x = torch ? r.imagesPerSecond / torch.imagesPerSecond : null;
    const ratio = x === null ? '—' : `${x >= 0.01 ? x.toFixed(3) : x.toPrecision(2)}×`;
    return [
      r.model,
      r.backend,
      String(r.batch),
      fmt(r.imagesPerSecond),
      r.backend === 'pytorch' ? '1×' : ratio,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  console.log('');
  for (const note of notes) console.log(`• ${note}`);
}

async function main(): Promise<void> {
  const opts = readOptions();
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const wanted of opts.backends) {
    const { tf, backend, note } = await initBackend(wanted);
    if (backend !== wanted) {
      const why = new RegExp(`${wanted} — ([^;]*?)(?:;|\\. |\\.$)`).exec(note)?.[1] ?? note;
      notes.push(`${wanted}: not available here — ${why}`);
      continue;
    }
    for (const model of opts.models) {
      // The pure-JS backend needs seconds per image on the CIFAR net: small batches keep it short.
      const slow = backend === 'cpu';
      const batch = slow ? Math.min(opts.batch, model === 'lenet5' ? 16 : 1) : opts.batch;
      const imagesPerSecond = await benchModel(
        tf,
        model,
        batch,
        slow ? Math.min(opts.seconds, 1) : opts.seconds,
        slow,
      );
      rows.push({ model, backend, batch, imagesPerSecond });
      if (!opts.json) console.error(`  ${model} on ${backend}: ${fmt(imagesPerSecond)} images/s`);
    }
  }
  if (opts.torch) {
    const torch = await benchTorch(opts);
    rows.push(...torch.rows);
    notes.push(torch.note);
  }
  notes.push('tfjs wasm runs single-threaded in Node (tfjs disables wasm threads there).');
  rows.sort(
    (a, b) =>
      MODELS.indexOf(a.model as (typeof MODELS)[number]) -
      MODELS.indexOf(b.model as (typeof MODELS)[number]),
  );
  if (opts.json) console.log(JSON.stringify({ rows, notes }));
  else printTable(rows, notes, opts);
}

await main();
