/**
 * A run's TensorFlow.js model comes back as a design with its weights: same layers (blocks
 * recognised), same outputs on the same input, and one clear line for a model that cannot.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tensor } from '../../training/backend/tfjs.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { captureContext } from '../../cli/testing.ts';
import { readNetworkFile } from '../../files/index.ts';
import { analyzeNetwork } from '../../network/analyze.ts';
import { chain } from '../../network/testDocs.ts';
import type { NetworkDoc } from '../../network/types.ts';
import { initBackend } from '../../training/backend/initBackend.ts';
import type { Tf } from '../../training/backend/tf.ts';
import { compileModel } from '../../training/compile/compileModel.ts';
import { saveLayersModel } from '../../training/runs/saveModel.ts';
import { loadWeightsIntoModel, readDesignWeights } from '../../weights/index.ts';
import { importTfjsModel } from './importTfjsModel.ts';
import { importModelFile } from '../importModelFile.ts';

/** Every layer kind the engine saves, explicit padding, a frozen layer and a residual block. */
function design(): NetworkDoc {
  const doc = chain(
    [16, 16, 3],
    ['Conv2D', { filters: 4, kernelSize: 3, padding: 1, activation: 'leakyRelu' }, 'c1'],
    ['BatchNorm', { momentum: 0.2 }, 'bn'],
    ['MaxPool2D', { poolSize: 3, strides: 2, padding: 1 }, 'p1'],
    ['LRN', { depthRadius: 1 }, 'lrn'],
    ['Conv2D', { filters: 6, kernelSize: 3, dilation: 2, padding: 2 }, 'c2'],
    ['ResidualBlock', { filters: 8, strides: 2 }, 'res'],
    ['AvgPool2D', { poolSize: 2, padding: 1 }, 'ap'],
    ['Flatten', {}, 'flat'],
    ['Dropout', { rate: 0.3 }, 'drop'],
    ['Dense', { units: 3, activation: 'softmax' }, 'fc'],
  );
  doc.nodes.find((n) => n.id === 'c2')!.frozen = true;
  return doc;
}

let tf: Tf;
let dir: string;
const META = {
  inputShape: [16, 16, 3] as [number, number, number],
  classes: ['a', 'b', 'c'],
  normalization: { mean: [0], std: [1] } as never,
  outputsLogits: false,
};

beforeAll(async () => {
  ({ tf } = await initBackend('cpu'));
  dir = mkdtempSync(join(tmpdir(), 'netd-tfjs-import-'));
});

async function saved(doc: NetworkDoc, name: string): Promise<{ path: string; predict: number[] }> {
  const compiled = compileModel(tf, doc);
  for (const l of compiled.model.layers)
    if (doc.nodes.find((n) => n.id === l.name)?.frozen) l.trainable = false;
  const folder = join(dir, name);
  await saveLayersModel(tf, compiled.model, folder, META);
  const x = tf.randomNormal([2, ...compiled.inputShape], 0, 1, 'float32', 7);
  const y = compiled.model.predict(x) as Tensor;
  const predict = Array.from(await y.data());
  tf.dispose([x, y]);
  compiled.model.dispose();
  return { path: join(folder, 'model.json'), predict };
}

