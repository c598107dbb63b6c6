/**
 * *Adapt to data* through the API on a design with weights: the weights that still fit are kept
 * bit for bit, the message names the re-initialised layer, training gets a refitted file, and the
 * design's own sidecar is left as it was.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshWeights } from '../interchange/onnx/export/freshWeights.ts';
import type { NetworkDoc } from '../network/types.ts';
import {
  checkWeights,
  readWeightsFile,
  weightsPathFor,
  writeDesignWeights,
} from '../weights/index.ts';
import type { NetdApi } from './contract.ts';
import { createApi } from './createApi.ts';
import { dispatchApiCall } from './dispatch.ts';
import { tinyDoc } from '../network/testDocs.ts';

let base: string;
let homeDir: string;
let api: NetdApi;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'netd-adapt-api-'));
  homeDir = join(base, 'files');
  await mkdir(homeDir);
  api = createApi({ host: 'web', homeDir, dataDir: join(base, 'home') });
});
afterEach(() => rm(base, { recursive: true, force: true }));

type AdaptReply =
  | {
      ok: true;
      result: { message: string; weightsPath?: string; reinitialised?: string[] };
    }
  | { ok: false; error: { code: string; message: string } };

describe('network:adapt with the design’s weights', () => {
  it('keeps what fits, names the re-initialised classifier and returns the refitted file', async () => {
    const design = join(homeDir, 'tiny.netd.json');
    const own = freshWeights(tinyDoc(), 7);
    await writeDesignWeights(design, own);
    const sidecar = await readFile(weightsPathFor(design));
    const reply = (await dispatchApiCall(
      api,
      'network:adapt',
      { doc: tinyDoc(), classes: 4, weights: 'tiny.weights.safetensors' },
      () => undefined,
    )) as AdaptReply;
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.result.message).toMatch(
      /fc.*10 → 4.*Weights kept except for 'fc', re-initialised because its shape changed\./,
    );
    expect(reply.result.reinitialised).toEqual(['fc']);
    expect(reply.result.weightsPath).toContain(join(base, 'home', 'adapted-weights'));
    const refit = (await readWeightsFile(reply.result.weightsPath!)).tensors;
    for (const [name, t] of refit) {
      const old = own.get(name)!;
      if (name.startsWith('fc')) expect(t.shape).not.toEqual(old.shape);
      else expect(Buffer.from(t.data.buffer).equals(Buffer.from(old.data.buffer))).toBe(true);
    }
    expect((await readFile(weightsPathFor(design))).equals(sidecar)).toBe(true);
  });

  it('without weights adapts as before, and a missing weights file is one clear error', async () => {
    const plain = (await dispatchApiCall(
      api,
      'network:adapt',
      { doc: tinyDoc(), classes: 4 },
      () => undefined,
    )) as AdaptReply;
    expect(plain.ok && plain.result.weightsPath).toBe(undefined);
    const missing = (await dispatchApiCall(
      api,
      'network:adapt',
      { doc: tinyDoc(), classes: 4, weights: 'nope.weights.safetensors' },
      () => undefined,
    )) as AdaptReply;
    expect(missing).toMatchObject({ ok: false, error: { code: 'file-error' } });
    if (!missing.ok) expect(missing.error.message).toContain('nope.weights.safetensors');
  });
});

describe('files:save with Adapt’s refitted weights', () => {
  it('makes them the design’s sidecar, so the saved design and its weights fit', async () => {
    const design = join(homeDir, 'tiny.netd.json');
    await writeDesignWeights(design, freshWeights(tinyDoc(), 7));
    const adapted = (await dispatchApiCall(
      api,
      'network:adapt',
      { doc: tinyDoc(), classes: 4, weights: 'tiny.weights.safetensors' },
      () => undefined,
    )) as { ok: true; result: { doc: NetworkDoc; weightsPath: string } };
    const saved = await dispatchApiCall(
      api,
      'files:save',
      { path: 'tiny.netd.json', doc: adapted.result.doc, weights: adapted.result.weightsPath },
      () => undefined,
    );
    expect(saved).toMatchObject({ ok: true });
    const sidecar = (await readWeightsFile(weightsPathFor(design))).tensors;
    expect(checkWeights(adapted.result.doc, sidecar)).toEqual([]);
    expect(sidecar.get('fc/kernel')?.shape.at(-1)).toBe(4);
  });

  it('refuses weights that do not fit, naming them, and leaves the design file untouched', async () => {
    const design = join(homeDir, 'tiny.netd.json');
    await writeDesignWeights(design, freshWeights(tinyDoc(), 7));
    const before = await readFile(weightsPathFor(design));
    const adapted = (await dispatchApiCall(
      api,
      'network:adapt',
      { doc: tinyDoc(), classes: 4 },
      () => undefined,
    )) as { ok: true; result: { doc: NetworkDoc } };
    const reply = await dispatchApiCall(
      api,
      'files:save',
      { path: 'tiny.netd.json', doc: adapted.result.doc, weights: 'tiny.weights.safetensors' },
      () => undefined,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'file-error' } });
    expect(JSON.stringify(reply)).toContain('fc');
    await expect(readFile(design)).rejects.toThrow(/ENOENT/);
    expect((await readFile(weightsPathFor(design))).equals(before)).toBe(true);
  });
});
