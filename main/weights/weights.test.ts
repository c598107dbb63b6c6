import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chain, smallBnNet } from '../network/testDocs.ts';
import {
  checkWeights,
  decodeSafetensors,
  encodeSafetensors,
  expectedWeights,
  keepFittingWeights,
  readDesignWeights,
  readWeightsFile,
  weightsPathFor,
  writeDesignWeights,
  type Weights,
} from './index.ts';
import { pythonHas, runPython } from './testing.ts';

const SCRIPT = fileURLToPath(new URL('./python/safetensors_io.py', import.meta.url));
const hasNumpy = pythonHas('numpy');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'netd-weights-'));

/** Deterministic weights that fit `doc` exactly. */
function weightsFor(doc = smallBnNet()): Weights {
  const w: Weights = new Map();
  for (const s of expectedWeights(doc)) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    w.set(s.name, { shape: s.shape, data: Float32Array.from({ length: n }, (_, i) => i / 3 - 1) });
  }
  return w;
}

interface PyDump {
  metadata: Record<string, string>;
  tensors: Record<string, { shape: number[]; values: number[] }>;
}

describe('weights layout of a design', () => {
  it('names every tensor <nodeId>/<weight> in tfjs channels-last shapes', () => {
    const specs = expectedWeights(smallBnNet()).map((s) => [s.name, s.shape, s.trainable]);
    expect(specs).toEqual([
      ['c1/kernel', [3, 3, 3, 4], true],
      ['c1/bias', [4], true],
      ['bn/gamma', [4], true],
      ['bn/beta', [4], true],
      ['bn/moving_mean', [4], false],
      ['bn/moving_variance', [4], false],
      ['fc/kernel', [4, 2], true],
      ['fc/bias', [2], true],
    ]);
  });

  it('names layers inside a block by their expanded ids and marks a frozen block', () => {
    const doc = chain(
      [8, 8, 16],
      ['ResidualBlock', { variant: 'basic', filters: 16 }, 'res'],
      ['GlobalAvgPool2D', {}, 'gap'],
      ['Dense', { units: 3 }, 'fc'],
    );
    doc.nodes[1]!.frozen = true;
    const specs = expectedWeights(doc);
    const conv = specs.find((s) => s.nodeId.startsWith('res/') && s.weight === 'kernel')!;
    expect(conv.designNodeId).toBe('res');
    expect(conv.frozen).toBe(true);
    expect(conv.shape).toEqual([3, 3, 16, 16]);
    expect(specs.find((s) => s.name === 'fc/kernel')!.frozen).toBe(false);
    // torchvision's BasicBlock(16, 16): 2 convs + 2 BNs.
    const params = specs.filter((s) => s.designNodeId === 'res' && s.trainable);
    expect(params.reduce((a, s) => a + s.shape.reduce((x, y) => x * y, 1), 0)).toBe(
      2 * 3 * 3 * 16 * 16 + 2 * 2 * 16,
    );
  });

  it('names every tensor that does not fit, and keeps the ones that still do', () => {
    const w = weightsFor();
    w.delete('c1/bias');
    w.set('fc/kernel', { shape: [4, 3], data: new Float32Array(12) });
    w.set('old/kernel', { shape: [1], data: new Float32Array(1) });
    expect(checkWeights(smallBnNet(), w).map((m) => m.message)).toEqual([
      "'c1/bias' is missing (the design expects [4])",
      "'fc/kernel' has shape [4, 3] but the design expects [4, 2]",
      "'old/kernel' belongs to no layer of the design",
    ]);
    const { kept, reinitialised } = keepFittingWeights(smallBnNet(), w);
    expect(reinitialised).toEqual(['c1', 'fc']);
    expect([...kept.keys()]).toContain('bn/gamma');
    expect(kept.has('fc/kernel')).toBe(false);
  });
});

