/**
 * Handing NetDesigner's prepared data to the Python trainer once: .npy files (numpy's own format,
 * memory-mapped on the Python side) plus the split, so both engines train on the very same images,
 * splits and normalisation for the same seed.
 */
import { mkdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { PreparedData } from '../data/prepare.ts';

/** Writes one array as a version-1.0 .npy file (little-endian, C order). */
function writeNpy(path: string, data: Float32Array | Int32Array, shape: number[]): void {
  const descr = data instanceof Float32Array ? '<f4' : '<i4';
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  // Magic (6) + version (2) + length (2) + header + '\n' must be a multiple of 64.
  header = header.padEnd(Math.ceil((10 + header.length + 1) / 64) * 64 - 10 - 1, ' ') + '\n';
  const fd = openSync(path, 'w');
  try {
    const pre = Buffer.alloc(10);
    pre.write('\x93NUMPY', 0, 'latin1');
    pre[6] = 1;
    pre[7] = 0;
    pre.writeUInt16LE(header.length, 8);
    writeSync(fd, pre);
    writeSync(fd, Buffer.from(header, 'latin1'));
    writeSync(fd, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` into folder `dir` (trainImages.npy … meta.json) for `--data-file dir`. */
export function writeHandoff(dir: string, data: PreparedData, spec: string): void {
  mkdirSync(dir, { recursive: true });
  const [h, w, c] = data.inputShape;
  const splits = { train: data.train.source, test: data.test.source };
  writeNpy(join(dir, 'trainImages.npy'), splits.train.images, [splits.train.count, h, w, c]);
  writeNpy(join(dir, 'trainLabels.npy'), splits.train.labels, [splits.train.count]);
  writeNpy(join(dir, 'testImages.npy'), splits.test.images, [splits.test.count, h, w, c]);
  writeNpy(join(dir, 'testLabels.npy'), splits.test.labels, [splits.test.count]);
  writeFileSync(
    join(dir, 'meta.json'),
    JSON.stringify({
      spec,
      inputShape: data.inputShape,
      classes: data.classes,
      train: Array.from(data.train.indices),
      val: Array.from(data.val.indices),
    }),
  );
}
