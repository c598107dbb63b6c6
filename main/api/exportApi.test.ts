/**
 * *Export* and *Continue from this run* through the API, as a host calls them: files land where
 * the user chose, nothing is overwritten without consent, a run's weights travel with the export,
 * and continuing from a run makes its weights the design's own.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshWeights } from '../interchange/onnx/export/freshWeights.ts';
import {
  HAS_ONNX_PY,
  maxAbsDiff,
  onnxCheck,
  randomInput,
  runOrt,
} from '../interchange/onnx/testing/runtimes.ts';
import { readDesignWeights, runWeightsPath, writeWeightsFile } from '../weights/index.ts';
import type { ExportDesignResult, NetdApi } from './contract.ts';
import { createApi } from './createApi.ts';
import { dispatchApiCall } from './dispatch.ts';
import { tinyDoc } from '../network/testDocs.ts';

let base: string;
let homeDir: string;
let runsDir: string;
let api: NetdApi;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'netd-export-api-'));
  homeDir = join(base, 'files');
  runsDir = join(base, 'home', 'runs');
  await mkdir(homeDir);
  api = createApi({ host: 'web', homeDir, dataDir: join(base, 'home') });
});
afterEach(() => rm(base, { recursive: true, force: true }));

type Reply<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

async function call<T>(channel: string, payload?: unknown): Promise<Reply<T>> {
  return (await dispatchApiCall(api, channel, payload, () => undefined)) as Reply<T>;
}

async function exported(payload: Record<string, unknown>): Promise<ExportDesignResult> {
  const reply = await call<ExportDesignResult>('export:design', {
    doc: tinyDoc(),
    designPath: null,
    ...payload,
  });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result;
}

/** A finished run whose weights differ from a fresh initialisation (seed 7, not 0). */
async function runWithWeights(runId: string): Promise<void> {
  await mkdir(join(runsDir, runId), { recursive: true });
  await writeWeightsFile(runWeightsPath(join(runsDir, runId)), freshWeights(tinyDoc(), 7));
}

const INPUT = randomInput(3 * 32 * 32);
const DIMS = [1, 3, 32, 32];

