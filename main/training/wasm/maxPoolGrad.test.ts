import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor4D } from '../backend/tfjs.ts';
import { initBackend } from '../backend/initBackend.ts';
import type { Tf } from '../backend/tf.ts';

let tf: Tf;

beforeAll(async () => {
  ({ tf } = await initBackend('wasm'));
});

async function poolGrad(
  backend: string,
  x: number[],
  shape: [number, number, number, number],
  pool: number,
  stride: number,
  pad: 'same' | 'valid',
): Promise<number[]> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const input = tf.tensor4d(x, shape);
    const f = (t: Tensor) => {
      const y = tf.maxPool(t as Tensor4D, pool, stride, pad);
      return tf.sum(
        tf.mul(
          y,
          tf.tensor(
            Array.from({ length: y.size }, (_, i) => 1 + (i % 5)),
            y.shape,
          ),
        ),
      );
    };
    return Array.from(tf.grad(f)(input).dataSync());
  });
}

describe('wasm MaxPoolGrad', () => {
  it('routes the gradient of windows with a maximum ≤ 0 to their first maximum', async () => {
    // Windows (2×2, stride 2): [-3,-1,-5,-1.5] max -1 · [-4,-2,-2,-7] first -2 · [1,2,0,0] · [3,.5,0,0].
    const x = [-3, -1, -4, -2, -5, -1.5, -2, -7, 1, 2, 3, 0.5, 0, 0, 0, 0];
    const got = await poolGrad('wasm', x, [1, 4, 4, 1], 2, 2, 'valid');
    expect(got).toEqual([0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 4, 0, 0, 0, 0, 0]);
    expect(await poolGrad('cpu', x, [1, 4, 4, 1], 2, 2, 'valid')).toEqual(got);
  });

  it.each([
    [[2, 6, 6, 4], 2, 2, 'valid'],
    [[2, 6, 6, 4], 3, 1, 'valid'],
    [[3, 7, 5, 2], 3, 2, 'same'],
    [[1, 5, 5, 3], 2, 1, 'same'],
  ] as const)(
    'matches the cpu reference on random data %j pool %i stride %i %s',
    async (shape, pool, stride, pad) => {
      let s = 7;
      const x = Array.from({ length: shape.reduce<number>((a, b) => a * b, 1) }, () => {
        s = (s * 1103515245 + 12345) % 2147483648;
        return s / 1073741824 - 1; // in [-1, 1): many windows are all negative
      });
      const wasm = await poolGrad(
        'wasm',
        x,
        [...shape] as [number, number, number, number],
        pool,
        stride,
        pad,
      );
      const cpu = await poolGrad(
        'cpu',
        x,
        [...shape] as [number, number, number, number],
        pool,
        stride,
        pad,
      );
      expect(wasm).toEqual(cpu.map((v) => expect.closeTo(v, 5)));
    },
  );
});