describe('importing a TensorFlow.js model NetDesigner saved', () => {
  it('gives the same design, with the residual block recognised and the same outputs', async () => {
    const original = design();
    const { path, predict } = await saved(original, 'net');
    const imported = await importTfjsModel(path);
    expect(imported.notes).toEqual(['1 ResidualBlock']);
    expect(imported.doc.nodes.map((n) => n.type)).toEqual(original.nodes.map((n) => n.type));
    const c1 = imported.doc.nodes.find((n) => n.id === 'c1')!;
    expect(c1.params).toMatchObject({ padding: 1, activation: 'leakyRelu' });
    expect(imported.doc.nodes.find((n) => n.id === 'bn')!.params).toMatchObject({ momentum: 0.2 });
    expect(imported.doc.nodes.find((n) => n.id === 'c2')!.frozen).toBe(true);
    expect(analyzeNetwork(imported.doc).totals).toEqual(analyzeNetwork(original).totals);

    const compiled = compileModel(tf, imported.doc);
    loadWeightsIntoModel(tf, compiled, imported.doc, imported.weights);
    const x = tf.randomNormal([2, 16, 16, 3], 0, 1, 'float32', 7);
    const y = compiled.model.predict(x) as Tensor;
    const again = Array.from(await y.data());
    tf.dispose([x, y]);
    compiled.model.dispose();
    for (let i = 0; i < predict.length; i++)
      expect(Math.abs(again[i]! - predict[i]!)).toBeLessThan(1e-6);
  });

  it('netd import model.json writes the design and its weights sidecar', async () => {
    const { path } = await saved(design(), 'cli');
    const out = join(dir, 'cli.netd.json');
    const ctx = captureContext();
    expect(await main(['import', path, '-o', out], ctx)).toBe(0);
    expect(ctx.stdout()).toMatch(/^wrote .*cli\.netd\.json and .*cli\.weights\.safetensors/);
    const doc = await readNetworkFile(out);
    expect((await readDesignWeights(out))!.size).toBeGreaterThan(0);
    expect(doc.nodes.some((n) => n.type === 'ResidualBlock')).toBe(true);
  });

  it('File → Import… of a model.json writes the design, named after its folder, and its weights', async () => {
    const { path } = await saved(design(), 'menu');
    const imported = await importModelFile(path);
    expect(imported.path).toBe(join(dir, 'menu', 'menu.netd.json'));
    expect(imported.notes).toEqual(['1 ResidualBlock']);
    expect((await readDesignWeights(imported.path))!.size).toBeGreaterThan(0);
    expect((await readNetworkFile(imported.path)).nodes.length).toBe(imported.doc.nodes.length);
  });

  const broken: [string, (folder: string) => void, RegExp][] = [
    [
      'a layer NetDesigner cannot express',
      (f) =>
        edit(f, (m) =>
          m.replace('"GlobalAveragePooling2D"', '"Conv3D"').replace('"Flatten"', '"Conv3D"'),
        ),
      /layer 'flat' is a Conv3D, which NetDesigner cannot express/,
    ],
    [
      'truncated weights',
      (f) =>
        writeFileSync(
          join(f, 'weights.bin'),
          readFileSync(join(f, 'weights.bin')).subarray(0, 100),
        ),
      /the weights files hold 100 bytes but the manifest describes \d+/,
    ],
    [
      'a missing weights file',
      (f) => edit(f, (m) => m.replace('./weights.bin', './gone.bin')),
      /gone\.bin: the weights file named in model\.json cannot be read \(ENOENT\)/,
    ],
    [
      'a weights path outside the folder',
      (f) => edit(f, (m) => m.replace('./weights.bin', '../../etc/passwd')),
      /weights path '\.\.\/\.\.\/etc\/passwd' leaves the model's folder/,
    ],
    [
      'a weights file that is a FIFO (never read, never waited on)',
      (f) => {
        rmSync(join(f, 'weights.bin'));
        execFileSync('mkfifo', [join(f, 'weights.bin')]);
      },
      /weights\.bin: not a regular file/,
    ],
    [
      'a file that is not JSON',
      (f) => writeFileSync(join(f, 'model.json'), '{"modelTopology": '),
      /model\.json: not valid JSON/,
    ],
    [
      'JSON that is not a layers model',
      (f) => writeFileSync(join(f, 'model.json'), '{"format": "graph-model"}'),
      /not a TensorFlow\.js layers model \(modelTopology/,
    ],
  ];
  const edit = (folder: string, fn: (text: string) => string): void => {
    const p = join(folder, 'model.json');
    writeFileSync(p, fn(readFileSync(p, 'utf8')));
  };
  it.each(broken)('refuses %s with one clear line (exit 2)', async (name, breakIt, message) => {
    const { path } = await saved(
      chain(
        [8, 8, 1],
        ['Conv2D', { filters: 2, kernelSize: 3 }, 'c'],
        ['Flatten', {}, 'flat'],
        ['Dense', { units: 2 }, 'fc'],
      ),
      name.replace(/\W+/g, '-'),
    );
    breakIt(join(path, '..'));
    const ctx = captureContext();
    expect(await main(['import', path, '-o', join(dir, 'x.netd.json')], ctx)).toBe(2);
    expect(ctx.stderr()).toMatch(message);
    expect(ctx.stderr().trim().split('\n')).toHaveLength(1);
  });
});
