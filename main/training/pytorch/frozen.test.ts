/**
 * Frozen layers under the PyTorch engine (issue 9): after training, the weights and BatchNorm
 * running statistics of frozen layers — a frozen block freezing every layer inside it — are
 * bit-for-bit what they were, while the other layers trained. Checked through the trainer
 * `netd train` runs and through the standalone train.py of `netd export --with-training`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateModel } from '../../export/pytorch/generateModel.ts';
import { generateTrainScript } from '../../export/pytorch/generateTrainScript.ts';
import { analyzeNetwork } from '../../network/analyze.ts';
import { chain } from '../../network/testDocs.ts';
import type { NetworkDoc } from '../../network/types.ts';
import { PYTORCH_DIR, pythonExecutable, torchUnavailableReason } from './python.ts';

const noTorch = torchUnavailableReason();
const skipped = noTorch ? ` — skipped: ${noTorch}` : '';

/** conv1 and bn1 frozen, a frozen ResidualBlock (its convs and BatchNorms), then a trainable head. */
function design(): NetworkDoc {
  const doc = chain(
    [12, 12, 3],
    ['Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }, 'conv1'],
    ['BatchNorm', {}, 'bn1'],
    ['ResidualBlock', { filters: 8 }, 'res'],
    ['Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }, 'conv2'],
    ['BatchNorm', {}, 'bn2'],
    ['GlobalAvgPool2D', {}, 'gap'],
    ['Dense', { units: 4 }, 'fc'],
  );
  const frozen = new Set(['conv1', 'bn1', 'res']);
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (frozen.has(n.id) ? { ...n, frozen: true } : n)),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'netd-frozen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Trains two epochs on synthetic data; which state entries (by module path) changed. */
function changedAfterTraining(trainer: 'netd_torch' | 'train.py'): {
  changed: Record<string, boolean>;
  modules: Map<string, string>;
} {
  const doc = design();
  const analysis = analyzeNetwork(doc);
  expect(analysis.valid).toBe(true);
  const model = generateModel(doc, analysis);
  writeFileSync(join(dir, 'model.py'), model.source);
  const args = ['-m', 'tests.frozen_check', join(dir, 'model.py'), model.className];
  if (trainer === 'train.py') {
    writeFileSync(join(dir, 'train.py'), generateTrainScript(model, 'model.py'));
    args.push(join(dir, 'train.py'));
  }
  const run = spawnSync(
    pythonExecutable(),
    [...args, '--', '--data', 'synthetic', '--epochs', '2', '--limit', '96', '--test-limit', '16'],
    { cwd: PYTORCH_DIR, encoding: 'utf8' },
  );
  expect(run.status, run.stderr + run.stdout).toBe(0);
  const last = run.stdout.trim().split('\n').pop()!;
  const { changed } = JSON.parse(last) as { changed: Record<string, boolean> };
  return { changed, modules: new Map(model.modules) };
}

function expectFrozenKept(trainer: 'netd_torch' | 'train.py'): void {
  const { changed, modules } = changedAfterTraining(trainer);
  const of = (id: string) =>
    Object.entries(changed).filter(([k]) => k.startsWith(`${modules.get(id)!}.`));
  for (const id of ['conv1', 'bn1', 'res']) {
    const entries = of(id);
    expect(entries.length, id).toBeGreaterThan(0);
    // Weights, biases, running mean/var and num_batches_tracked alike.
    expect(
      entries.filter(([, c]) => c),
      `${id} changed`,
    ).toEqual([]);
  }
  // The frozen block's inner BatchNorms keep their statistics too.
  expect(of('res').some(([k]) => k.endsWith('running_mean'))).toBe(true);
  for (const id of ['conv2', 'bn2', 'fc']) {
    const entries = of(id).filter(([k]) => !k.endsWith('num_batches_tracked'));
    expect(entries.length, id).toBeGreaterThan(0);
    expect(
      entries.filter(([, c]) => !c),
      `${id} unchanged`,
    ).toEqual([]);
  }
}

describe('frozen layers in PyTorch training', () => {
  it.skipIf(noTorch !== null)(
    `keep weights and BatchNorm statistics under netd_torch's trainer${skipped}`,
    () => expectFrozenKept('netd_torch'),
    120_000,
  );
  it.skipIf(noTorch !== null)(
    `keep weights and BatchNorm statistics under the exported train.py${skipped}`,
    () => expectFrozenKept('train.py'),
    120_000,
  );
});
