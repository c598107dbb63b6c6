/**
 * Round trip of the classics through ONNX, against PyTorch itself: torchvision's AlexNet, VGG-11,
 * ResNet-18, ResNet-50 and GoogLeNet, exported by `torch.onnx.export` with seeded weights
 * (testing/torchvision_onnx.py), import with exactly torchvision's parameter counts; the imported
 * design, exported again, gives in onnxruntime the outputs of the original file (≤ 1e-4), and
 * PyTorch's own logits as does the app's engine (the small-input models) — within 1e-4 relative
 * to the largest logit, since those runtimes sum float32 in another order. Needs Debian's python3-torch,
 * python3-torchvision and python3-onnx; skipped with the reason otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../network/analyze.ts';
import { designToOnnx } from './export/designToOnnx.ts';
import { importOnnx, type ImportedModel } from './import/importOnnx.ts';
import {
  HAS_TORCH,
  maxAbsDiff,
  nchwToNhwc,
  onnxCheck,
  PYTHON,
  runOrt,
  runTfjs,
} from './testing/runtimes.ts';

interface Meta {
  trainableParams: number;
  nonTrainableParams: number;
  inputShape: number[];
  logitsShape: number[];
}

/** Model, input size, and whether the tfjs engine runs it here (the 224×224 ones take minutes). */
const MODELS = [
  { name: 'resnet18', size: 64, tfjs: true, blocks: { ResidualBlock: 8 } },
  { name: 'resnet50', size: 64, tfjs: true, blocks: { ResidualBlock: 16 } },
  // torchvision's GoogLeNet uses 3×3 convs in its "5×5" branch and BatchNorm ε = 0.001: not our
  // Inception, so its modules stay as layers (their Concats stay too).
  { name: 'googlenet', size: 64, tfjs: true, blocks: { Concat: 9 } },
  { name: 'alexnet', size: 224, tfjs: false, blocks: {} },
  { name: 'vgg11', size: 224, tfjs: false, blocks: {} },
] as const;

const SCRIPT = fileURLToPath(new URL('./testing/torchvision_onnx.py', import.meta.url));
const REASON = 'skipped: needs python3-torch, python3-torchvision and python3-onnx';
let dir = '';

const read = (name: string) => {
  const b = readFileSync(join(dir, name));
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
};

describe.skipIf(!HAS_TORCH)(
  `torchvision classics through ONNX${HAS_TORCH ? '' : ` (${REASON})`}`,
  () => {
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'netd-torchvision-onnx-'));
      const r = spawnSync(PYTHON, [SCRIPT, dir, ...MODELS.map((m) => `${m.name}:${m.size}`)], {
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`torchvision_onnx.py failed: ${r.stderr.slice(-2000)}`);
    }, 900_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the exporter script is tested', () => {
      const r = spawnSync(PYTHON, ['-m', 'unittest', 'test_torchvision_onnx'], {
        cwd: fileURLToPath(new URL('./testing/', import.meta.url)),
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
    });

    it.each(MODELS)(
      '$name imports with torchvision’s counts and gives its logits (≤ 1e-4)',
      async ({ name, tfjs, blocks }) => {
        const meta = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Meta;
        const imported: ImportedModel = await importOnnx(join(dir, `${name}.onnx`));
        const analysis = analyzeNetwork(imported.doc);
        expect(analysis.valid).toBe(true);
        expect(analysis.totals.trainableParams).toBe(meta.trainableParams);
        expect(analysis.totals.nonTrainableParams).toBe(meta.nonTrainableParams);
        const out = imported.doc.nodes[imported.doc.nodes.length - 1]!;
        expect(analysis.nodes[out.id]!.outputShape).toEqual([meta.logitsShape[1]]);
        for (const [type, count] of Object.entries(blocks))
          expect(imported.doc.nodes.filter((n) => n.type === type)).toHaveLength(count);
        if (name.startsWith('resnet'))
          expect(imported.doc.nodes.some((n) => n.type === 'Add')).toBe(false);

        const ours = join(dir, `${name}.netd.onnx`);
        writeFileSync(ours, designToOnnx(imported.doc, imported.weights));
        expect(onnxCheck(ours)).toBe('');
        const input = read(`${name}.input.bin`);
        const torchLogits = read(`${name}.logits.bin`);
        const original = await runOrt(join(dir, `${name}.onnx`), input, meta.inputShape);
        const again = await runOrt(ours, input, meta.inputShape);
        expect(maxAbsDiff(again, original)).toBeLessThanOrEqual(1e-4);
        // Against PyTorch's own logits (another runtime, float32 sums in another order): 1e-4
        // relative to the largest logit (ResNet-50's reach ~80 with these BatchNorm statistics).
        const scale = Math.max(1, ...Array.from(torchLogits, Math.abs));
        expect(maxAbsDiff(again, torchLogits)).toBeLessThanOrEqual(1e-4 * scale);
        if (tfjs) {
          const [n, c, h, w] = meta.inputShape as [number, number, number, number];
          const engine = await runTfjs(
            imported.doc,
            imported.weights,
            nchwToNhwc(input, meta.inputShape),
            [n, h, w, c],
          );
          expect(maxAbsDiff(engine, torchLogits)).toBeLessThanOrEqual(1e-4 * scale);
        }
      },
      600_000,
    );
  },
);
