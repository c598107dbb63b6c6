/**
 * The Keras export for every template: the file compiles (python3 -m py_compile), and run against
 * a shape-only Keras stand-in its layers, output and parameter counts are the design's, and the
 * weights NetDesigner saves load into it by name with matching shapes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { captureContext } from '../../cli/testing.ts';
import { writeNetworkFile } from '../../files/index.ts';
import { analyzeNetwork } from '../../network/analyze.ts';
import { expandComposites } from '../../network/expand.ts';
import { chain } from '../../network/testDocs.ts';
import { buildTemplate, listTemplates } from '../../templates/index.ts';
import { expectedWeights, writeDesignWeights, type Weights } from '../../weights/index.ts';
import { PYTHON, pythonHas } from '../../weights/testing.ts';
import { generateKeras, kerasLayerName } from './generateKeras.ts';

const STUB = fileURLToPath(new URL('./testing/run_with_stub.py', import.meta.url));
const hasPython = pythonHas('numpy');
const dir = mkdtempSync(join(tmpdir(), 'netd-keras-'));

interface StubLayer {
  name: string;
  class: string;
  trainable: number;
  nonTrainable: number;
  frozen: boolean;
  loaded: boolean;
}

function python(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PYTHON, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runStub(file: string, weights?: string): { output: number[]; layers: StubLayer[] } {
  const r = python([STUB, file, ...(weights ? [weights] : [])]);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { output: number[]; layers: StubLayer[] };
}

/** Weights that fit the design (values do not matter to the shape-only stand-in). */
function zeros(doc: Parameters<typeof expectedWeights>[0]): Weights {
  return new Map(
    expectedWeights(doc).map((s) => [
      s.name,
      { shape: s.shape, data: new Float32Array(s.shape.reduce((a, b) => a * b, 1)) },
    ]),
  );
}

describe.skipIf(!hasPython)('Keras export of every template', () => {
  it.each(listTemplates().map((t) => t.id))('%s', async (id) => {
    const { doc } = buildTemplate(id);
    const analysis = analyzeNetwork(doc);
    const file = join(dir, `${id}.py`);
    const weights = join(dir, `${id}.weights.safetensors`);
    const keras = generateKeras(doc, analysis, {
      sourceFile: `${id}.netd.json`,
      weightsFile: `${id}.weights.safetensors`,
    });
    writeFileSync(file, keras.source);
    expect(python(['-m', 'py_compile', file]).status).toBe(0);

    // Loading checks every weight's layout; the 60–140M-parameter classics repeat it at length.
    const load = analysis.totals.trainableParams < 30e6;
    if (load) await writeDesignWeights(join(dir, `${id}.netd.json`), zeros(doc));
    const stub = runStub(file, load ? weights : undefined);
    const classes = analysis.nodes[analysis.order.at(-1)!]!.outputShape;
    expect(stub.output).toEqual(classes);
    expect(stub.layers.reduce((a, l) => a + l.trainable, 0)).toBe(analysis.totals.trainableParams);
    expect(stub.layers.reduce((a, l) => a + l.nonTrainable, 0)).toBe(
      analysis.totals.nonTrainableParams,
    );
    // One Keras layer per layer of the design (blocks expanded), named after its node id.
    const flat = expandComposites(doc);
    const names = new Set(stub.layers.map((l) => l.name));
    for (const n of flat.nodes)
      if (n.type !== 'Input') expect(names).toContain(kerasLayerName(n.id));
    const weighted = stub.layers.filter((l) => l.trainable + l.nonTrainable > 0);
    expect(weighted.map((l) => l.name).sort()).toEqual([...keras.weightLayers].sort());
    expect(weighted.every((l) => l.loaded)).toBe(load);
  });
});

describe.skipIf(!hasPython)('netd export --to keras', () => {
  const design = chain(
    [28, 28, 1],
    ['Conv2D', { filters: 8, kernelSize: 5, padding: 2, activation: 'leakyRelu' }, 'c1'],
    ['MaxPool2D', { poolSize: 3, strides: 2, padding: 1 }, 'p1'],
    ['LRN', {}, 'lrn'],
    ['Conv2D', { filters: 16, kernelSize: 3, dilation: 2 }, 'c2'],
    ['AvgPool2D', { poolSize: 3, strides: 2, padding: 1 }, 'p2'],
    ['Flatten', {}, 'flat'],
    ['Dropout', { rate: 0.25 }, 'drop'],
    ['Dense', { units: 10 }, 'fc'],
  );

  it('writes every layer kind with its padding rule, and marks frozen layers', async () => {
    design.nodes[1]!.frozen = true;
    const path = join(dir, 'kinds.netd.json');
    await writeNetworkFile(path, design);
    const ctx = captureContext();
    expect(await main(['export', path, '--to', 'keras', '-o', join(dir, 'kinds.py')], ctx)).toBe(0);
    expect(ctx.stderr()).toContain('freshly initialised weights');
    const stub = runStub(join(dir, 'kinds.py'));
    const byName = new Map(stub.layers.map((l) => [l.name, l]));
    // A max pool over negative values pads with −inf, an average pool with zeros (PyTorch's rules).
    expect(byName.get('p1_pad')!.class).toBe('MaxPoolPadding2D');
    expect(byName.get('p2_pad')!.class).toBe('ZeroPadding2D');
    expect(byName.get('c1_act')!.class).toBe('LeakyReLU');
    expect(byName.get('c1')!.frozen).toBe(true);
    expect(byName.get('fc')!.frozen).toBe(false);
    expect(stub.output).toEqual([10]);
    expect(stub.layers.reduce((a, l) => a + l.trainable, 0)).toBe(
      analyzeNetwork(design).totals.trainableParams,
    );
  });

  it('takes the design’s weights along and refuses weights that do not fit', async () => {
    const path = join(dir, 'w.netd.json');
    await writeNetworkFile(path, design);
    await writeDesignWeights(path, zeros(design));
    let ctx = captureContext();
    expect(await main(['export', path, '--to', 'keras'], ctx)).toBe(2);
    expect(ctx.stderr()).toMatch(/^netd export: the weights go into a file beside the model/);
    ctx = captureContext();
    expect(await main(['export', path, '--to', 'keras', '-o', join(dir, 'w.py')], ctx)).toBe(0);
    expect(
      runStub(join(dir, 'w.py'), join(dir, 'w.weights.safetensors')).layers.find(
        (l) => l.name === 'fc',
      )!.loaded,
    ).toBe(true);
    const wrong = zeros(design);
    wrong.set('fc/bias', { shape: [3], data: new Float32Array(3) });
    await writeDesignWeights(path, wrong);
    ctx = captureContext();
    expect(await main(['export', path, '--to', 'keras', '-o', join(dir, 'w.py')], ctx)).toBe(2);
    expect(ctx.stderr()).toContain("'fc/bias' has shape [3] but the design expects [10]");
  });
});
