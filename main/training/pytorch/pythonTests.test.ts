import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createRng, shuffledIndices } from '../data/rng.ts';
import { loadSynthetic } from '../data/synthetic.ts';
import { prepareData } from '../data/prepare.ts';
import type { Dataset } from '../data/dataset.ts';
import { PYTORCH_DIR, pythonExecutable, torchUnavailableReason } from './python.ts';

const noTorch = torchUnavailableReason();
const skipped = noTorch ? ` — skipped: ${noTorch}` : '';

function python(code: string): string {
  const run = spawnSync(pythonExecutable(), ['-c', code], {
    cwd: PYTORCH_DIR,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe('netd_torch (Python)', () => {
  it.skipIf(noTorch !== null)(`passes its unit tests (tests/)${skipped}`, () => {
    const run = spawnSync(
      pythonExecutable(),
      ['-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'],
      {
        cwd: PYTORCH_DIR,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Ran \d+ tests/);
  });

  it.skipIf(noTorch !== null)(
    `draws the same random numbers, shuffles and synthetic images as the TypeScript engine${skipped}`,
    () => {
      const got = JSON.parse(
        python(
          'import json; from netd_torch.data import Rng, shuffled_indices, load_synthetic\n' +
            'r = Rng(2024); draws = [r.next() for _ in range(5)]\n' +
            'd = load_synthetic((12, 10, 3), 40, 8, 9)\n' +
            'print(json.dumps({"draws": draws, "order": shuffled_indices(50, Rng(77)).tolist(),' +
            ' "labels": d.train.labels.tolist(), "pixels": d.train.images[3].flatten()[:20].tolist()}))',
        ),
      ) as { draws: number[]; order: number[]; labels: number[]; pixels: number[] };
      const r = createRng(2024);
      expect(got.draws).toEqual([r.next(), r.next(), r.next(), r.next(), r.next()]);
      expect(got.order).toEqual(Array.from(shuffledIndices(50, createRng(77))));
      const ts = loadSynthetic({ inputShape: [12, 10, 3], limit: 40, testLimit: 8, seed: 9 });
      expect(got.labels).toEqual(Array.from(ts.train.labels));
      const size = 12 * 10 * 3;
      const want = Array.from(ts.train.images.subarray(3 * size, 3 * size + 20));
      expect(got.pixels).toEqual(want.map((v) => expect.closeTo(v, 6)));
    },
  );

  it.skipIf(noTorch !== null)(
    `splits train/validation and normalises like the TypeScript engine for the same seed${skipped}`,
    () => {
      const got = JSON.parse(
        python(
          'import json; from netd_torch.data import load_synthetic, prepare\n' +
            'd = load_synthetic((8, 8, 3), 90, 10, 4); p = prepare(d, 0.2, 4)\n' +
            'print(json.dumps({"val": p.val.tolist(), "mean": p.mean.tolist(), "std": p.std.tolist()}))',
        ),
      ) as { val: number[]; mean: number[]; std: number[] };
      const raw = loadSynthetic({ inputShape: [8, 8, 3], limit: 90, testLimit: 10, seed: 4 });
      const ds: Dataset = {
        description: {} as Dataset['description'],
        inputShape: [8, 8, 3],
        classes: ['a', 'b', 'c', 'd'],
        train: raw.train,
        test: raw.test,
        normalization: null,
      };
      const prepared = prepareData(ds, { validationSplit: 0.2, seed: 4 });
      expect(got.val).toEqual(Array.from(prepared.val.indices));
      expect(got.mean).toEqual(prepared.normalization.mean.map((v) => expect.closeTo(v, 6)));
      expect(got.std).toEqual(prepared.normalization.std.map((v) => expect.closeTo(v, 6)));
    },
  );
});
