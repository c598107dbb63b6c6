/**
 * *File → Import…* through the API, as a host calls it: the design and its weights land beside
 * the model, nothing is overwritten, the design opens as a recent file, and a model that cannot
 * be imported is one clear error with nothing written.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportedModelFile } from '../api/contract.ts';
import { createApi } from '../api/createApi.ts';
import { dispatchApiCall } from '../api/dispatch.ts';
import type { NetdApi } from '../api/contract.ts';
import { analyzeNetwork } from '../network/analyze.ts';
import { checkWeights, readDesignWeights } from '../weights/index.ts';
import { encode, tinyModel } from './onnx/testing/tinyModel.ts';
import { maxAbsDiff, nchwToNhwc, randomInput, runOrt, runTfjs } from './onnx/testing/runtimes.ts';

let base: string;
let homeDir: string;
let api: NetdApi;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'netd-import-api-'));
  homeDir = join(base, 'files');
  await mkdir(homeDir);
  api = createApi({ host: 'web', homeDir, dataDir: join(base, 'home') });
});
afterEach(() => rm(base, { recursive: true, force: true }));

async function call<T>(channel: string, payload?: unknown) {
  const reply = await dispatchApiCall(api, channel, payload, () => undefined);
  return reply as { ok: true; result: T } | { ok: false; error: { code: string; message: string } };
}

describe('files:import', () => {
  it('writes the design and its weights beside the model and computes what the model computes', async () => {
    const bytes = encode(tinyModel());
    await writeFile(join(homeDir, 'tiny.onnx'), bytes);
    const reply = await call<ImportedModelFile>('files:import', { path: 'tiny.onnx' });
    if (!reply.ok) throw new Error(reply.error.message);
    const { path, doc, weightsPath } = reply.result;
    expect(path).toBe(join(homeDir, 'tiny.netd.json'));
    expect(weightsPath).toBe(join(homeDir, 'tiny.weights.safetensors'));
    expect(doc.nodes.map((n) => n.type)).toEqual([
      'Input',
      'Conv2D',
      'MaxPool2D',
      'Flatten',
      'Dense',
    ]);
    expect(analyzeNetwork(doc).totals.trainableParams).toBe(4 * 3 * 9 + 4 + 64 * 3 + 3);
    const weights = (await readDesignWeights(path))!;
    expect(checkWeights(doc, weights)).toEqual([]);
    // The NCHW flatten before the Gemm: the imported Dense reads the design's H·W·C order.
    const x = randomInput(2 * 3 * 8 * 8);
    const onnx = await runOrt(bytes, x, [2, 3, 8, 8]);
    const engine = await runTfjs(doc, weights, nchwToNhwc(x, [2, 3, 8, 8]), [2, 8, 8, 3]);
    expect(maxAbsDiff(onnx, engine)).toBeLessThanOrEqual(1e-5);

    const recent = (await call<{ path: string }[]>('files:recent')) as {
      ok: true;
      result: { path: string }[];
    };
    expect(recent.result.map((r) => r.path)).toEqual([path]);
    const again = await call<ImportedModelFile>('files:import', { path: 'tiny.onnx' });
    expect(again.ok && again.result.path).toBe(join(homeDir, 'tiny-2.netd.json'));
  });

  it('lists ONNX models in the file browser', async () => {
    await writeFile(join(homeDir, 'm.onnx'), encode(tinyModel()));
    const reply = await call<{ entries: { name: string }[] }>('files:list', { dir: homeDir });
    expect(reply.ok && reply.result.entries.map((e) => e.name)).toEqual(['m.onnx']);
  });

  it('answers a model it cannot import with the importer’s sentence and writes nothing', async () => {
    const m = tinyModel();
    m.graph!.node[1]!.opType = 'Resize';
    await writeFile(join(homeDir, 'bad.onnx'), encode(m));
    const reply = await call('files:import', { path: 'bad.onnx' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('file-error');
    expect(reply.error.message).toMatch(
      /^node '\/relu\/Relu' \(Resize\): has no NetDesigner layer/,
    );
    expect(await readdir(homeDir)).toEqual(['bad.onnx']);
  });
});