describe('export:design', () => {
  it('writes an ONNX model where asked and reports the path', async () => {
    const result = await exported({ to: 'onnx', out: 'out/tiny.onnx' }).catch((e: Error) => e);
    expect(String(result)).toMatch(/Folder '.*out' does not exist/);

    await mkdir(join(homeDir, 'out'));
    const done = await exported({ to: 'onnx', out: 'out/tiny.onnx' });
    const path = join(homeDir, 'out', 'tiny.onnx');
    expect(done).toMatchObject({ written: true, paths: [path] });
    if (done.written) expect(done.message).toContain(`wrote ${path} (ONNX opset`);
    // Nothing else is left in the folder (the staging folder is gone).
    expect(await readdir(join(homeDir, 'out'))).toEqual(['tiny.onnx']);
    const logits = await runOrt(path, INPUT, DIMS);
    expect(logits).toHaveLength(10);
    if (HAS_ONNX_PY) expect(onnxCheck(path)).toBe('');
  });

  it('never replaces an existing file unless the user confirmed', async () => {
    const path = join(homeDir, 'tiny.onnx');
    await writeFile(path, 'keep me');
    expect(await exported({ to: 'onnx', out: 'tiny.onnx' })).toEqual({
      written: false,
      existing: [path],
    });
    expect(await readFile(path, 'utf8')).toBe('keep me');
    expect(await readdir(homeDir)).toEqual(['tiny.onnx']);

    expect(await exported({ to: 'onnx', out: 'tiny.onnx', overwrite: true })).toMatchObject({
      written: true,
      paths: [path],
    });
    expect((await readFile(path)).length).toBeGreaterThan(1000);
  });

  it('writes PyTorch code, with train.py when asked, and Keras code', async () => {
    const torch = await exported({ to: 'pytorch', out: 'model.py', withTraining: true });
    expect(torch).toMatchObject({
      written: true,
      paths: [join(homeDir, 'model.py'), join(homeDir, 'train.py')],
    });
    expect(await readFile(join(homeDir, 'model.py'), 'utf8')).toMatch(/class \w+\(nn\.Module\)/);

    const keras = await exported({ to: 'keras', out: 'tiny_keras.py' });
    expect(keras).toMatchObject({ written: true, paths: [join(homeDir, 'tiny_keras.py')] });
    expect(await readFile(join(homeDir, 'tiny_keras.py'), 'utf8')).toMatch(/keras/);
  });

  it("exports with a run's weights: the model computes what those weights compute", async () => {
    await runWithWeights('run-7');
    const fresh = await exported({ to: 'onnx', out: 'fresh.onnx' });
    const trained = await exported({ to: 'onnx', out: 'run.onnx', runId: 'run-7' });
    if (trained.written) expect(trained.message).toContain('the weights of run run-7');
    const a = await runOrt(join(homeDir, 'fresh.onnx'), INPUT, DIMS);
    const b = await runOrt(join(homeDir, 'run.onnx'), INPUT, DIMS);
    expect(fresh.written && trained.written).toBe(true);
    expect(maxAbsDiff(a, b)).toBeGreaterThan(1e-4);

    // PyTorch code with a run: the weights file its pretrained() loads is written beside it.
    const torch = await exported({ to: 'pytorch', out: 'model.py', runId: 'run-7' });
    expect(torch).toMatchObject({
      written: true,
      paths: [join(homeDir, 'model.py'), join(homeDir, 'model.weights.safetensors')],
    });

    const missing = await call('export:design', {
      doc: tinyDoc(),
      designPath: null,
      to: 'onnx',
      out: 'x.onnx',
      runId: 'no-such-run',
    });
    expect(missing.ok).toBe(false);
    expect(await readdir(homeDir)).not.toContain('x.onnx');
  });

  it('refuses a design with errors, naming the node', async () => {
    const doc = tinyDoc();
    doc.nodes[1]!.params = { filters: 0, kernelSize: 3 };
    const reply = await call('export:design', {
      doc,
      designPath: null,
      to: 'onnx',
      out: 'x.onnx',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/c1/);
  });
});

describe('runs:continue', () => {
  it("makes the run's weights the design's own, so exporting the design gives the run's model", async () => {
    await runWithWeights('run-7');
    const designPath = join(homeDir, 'tiny.netd.json');
    expect(await call('files:weights', { path: 'tiny.netd.json' })).toEqual({
      ok: true,
      result: { weightsPath: null },
    });
    const reply = await call<{ weightsPath: string }>('runs:continue', {
      runId: 'run-7',
      doc: tinyDoc(),
      path: 'tiny.netd.json',
    });
    expect(reply).toEqual({
      ok: true,
      result: { weightsPath: join(homeDir, 'tiny.weights.safetensors') },
    });
    // What the training form asks before a run: this design now starts from those weights.
    expect(await call('files:weights', { path: 'tiny.netd.json' })).toEqual({
      ok: true,
      result: { weightsPath: join(homeDir, 'tiny.weights.safetensors') },
    });
    const own = await readDesignWeights(designPath);
    expect([...own!.keys()].sort()).toEqual([...freshWeights(tinyDoc(), 7).keys()].sort());

    await exported({ to: 'onnx', out: 'run.onnx', runId: 'run-7' });
    await exported({ to: 'onnx', out: 'own.onnx', designPath });
    const a = await runOrt(join(homeDir, 'run.onnx'), INPUT, DIMS);
    const b = await runOrt(join(homeDir, 'own.onnx'), INPUT, DIMS);
    expect(maxAbsDiff(a, b)).toBe(0);
  });

  it('refuses weights that do not fit the design, naming the tensor; nothing is written', async () => {
    await runWithWeights('run-7');
    const doc = tinyDoc();
    doc.nodes[3]!.params = { units: 4, activation: 'softmax' };
    const reply = await call('runs:continue', { runId: 'run-7', doc, path: 'tiny.netd.json' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'file-error' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/fc/);
    expect(await readdir(homeDir)).toEqual([]);

    const none = await call('runs:continue', { runId: 'no-run', doc, path: 'tiny.netd.json' });
    expect(none.ok).toBe(false);
  });
});
