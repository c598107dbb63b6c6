/**
 * `netd train --adapt` on a design that carries weights: the design is adapted, every weight that
 * still fits is kept, the message names the re-initialised layers, and training starts from the
 * refitted weights — the design's own sidecar is left as it was.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshWeights } from '../../interchange/onnx/export/freshWeights.ts';
import { readWeightsFile, weightsPathFor, writeDesignWeights } from '../../weights/index.ts';
import { tempDir, removeTempDirs } from '../data/testing/fixtures.ts';
import { convPoolNet } from '../../network/testDocs.ts';
import { adaptWithSidecar } from './adaptWithSidecar.ts';
import { netdTrain as netd } from './testing.ts';

afterAll(removeTempDirs);

/** A 10-class design with weights (its sidecar), to be adapted to 4-class synthetic data. */
async function designWithWeights(): Promise<string> {
  const file = join(tempDir('netd-adapt-'), 'tiny.netd.json');
  const doc = convPoolNet([16, 16, 1], 10);
  writeFileSync(file, JSON.stringify(doc));
  await writeDesignWeights(file, freshWeights(doc, 7));
  return file;
}

describe('netd train --adapt on a design with weights', () => {
  it('keeps the weights that fit, names the re-initialised layer, and leaves the sidecar alone', async () => {
    const file = await designWithWeights();
    const before = readFileSync(weightsPathFor(file));
    const r = await netd([
      'train',
      file,
      '--data',
      'synthetic',
      '--adapt',
      '--epochs',
      '1',
      '--limit',
      '32',
      '--test-limit',
      '8',
      '--backend',
      'wasm',
      '--out',
      tempDir(),
    ]);
    expect(r.err).toMatch(
      /^Adapted to 4 classes: \S+ \(Dense\) units 10 → 4\. Weights kept except for '\S+', re-initialised because its shape changed\.\n/,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Training on synthetic \(4 classes/);
    expect(readFileSync(weightsPathFor(file)).equals(before)).toBe(true);
  });

  it('refits bit for bit what still fits and removes its scratch file when done', async () => {
    const file = await designWithWeights();
    const doc = convPoolNet([16, 16, 1], 10);
    const own = freshWeights(doc, 7);
    const adapted = await adaptWithSidecar(file, doc, { classes: 4 });
    expect(adapted.weights).not.toBeNull();
    const refit = (await readWeightsFile(adapted.weights!)).tensors;
    let kept = 0;
    for (const [name, t] of refit) {
      const old = own.get(name)!;
      if (old.shape.join() === t.shape.join()) {
        expect(Buffer.from(t.data.buffer).equals(Buffer.from(old.data.buffer))).toBe(true);
        kept++;
      }
    }
    expect(kept).toBe(refit.size - 2); // the classifier's kernel and bias start afresh
    await adapted.dispose();
    expect(existsSync(adapted.weights!)).toBe(false);
  });
});
