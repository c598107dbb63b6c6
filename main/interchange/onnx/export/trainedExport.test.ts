/**
 * A design trained here for a few epochs, exported to ONNX with its run's weights, computes in
 * onnxruntime the logits the app's own engine computes with those weights.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bnNet } from '../../../network/testDocs.ts';
import { removeTempDirs, tempDir } from '../../../training/data/testing/fixtures.ts';
import { createRunStore } from '../../../training/runs/runStore.ts';
import { runTraining } from '../../../training/trainer/runTraining.ts';
import type { TrainingEvent, TrainingRequest } from '../../../training/types.ts';
import { readWeightsFile, runWeightsPath } from '../../../weights/index.ts';
import { maxAbsDiff, nchwToNhwc, randomInput, runOrt, runTfjs } from '../testing/runtimes.ts';
import { designToOnnx } from './designToOnnx.ts';
import { freshWeights } from './freshWeights.ts';

afterAll(removeTempDirs);

describe('ONNX export of a trained run', () => {
  it('gives in onnxruntime the same logits as the app’s engine on the same images', async () => {
    const doc = bnNet({ head: 'flatten' });
    const store = createRunStore(tempDir('netd-onnx-trained-'));
    const req: TrainingRequest & { runId: string } = {
      runId: 'trained',
      doc,
      data: 'synthetic',
      options: { epochs: 3, batchSize: 16, limit: 320, testLimit: 80, seed: 5, backend: 'wasm' },
    };
    const events: TrainingEvent[] = [];
    await runTraining(req, (e) => events.push(e), { stopped: false }, store.create('trained', req));
    const done = events.at(-1);
    expect(done).toMatchObject({ event: 'done' });
    // It learned something: better than chance on 4 classes.
    expect(done?.event === 'done' ? done.testAccuracy : 0).toBeGreaterThan(0.3);

    const { tensors } = await readWeightsFile(runWeightsPath(join(store.dir, 'trained')));
    // Trained weights, not a fresh initialisation (and BatchNorm statistics moved).
    const fresh = freshWeights(doc, 5);
    expect(
      maxAbsDiff(tensors.get('fc/kernel')!.data, fresh.get('fc/kernel')!.data),
    ).toBeGreaterThan(1e-3);
    expect(maxAbsDiff(tensors.get('bn/moving_mean')!.data, new Float32Array(8))).toBeGreaterThan(0);

    const nchw = randomInput(4 * 3 * 16 * 16, 11);
    const onnx = await runOrt(designToOnnx(doc, tensors), nchw, [4, 3, 16, 16]);
    const tfjs = await runTfjs(doc, tensors, nchwToNhwc(nchw, [4, 3, 16, 16]), [4, 16, 16, 3]);
    expect(onnx).toHaveLength(4 * 4);
    expect(maxAbsDiff(onnx, tfjs)).toBeLessThanOrEqual(1e-4);
  }, 180_000);
});
