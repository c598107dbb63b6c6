import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, shuffledIndices } from '../data/rng.ts';
import { loadSynthetic } from '../data/synthetic.ts';
import { prepareData } from '../data/prepare.ts';
import type { Dataset } from '../data/dataset.ts';
import { decodeImage } from '../data/decodeImage.ts';
import { MAX_IMAGE_FILE_BYTES, MAX_IMAGE_PIXELS } from '../data/imageHeader.ts';
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

  it.skipIf(noTorch !== null)(
    `holds images to the TypeScript host's caps (the same numbers in both languages)${skipped}`,
    () => {
      const got = JSON.parse(
        python(
          'import json; from netd_torch import images\n' +
            'print(json.dumps([images.MAX_IMAGE_FILE_BYTES, images.MAX_IMAGE_PIXELS]))',
        ),
      ) as number[];
      expect(got).toEqual([MAX_IMAGE_FILE_BYTES, MAX_IMAGE_PIXELS]);
    },
  );

  it.skipIf(noTorch !== null)(
    `reduces 16-bit PNGs to 8 bits as pngjs does: grey exactly, colour within one level${skipped}`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'netd-png16-'));
      try {
        // Python writes the PNGs (pngjs writes 16 bits only from 16-bit input) and decodes them.
        const got = JSON.parse(
          python(
            'import json, struct, zlib, numpy as np; from netd_torch import images\n' +
              'def png(path, w, colour, samples):\n' +
              '    c = lambda k, d: struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d))\n' +
              '    ihdr = struct.pack(">IIBBBBB", w, 1, 16, colour, 0, 0, 0)\n' +
              '    raw = b"\\x00" + np.asarray(samples, dtype=">u2").tobytes()\n' +
              '    open(path, "wb").write(b"\\x89PNG\\r\\n\\x1a\\n" + c(b"IHDR", ihdr) + c(b"IDAT", zlib.compress(raw)) + c(b"IEND", b""))\n' +
              'v = [0, 127, 128, 129, 384, 385, 1000, 32767, 32768, 65407, 65408, 65535]\n' +
              `png(${JSON.stringify(join(dir, 'grey.png'))}, len(v), 0, v)\n` +
              `png(${JSON.stringify(join(dir, 'rgb.png'))}, len(v), 2, [[a, b, a] for a, b in zip(v, v[::-1])])\n` +
              `print(json.dumps([images.decode_rgb(${JSON.stringify(join(dir, 'grey.png'))}).tolist(),` +
              ` images.decode_rgb(${JSON.stringify(join(dir, 'rgb.png'))}).tolist()]))`,
          ),
        ) as number[][][][];
        const ts = (name: string): number[][] => {
          const img = decodeImage(readFileSync(join(dir, name)), name);
          return Array.from({ length: img.width }, (_, x) =>
            Array.from(img.data.subarray(x * 4, x * 4 + 3)),
          );
        };
        expect(got[0]![0]).toEqual(ts('grey.png'));
        // Pillow keeps a 16-bit colour sample's high byte (v >> 8), pngjs rounds v / 257: they
        // differ by one level where the low byte is 128 or more (here 129→0 vs 1, 1000→3 vs 4).
        const py = got[1]![0]!.flat();
        const want = ts('rgb.png').flat();
        const diff = py.map((p, i) => Math.abs(p - want[i]!));
        expect(Math.max(...diff)).toBeLessThanOrEqual(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
