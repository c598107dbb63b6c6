/** Tiny on-disk datasets for tests, written to a temp folder (nothing large is committed). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { encode as encodeJpeg } from 'jpeg-js';

const created: string[] = [];

/** A fresh temp folder, removed by {@link removeTempDirs}. */
export function tempDir(prefix = 'netd-data-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder {@link tempDir} created (call from `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An idx file of unsigned bytes with the given dims and data. */
export function idxBytes(dims: number[], data: Uint8Array): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head[2] = 0x08;
  head[3] = dims.length;
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(data)]);
}

/** An MNIST-style folder: image i of class i % classes has pixel value 10·label everywhere. */
export function writeIdxFolder(
  dir: string,
  opts: { train: number; test: number; size?: number; gzip?: boolean; classes?: number },
): string {
  const size = opts.size ?? 4;
  const classes = opts.classes ?? 10;
  mkdirSync(dir, { recursive: true });
  const write = (name: string, dims: number[], data: Uint8Array): void => {
    const bytes = idxBytes(dims, data);
    writeFileSync(join(dir, opts.gzip ? `${name}.gz` : name), opts.gzip ? gzipSync(bytes) : bytes);
  };
  for (const [prefix, n] of [
    ['train', opts.train],
    ['t10k', opts.test],
  ] as const) {
    const labels = Uint8Array.from({ length: n }, (_, i) => i % classes);
    const images = new Uint8Array(n * size * size);
    for (let i = 0; i < n; i++)
      images.fill(labels[i]! * 10, i * size * size, (i + 1) * size * size);
    write(`${prefix}-images-idx3-ubyte`, [n, size, size], images);
    write(`${prefix}-labels-idx1-ubyte`, [n], labels);
  }
  return dir;
}

/** A CIFAR-10 binary folder; record i has label i % 10 and R = label, G = 100, B = 200. */
export function writeCifarFolder(
  dir: string,
  opts: { perBatch: number; batches: number; test: number },
): string {
  mkdirSync(dir, { recursive: true });
  const batch = (n: number): Buffer => {
    const buf = Buffer.alloc(n * 3073);
    for (let i = 0; i < n; i++) {
      const o = i * 3073;
      buf[o] = i % 10;
      buf.fill(i % 10, o + 1, o + 1025);
      buf.fill(100, o + 1025, o + 2049);
      buf.fill(200, o + 2049, o + 3073);
    }
    return buf;
  };
  for (let b = 1; b <= opts.batches; b++)
    writeFileSync(join(dir, `data_batch_${b}.bin`), batch(opts.perBatch));
  writeFileSync(join(dir, 'test_batch.bin'), batch(opts.test));
  writeFileSync(
    join(dir, 'batches.meta.txt'),
    'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n',
  );
  return dir;
}

/** A solid-colour RGBA image as PNG or JPEG bytes. */
export function imageBytes(
  kind: 'png' | 'jpg',
  width: number,
  height: number,
  rgb: [number, number, number],
): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  if (kind === 'jpg') return encodeJpeg({ width, height, data }, 95).data;
  const png = new PNG({ width, height });
  data.copy(png.data);
  return PNG.sync.write(png);
}

/** Class folders `red/` (PNG) and `blue/` (JPEG), `perClass` images each, of size w×h. */
export function writeImageFolder(
  dir: string,
  opts: { perClass: number; width: number; height: number },
): string {
  mkdirSync(join(dir, 'red'), { recursive: true });
  mkdirSync(join(dir, 'blue'), { recursive: true });
  for (let i = 0; i < opts.perClass; i++) {
    writeFileSync(
      join(dir, 'red', `r${i}.png`),
      imageBytes('png', opts.width, opts.height, [220, 20, 20]),
    );
    writeFileSync(
      join(dir, 'blue', `b${i}.jpg`),
      imageBytes('jpg', opts.width, opts.height, [20, 20, 220]),
    );
  }
  return dir;
}
