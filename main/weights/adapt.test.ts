/**
 * Fine-tuning what you imported, end to end on the tfjs engine: a network with weights for another
 * task, everything but the classifier frozen, adapted to the data's 4 classes (the classifier is
 * re-initialised and named), trained a few epochs: frozen weights unchanged bit for bit, the head
 * trained, accuracy above chance.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designToOnnx } from '../interchange/onnx/export/designToOnnx.ts';
import { importOnnx } from '../interchange/onnx/import/importOnnx.ts';
import { bnNet } from '../network/testDocs.ts';
import type { NetworkDoc } from '../network/types.ts';
import { removeTempDirs, tempDir } from '../training/data/testing/fixtures.ts';
import { createRunStore } from '../training/runs/runStore.ts';
import { runTraining } from '../training/trainer/runTraining.ts';
import type { TrainingEvent, TrainingRequest } from '../training/types.ts';
import { adaptWithWeights, continueFromRun, refitWeights } from './adapt.ts';
import {
  checkWeights,
  readDesignWeights,
  readWeightsFile,
  runWeightsPath,
  writeDesignWeights,
} from './index.ts';

afterAll(removeTempDirs);

const design = (classes: number) => bnNet({ classes, head: 'pool-flatten' });

const store = createRunStore(tempDir('netd-adapt-'));
async function train(runId: string, doc: NetworkDoc, epochs: number, weights?: string) {
  const req: TrainingRequest & { runId: string } = {
    runId,
    doc,
    data: 'synthetic',
    options: {
      epochs,
      batchSize: 16,
      learningRate: 0.01,
      limit: 320,
      testLimit: 80,
      seed: 5,
      backend: 'wasm',
    },
    ...(weights ? { weights } : {}),
  };
  const events: TrainingEvent[] = [];
  await runTraining(req, (e) => events.push(e), { stopped: false }, store.create(runId, req));
  const done = events.at(-1)!;
  if (done.event !== 'done') throw new Error(JSON.stringify(done));
  return done;
}

describe('fine-tuning an imported network', () => {
  it('freeze all but the classifier, adapt to 4 classes, train: frozen unchanged, head trained, above chance', async () => {
    // A network with learnt features and a 10-class head, as found elsewhere: an ONNX file.
    expect((await train('features', design(4), 6)).testAccuracy).toBeGreaterThan(0.6);
    const dir = tempDir('netd-adapt-design-');
    const file = join(dir, 'imported.netd.json');
    await continueFromRun(file, design(4), join(store.dir, 'features'));
    const trained = (await readDesignWeights(file))!;
    const tenClasses = refitWeights(design(10), trained).weights;
    const onnxPath = join(dir, 'found.onnx');
    writeFileSync(onnxPath, designToOnnx(design(10), tenClasses));
    // Imported: the design and its weights come from the ONNX file.
    const { doc: imported, weights: importedWeights } = await importOnnx(onnxPath);
    expect(checkWeights(imported, importedWeights)).toEqual([]);

    for (const n of imported.nodes) if (n.id !== 'fc' && n.type !== 'Input') n.frozen = true;
    const adapted = adaptWithWeights(imported, importedWeights, { classes: 4 });
    expect(adapted.reinitialised).toEqual(['fc']);
    expect(adapted.message).toContain(
      "Weights kept except for 'fc', re-initialised because its shape changed.",
    );
    expect(adapted.doc.nodes.filter((n) => n.frozen).map((n) => n.id)).toEqual([
      'c1',
      'bn',
      'act',
      'pool',
      'c2',
      'pool2',
      'flat',
    ]);
    await writeDesignWeights(file, adapted.weights);

    const done = await train('tuned', adapted.doc, 4, join(dir, 'imported.weights.safetensors'));
    expect(done.testAccuracy).toBeGreaterThan(0.4);
    const after = (await readWeightsFile(runWeightsPath(join(store.dir, 'tuned')))).tensors;
    for (const [name, t] of adapted.weights) {
      const same = Buffer.from(after.get(name)!.data.buffer).equals(Buffer.from(t.data.buffer));
      expect(same, name).toBe(!name.startsWith('fc/'));
    }
  });

  it('continuing from a run refuses weights that do not fit, naming them', async () => {
    const file = join(tempDir('netd-adapt-refuse-'), 'x.netd.json');
    await expect(continueFromRun(file, design(7), join(store.dir, 'features'))).rejects.toThrow(
      "'fc/kernel' has shape [256, 4] but the design expects [256, 7]",
    );
  });
});
