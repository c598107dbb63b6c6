import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/initBackend.ts';
import type { Tf } from '../backend/tf.ts';
import { tileValues } from './tile.ts';

let tf: Tf;

beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
});

describe('wasm Tile', () => {
  it('repeats blocks along each axis', () => {
    expect(Array.from(tileValues(new Float32Array([1, 2, 3, 4]), [2, 2], [2, 1]))).toEqual([
      1, 2, 3, 4, 1, 2, 3, 4,
    ]);
    expect(Array.from(tileValues(new Int32Array([1, 2, 3, 4]), [2, 2], [1, 2]))).toEqual([
      1, 2, 1, 2, 3, 4, 3, 4,
    ]);
  });

  it.each([
    [[1, 1, 1, 3], [2, 4, 5, 1], 'float32'],
    [[2, 3], [3, 2], 'int32'],
    [[2, 1, 3], [1, 4, 2], 'bool'],
    [[3], [1], 'float32'],
    [[2, 0, 3], [2, 2, 1], 'float32'],
  ] as const)('matches the cpu backend for shape %j reps %j (%s)', async (shape, reps, dtype) => {
    const size = shape.reduce<number>((a, b) => a * b, 1);
    const values = Array.from({ length: size }, (_, i) => (dtype === 'bool' ? i % 2 : i * 1.5 - 2));
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const t = tf.tile(tf.tensor(values, [...shape], dtype), [...reps]);
        return { shape: t.shape, data: Array.from(t.dataSync()) };
      });
    };
    const wasm = await run('wasm');
    expect(wasm).toEqual(await run('cpu'));
    await tf.setBackend('wasm');
  });
});