describe('safetensors codec', () => {
  it('round-trips float32 values bit for bit (NaN, −0, extremes included)', () => {
    const w: Weights = new Map([
      [
        'a/kernel',
        { shape: [2, 3], data: Float32Array.from([0, -0, NaN, Infinity, 1e-45, 3.4e38]) },
      ],
      ['b/bias', { shape: [1], data: Float32Array.from([-1.5]) }],
    ]);
    const bytes = encodeSafetensors(w, { note: 'x' });
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(headerLength % 8).toBe(0);
    const back = decodeSafetensors(bytes);
    expect(back.metadata).toEqual({ note: 'x' });
    const a = back.tensors.get('a/kernel')!;
    expect(a.shape).toEqual([2, 3]);
    expect(new Uint32Array(a.data.buffer)).toEqual(new Uint32Array(w.get('a/kernel')!.data.buffer));
  });

  const valid = encodeSafetensors(new Map([['t/bias', { shape: [2], data: new Float32Array(2) }]]));
  const withHeader = (header: object, data = new Uint8Array(8)): Uint8Array => {
    const h = new TextEncoder().encode(JSON.stringify(header));
    const out = new Uint8Array(8 + h.length + data.length);
    new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true);
    out.set(h, 8);
    out.set(data, 8 + h.length);
    return out;
  };
  const entry = (over: object): object => ({
    't/bias': { dtype: 'F32', shape: [2], data_offsets: [0, 8], ...over },
  });
  it.each([
    ['a file shorter than the length field', new Uint8Array(3), 'too short for the header'],
    [
      'a truncated file',
      valid.subarray(0, valid.length - 4),
      'ends at byte 8 of the data but the file holds only 4',
    ],
    [
      'a header length beyond the file',
      (() => {
        const b = valid.slice();
        new DataView(b.buffer).setBigUint64(0, 2n ** 62n, true);
        return b;
      })(),
      'the header claims 4611686018427387904 bytes',
    ],
    ['a header that is not JSON', withHeader({}).fill(65, 8, 10), 'not valid UTF-8 JSON'],
    [
      'a float16 tensor',
      withHeader(entry({ dtype: 'F16', data_offsets: [0, 4] }), new Uint8Array(4)),
      "tensor 't/bias' is F16",
    ],
    [
      'a shape that does not match the bytes',
      withHeader(entry({ shape: [3] })),
      'shape [3] needs 12 bytes but data_offsets span 8',
    ],
    ['a negative dimension', withHeader(entry({ shape: [-2] })), "tensor 't/bias': shape.0"],
    [
      'bytes that belong to no tensor',
      withHeader(entry({}), new Uint8Array(12)),
      '4 bytes after the last tensor',
    ],
    ['an unknown dtype', withHeader(entry({ dtype: 'Q4' })), "unknown dtype 'Q4'"],
  ])('refuses %s with a message naming it', (_what, bytes, message) => {
    expect(() => decodeSafetensors(bytes, 'm.safetensors')).toThrow(message);
  });
});

describe('the sidecar file', () => {
  it('lives beside the design as NAME.weights.safetensors', () => {
    expect(weightsPathFor('/d/net.netd.json')).toBe('/d/net.weights.safetensors');
  });

  it('is written atomically and read back; a design without one has none', async () => {
    const dir = tmp();
    const design = join(dir, 'tiny.netd.json');
    expect(await readDesignWeights(design)).toBeNull();
    await writeDesignWeights(design, weightsFor());
    const back = await readDesignWeights(design);
    expect(checkWeights(smallBnNet(), back!)).toEqual([]);
    expect(back!.get('c1/kernel')!.data).toEqual(weightsFor().get('c1/kernel')!.data);
  });

  it('names the file when it is broken', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.weights.safetensors'), 'garbage!garbage');
    await expect(readDesignWeights(join(dir, 'x.netd.json'))).rejects.toThrow(
      /x\.weights\.safetensors: not a safetensors file/,
    );
  });
});

describe.skipIf(!hasNumpy)(
  'interoperability with an independent Python reader (json + numpy)',
  () => {
    it('Python reads exactly what NetDesigner writes', async () => {
      const path = join(tmp(), 'n.weights.safetensors');
      await writeDesignWeights(join(path, '..', 'n.netd.json'), weightsFor());
      const dump = JSON.parse(runPython(SCRIPT, ['read', path])) as PyDump;
      expect(dump.metadata.format).toBe('netdesigner.weights');
      for (const [name, t] of weightsFor()) {
        expect(dump.tensors[name]!.shape).toEqual(t.shape);
        expect(Float32Array.from(dump.tensors[name]!.values)).toEqual(t.data);
      }
    });

    it('NetDesigner reads exactly what Python writes', async () => {
      const path = join(tmp(), 'p.safetensors');
      const expected = JSON.parse(runPython(SCRIPT, ['write', path])) as PyDump;
      const { tensors, metadata } = await readWeightsFile(path);
      expect(metadata).toEqual({ format: 'pt' });
      expect([...tensors.keys()]).toEqual(Object.keys(expected.tensors));
      for (const [name, t] of tensors) {
        expect(t.shape).toEqual(expected.tensors[name]!.shape);
        expect(t.data).toEqual(Float32Array.from(expected.tensors[name]!.values));
      }
      expect(readFileSync(path).length).toBeGreaterThan(8);
    });
  },
);

describe.skipIf(hasNumpy)('interoperability with Python', () => {
  it.skip('skipped: /usr/bin/python3 with numpy is not available (set NETD_PYTHON)', () => {});
});
