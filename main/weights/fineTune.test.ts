/**
 * Fine-tuning on the tfjs engine: a run's weights by node id, training that starts from them,
 * frozen layers left bit-for-bit as they were, and weights that do not fit refused by name.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, removeTempDirs } from '../training/data/testing/fixtures.ts';
import { initBackend } from '../training/backend/initBackend.ts';
import { compileModel } from '../training/compile/compileModel.ts';
import { createRunStore } from '../training/runs/runStore.ts';
import { runTraining } from '../training/trainer/runTraining.ts';
import type { TrainingEvent, TrainingRequest } from '../training/types.ts';
import { bnNet } from '../network/testDocs.ts';
import type { NetworkDoc } from '../network/types.ts';
import { listTemplates, buildTemplate } from '../templates/index.ts';
import { expectedWeights, readWeightsFile, runWeightsPath, readWeightsFromModel } from './index.ts';

afterAll(removeTempDirs);

const store = createRunStore(tempDir('netd-finetune-'));
const OPTIONS = {
  batchSize: 16,
  learningRate: 0.01,
  limit: 320,
  testLimit: 80,
  seed: 3,
  backend: 'wasm' as const,
};

async function train(
  runId: string,
  doc: NetworkDoc,
  epochs: number,
  weights?: string,
): Promise<TrainingEvent[]> {
  const req: TrainingRequest & { runId: string } = {
    runId,
    doc,
    data: 'synthetic',
    options: { ...OPTIONS, epochs },
    ...(weights ? { weights } : {}),
  };
  const events: TrainingEvent[] = [];
  await runTraining(req, (e) => events.push(e), { stopped: false }, store.create(runId, req));
  return events;
}

const firstLoss = (events: TrainingEvent[]): number => {
  const b = events.find((e) => e.event === 'batch');
  if (!b || b.event !== 'batch') throw new Error(`no batch: ${JSON.stringify(events.at(-1))}`);
  return b.loss;
};

describe('fine-tuning on the tfjs engine', () => {
  let trained = '';
  let baseLoss = NaN;

  it('saves a run’s weights by node id, fitting the design', async () => {
    const events = await train('base', bnNet(), 4);
    expect(events.at(-1)).toMatchObject({ event: 'done' });
    const done = events.at(-1)!;
    baseLoss = done.event === 'done' ? done.trainLoss : NaN;
    trained = runWeightsPath(join(store.dir, 'base'));
    const { tensors } = await readWeightsFile(trained);
    expect([...tensors.keys()]).toEqual(expectedWeights(bnNet()).map((s) => s.name));
  });

  it('continues from a run’s weights: the first batch’s loss is far below a fresh start’s', async () => {
    const fresh = firstLoss(await train('fresh', bnNet(), 1));
    const continued = firstLoss(await train('continued', bnNet(), 1, trained));
    // Starts where the base run ended (its last epoch's mean loss), well below a fresh network.
    expect(continued).toBeLessThan(fresh - 0.25);
    expect(continued).toBeLessThan(baseLoss + 0.25);
  });

  it('leaves frozen layers bit-for-bit unchanged (BatchNorm statistics included) and trains the rest', async () => {
    const frozen = bnNet({ frozen: ['c1', 'bn', 'c2'] });
    const events = await train('frozen', frozen, 2, trained);
    expect(events.at(-1)).toMatchObject({ event: 'done' });
    const before = (await readWeightsFile(trained)).tensors;
    const after = (await readWeightsFile(runWeightsPath(join(store.dir, 'frozen')))).tensors;
    for (const name of [
      'c1/kernel',
      'c1/bias',
      'bn/gamma',
      'bn/beta',
      'bn/moving_mean',
      'bn/moving_variance',
      'c2/kernel',
    ]) {
      const a = new Uint32Array(before.get(name)!.data.buffer);
      const b = new Uint32Array(after.get(name)!.data.buffer);
      expect(b, name).toEqual(a);
    }
    expect(after.get('fc/kernel')!.data).not.toEqual(before.get('fc/kernel')!.data);
  });

  it('refuses weights that do not fit, naming each tensor', async () => {
    const wider = bnNet();
    (wider.nodes.find((n) => n.id === 'c2')!.params as { filters: number }).filters = 12;
    const events = await train('misfit', wider, 1, trained);
    const last = events.at(-1)!;
    expect(last.event).toBe('failed');
    expect(last.event === 'failed' && last.message).toContain(
      "'c2/kernel' has shape [3, 3, 8, 16] but the design expects [3, 3, 8, 12]; 'c2/bias' has shape [16] but the design expects [12]; 'fc/kernel' has shape [16, 4] but the design expects [12, 4]",
    );
  });
});

describe('the weights layout matches the compiled tfjs model', () => {
  // The deep ResNets and VGGs repeat what their smaller siblings check, at several times the cost.
  const ids = listTemplates()
    .map((t) => t.id)
    .filter((id) => !['resnet101', 'resnet152', 'vgg13', 'vgg16', 'vgg19'].includes(id));
  it.each(ids)('%s (at 32×32×3, 10 classes)', async (id) => {
    const { tf } = await initBackend('cpu');
    const { doc } = buildTemplate(id, { input: [32, 32, 3], classes: 10 });
    const compiled = compileModel(tf, doc);
    try {
      const specs = expectedWeights(doc);
      const read = readWeightsFromModel(compiled, doc);
      expect([...read.values()].map((t) => t.shape)).toEqual(specs.map((s) => s.shape));
      const total = specs.reduce((a, s) => a + s.shape.reduce((x, y) => x * y, 1), 0);
      expect(total).toBe(compiled.model.countParams());
    } finally {
      compiled.model.dispose();
    }
  });
});
