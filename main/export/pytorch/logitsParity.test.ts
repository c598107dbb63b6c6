import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tensor } from '../../training/backend/tfjs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../network/index.ts';
import type { NetworkDoc } from '../../network/types.ts';
import { buildTemplate } from '../../templates/index.ts';
import { crosscheckGraphs } from '../../../scripts/crosscheck/crosscheck.ts';
import { initBackend } from '../../training/backend/initBackend.ts';
import type { Tf } from '../../training/backend/tf.ts';
import { compileModel } from '../../training/compile/compileModel.ts';
import { createRng } from '../../training/data/rng.ts';
import { pythonExecutable, torchUnavailableReason } from '../../training/pytorch/python.ts';
import {
  decodeSafetensors,
  encodeSafetensors,
  expectedWeights,
  loadWeightsIntoModel,
  type Weights,
} from '../../weights/index.ts';
import { generateModel } from './generateModel.ts';

const SCRIPT = fileURLToPath(new URL('./testing/logits_parity.py', import.meta.url));
const noTorch = torchUnavailableReason();
const skipped = noTorch ? ` — skipped: ${noTorch}` : '';
const dir = mkdtempSync(join(tmpdir(), 'netd-logits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Small-input templates (every block, LRN, BatchNorm) and random graphs using every layer type. */
function designs(): NetworkDoc[] {
  const t = (id: string, input: [number, number, number], classes: number) =>
    buildTemplate(id, { input, classes }).doc;
  return [
    buildTemplate('lenet5').doc,
    t('cifar-small', [16, 16, 3], 10),
    t('googlenet', [32, 32, 3], 10),
    t('resnet18', [32, 32, 3], 10),
    t('resnet50', [32, 32, 3], 10),
    ...crosscheckGraphs({ count: 10, seed: 31337 }),
  ];
}

/** Random weights of the design's layouts; BatchNorm variances positive, scales ~1/√fan-in. */
function randomWeights(doc: NetworkDoc, seed: number): Weights {
  const rng = createRng(seed);
  const out: Weights = new Map();
  for (const spec of expectedWeights(doc)) {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const fanIn = spec.weight === 'kernel' ? n / spec.shape[spec.shape.length - 1]! : 1;
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const u = rng.range(-1, 1);
      data[i] =
        spec.weight === 'kernel'
          ? (u * 1.7) / Math.sqrt(fanIn)
          : spec.weight === 'moving_variance' || spec.weight === 'gamma'
            ? 1 + 0.5 * u
            : 0.2 * u;
    }
    out.set(spec.name, { shape: [...spec.shape], data });
  }
  return out;
}

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
});

/** tfjs's inference-mode output of `doc` with `weights` on `input` (NHWC). */
function tfjsOutput(
  doc: NetworkDoc,
  weights: Weights,
  input: Float32Array,
  shape: number[],
): Float32Array {
  const compiled = compileModel(tf, doc);
  loadWeightsIntoModel(tf, compiled, doc, weights);
  const out = tf.tidy(() => (compiled.model.predict(tf.tensor(input, shape)) as Tensor).dataSync());
  compiled.model.dispose();
  return Float32Array.from(out);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('an exported module computes what the tfjs engine computes', () => {
  it.skipIf(noTorch !== null)(
    `same weights, same inputs → outputs within 1e-4, tfjs → PyTorch and PyTorch → tfjs${skipped}`,
    () => {
      const docs = designs();
      const entries = docs.flatMap((doc, i) => {
        const gen = generateModel(doc, analyzeNetwork(doc));
        const file = join(dir, `m${i}.py`);
        writeFileSync(file, gen.source);
        const [c, h, w] = gen.inputShape;
        const inputShape = [2, h, w, c];
        const rng = createRng(1000 + i);
        const input = Float32Array.from({ length: 2 * h * w * c }, () => rng.range(-1, 1));
        writeFileSync(join(dir, `x${i}.f32`), input);
        const weights = randomWeights(doc, i + 1);
        writeFileSync(join(dir, `w${i}.safetensors`), encodeSafetensors(weights));
        const base = {
          file,
          className: gen.className,
          input: join(dir, `x${i}.f32`),
          inputShape,
          seed: i,
        };
        return [
          { ...base, weightsIn: join(dir, `w${i}.safetensors`), output: join(dir, `a${i}.f32`) },
          { ...base, weightsOut: join(dir, `p${i}.safetensors`), output: join(dir, `b${i}.f32`) },
        ];
      });
      writeFileSync(join(dir, 'entries.json'), JSON.stringify(entries));
      const run = spawnSync(pythonExecutable(), [SCRIPT, join(dir, 'entries.json')], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);

      const read = (p: string) => new Float32Array(new Uint8Array(readFileSync(p)).buffer);
      const diffs: string[] = [];
      docs.forEach((doc, i) => {
        const input = read(join(dir, `x${i}.f32`));
        const shape = entries[2 * i]!.inputShape;
        const ours = tfjsOutput(doc, randomWeights(doc, i + 1), input, shape);
        const a = maxAbsDiff(ours, read(join(dir, `a${i}.f32`)));
        const torchWeights = decodeSafetensors(
          readFileSync(join(dir, `p${i}.safetensors`)),
        ).tensors;
        const b = maxAbsDiff(
          tfjsOutput(doc, torchWeights, input, shape),
          read(join(dir, `b${i}.f32`)),
        );
        if (!(a <= 1e-4) || !(b <= 1e-4))
          diffs.push(
            `${doc.name}: tfjs→torch ${a.toExponential(2)}, torch→tfjs ${b.toExponential(2)}`,
          );
      });
      expect(diffs).toEqual([]);
    },
    300_000,
  );
});
