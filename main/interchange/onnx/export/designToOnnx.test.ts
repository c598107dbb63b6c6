/**
 * ONNX export: valid models (the ONNX checker), the same outputs in onnxruntime as the app's own
 * tfjs engine on the same weights, and designs that come back unchanged through `netd import`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { captureContext } from '../../../cli/testing.ts';
import { writeNetworkFile } from '../../../files/index.ts';
import { analyzeNetwork } from '../../../network/analyze.ts';
import type { NetworkDoc } from '../../../network/types.ts';
import { buildTemplate } from '../../../templates/index.ts';
import { everyLayer } from '../../../network/testDocs.ts';
import { writeDesignWeights, type Weights } from '../../../weights/index.ts';
import { importOnnx } from '../import/importOnnx.ts';
import {
  HAS_ONNX_PY,
  maxAbsDiff,
  nchwToNhwc,
  onnxCheck,
  randomInput,
  runOrt,
  runTfjs,
} from '../testing/runtimes.ts';
import { designToOnnx } from './designToOnnx.ts';
import { freshWeights } from './freshWeights.ts';

const dir = mkdtempSync(join(tmpdir(), 'netd-onnx-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Fresh weights with BatchNorm statistics that are not the identity (so their order shows). */
function weightsFor(doc: NetworkDoc): Weights {
  const w = freshWeights(doc, 3);
  let k = 0;
  for (const [name, t] of w) {
    if (/\/(gamma|beta|moving_mean|moving_variance)$/.test(name))
      t.data = t.data.map((_, i) => {
        const v = Math.sin(0.7 * i + k) * 0.2;
        return name.endsWith('moving_variance') || name.endsWith('gamma') ? 1 + v : v;
      });
    k++;
  }
  return w;
}

function inputShape(doc: NetworkDoc): [number, number, number] {
  return doc.nodes.find((n) => n.type === 'Input')!.params.shape as [number, number, number];
}

/** ONNX (NCHW, onnxruntime) vs tfjs (NHWC, the app's engine) on the same two images. */
async function compareWithEngine(doc: NetworkDoc, weights: Weights, bytes: Uint8Array) {
  const [h, w, c] = inputShape(doc);
  const nchw = randomInput(2 * c * h * w);
  const onnx = await runOrt(bytes, nchw, [2, c, h, w]);
  const tfjs = await runTfjs(doc, weights, nchwToNhwc(nchw, [2, c, h, w]), [2, h, w, c]);
  return { onnx, tfjs, diff: maxAbsDiff(onnx, tfjs) };
}

describe('designToOnnx', () => {
  it('writes every layer type with the engine’s semantics (onnxruntime = tfjs within 1e-4)', async () => {
    const doc = everyLayer();
    const weights = weightsFor(doc);
    const bytes = designToOnnx(doc, weights);
    const { onnx, diff } = await compareWithEngine(doc, weights, bytes);
    expect(onnx).toHaveLength(2 * 3);
    expect(diff).toBeLessThanOrEqual(1e-4);
  });

  it.skipIf(!HAS_ONNX_PY)(
    `passes onnx.checker.check_model${HAS_ONNX_PY ? '' : ' (skipped: python3-onnx is not installed)'}`,
    () => {
      const path = join(dir, 'every.onnx');
      writeFileSync(path, designToOnnx(everyLayer(), weightsFor(everyLayer())));
      expect(onnxCheck(path)).toBe('');
    },
  );

  it.each([
    ['googlenet', [64, 64, 3], 'Inception'],
    ['resnet18', [64, 64, 3], 'ResidualBlock'],
    ['resnet50', [32, 32, 3], 'ResidualBlock'],
    ['lenet5', [32, 32, 1], 'Conv2D'],
  ] as const)(
    '%s template: import(export(design)) is the same design, same counts, same outputs',
    async (id, input, block) => {
      const { doc } = buildTemplate(id, { input: [...input], classes: 10 });
      const weights = weightsFor(doc);
      const bytes = designToOnnx(doc, weights);
      const path = join(dir, `${id}.onnx`);
      writeFileSync(path, bytes);
      if (HAS_ONNX_PY) expect(onnxCheck(path)).toBe('');
      const back = await importOnnx(path);
      expect(back.doc.nodes.map((n) => [n.id, n.type])).toEqual(
        doc.nodes.map((n) => [n.id, n.type]),
      );
      expect(back.doc.nodes.some((n) => n.type === block)).toBe(true);
      expect(analyzeNetwork(back.doc).totals).toEqual(analyzeNetwork(doc).totals);
      const again = designToOnnx(back.doc, back.weights);
      const [h, w, c] = input;
      const x = randomInput(2 * c * h * w, 7);
      const a = await runOrt(bytes, x, [2, c, h, w]);
      const b = await runOrt(again, x, [2, c, h, w]);
      expect(maxAbsDiff(a, b)).toBeLessThanOrEqual(1e-6);
    },
  );

  it('refuses a weight that is missing, naming it', () => {
    const doc = everyLayer();
    const weights = weightsFor(doc);
    weights.delete('fc1/kernel');
    expect(() => designToOnnx(doc, weights)).toThrow("the weights have no tensor 'fc1/kernel'");
  });
});

describe('netd export --to onnx', () => {
  it('writes the design with its sidecar weights', async () => {
    const file = join(dir, 'every.netd.json');
    const doc = everyLayer();
    await writeNetworkFile(file, doc);
    await writeDesignWeights(file, weightsFor(doc));
    const out = join(dir, 'cli.onnx');
    const ctx = captureContext();
    expect(await main(['export', file, '--to', 'onnx', '-o', out], ctx)).toBe(0);
    expect(ctx.stdout()).toMatch(
      /^wrote .*cli\.onnx \(ONNX opset 13, input N×C×H×W, .* bytes\) with the design’s weights\n$/,
    );
    expect(existsSync(out)).toBe(true);
  });

  it('uses freshly initialised weights for a design without any', async () => {
    const file = join(dir, 'fresh.netd.json');
    await writeNetworkFile(file, buildTemplate('lenet5').doc);
    const ctx = captureContext();
    expect(await main(['export', file, '--to', 'onnx', '-o', join(dir, 'fresh.onnx')], ctx)).toBe(
      0,
    );
    expect(ctx.stdout()).toContain('freshly initialised weights');
  });

  it('says which run has no weights (exit 2)', async () => {
    const file = join(dir, 'every.netd.json');
    const ctx = captureContext();
    const code = await main(['export', file, '--to', 'onnx', '--run', 'no-such-run'], {
      ...ctx,
      err: ctx.err,
    });
    expect(code).toBe(2);
    expect(ctx.stderr()).toMatch(/^netd export: .*no-such-run.*(not found|missing)/);
  });
});
