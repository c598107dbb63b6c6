/** The catalog as the palette and inspector see it, and the generated zod schemas. */
import { describe, expect, it } from 'vitest';
import { getLayerDef, layerInfos, resolveParams } from './registry.ts';

describe('layer catalog', () => {
  it('serves JSON-serialisable infos with a description and specs for every type', () => {
    const infos = layerInfos();
    expect(JSON.parse(JSON.stringify(infos))).toEqual(infos);
    for (const info of infos) {
      expect(info.description.length).toBeGreaterThan(10);
      for (const p of info.params) expect(p.label && p.description).toBeTruthy();
    }
    expect(infos.find((i) => i.type === 'Inception')!.composite).toBe(true);
    expect(infos.find((i) => i.type === 'Add')!.minInputs).toBe(2);
  });

  it('gives every type initial params that analyse cleanly', () => {
    for (const info of layerInfos()) {
      const def = getLayerDef(info.type)!;
      const raw = info.initialParams ?? {};
      expect(def.check(raw, def.resolve(raw), { id: 'x', name: 'x' })).toEqual([]);
      expect(def.schema.safeParse(raw).success).toBe(true);
    }
  });

  it('applies defaults, including pool strides = pool size', () => {
    expect(resolveParams({ type: 'MaxPool2D', params: { poolSize: 3 } })).toEqual({
      poolSize: 3,
      strides: 3,
      padding: 'valid',
    });
    expect(resolveParams({ type: 'Conv2D', params: { filters: 8, kernelSize: 3 } })).toMatchObject({
      strides: 1,
      padding: 'valid',
      dilation: 1,
      useBias: true,
      activation: 'linear',
    });
    expect(resolveParams({ type: 'Mystery', params: { a: 1 } })).toEqual({ a: 1 });
  });

  it.each([
    ['Conv2D', { filters: 8, kernelSize: [3, 5], padding: [1, 2] }, true],
    ['Conv2D', { filters: 8, kernelSize: 3, padding: 'full' }, false],
    ['Conv2D', { filters: 8.5, kernelSize: 3 }, false],
    ['Conv2D', { kernelSize: 3 }, false],
    ['Conv2D', { filters: 8, kernelSize: 3, extra: 1 }, false],
    ['Dense', { units: 10, activation: 'gelu' }, true],
    ['Dense', { units: 10, activation: 'swish' }, false],
    ['Input', { shape: [28, 28, 1] }, true],
    ['Input', { shape: [28, 28] }, false],
    ['Dropout', { rate: 1.2 }, false],
    ['ResidualBlock', { variant: 'bottleneck', filters: 64, strides: 2 }, true],
  ] as const)('schema and hand check agree on %s %j', (type, params, ok) => {
    const def = getLayerDef(type)!;
    const raw = params as Record<string, unknown>;
    expect(def.schema.safeParse(raw).success).toBe(ok);
    expect(def.check(raw, def.resolve(raw), { id: 'x', name: 'x' }).length === 0).toBe(ok);
  });
});
