/**
 * Fuzz: ONNX import. Valid models (our own exporter's, and small ones built with protobufjs) are
 * mutated byte by byte — flips, cuts, duplications — and structurally: absurd and negative dims,
 * tensors declaring terabytes, cyclic graphs, unknown ops and domains, external-data references
 * (outside the folder, missing, a FIFO, a device, bad offsets and lengths), nested subgraphs, huge
 * graphs. Every import must end in a design or an OnnxError of complete one-line sentences; no
 * other exception, no hang, memory bounded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import protobuf from 'protobufjs/light.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designToOnnx } from '../interchange/onnx/export/designToOnnx.ts';
import { freshWeights } from '../interchange/onnx/export/freshWeights.ts';
import { OnnxError } from '../interchange/onnx/errors.ts';
import { importOnnx } from '../interchange/onnx/import/importOnnx.ts';
import { DATA_TYPE } from '../interchange/onnx/proto.ts';
import { encode, ramp, tinyModel, type TinyModel } from '../interchange/onnx/testing/tinyModel.ts';
import { chain } from '../network/testDocs.ts';
import { fuzzer, mutateBytes, type Fuzzer } from './random.ts';

/** Inputs per run, per kind (README "Security"). */
export const ONNX_CASES = { bytes: 600, structural: 300 };

const dir = mkdtempSync(join(tmpdir(), 'netd-onnx-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A design our exporter writes: conv, batch norm, pooling, a residual block, a classifier. */
function exportedModel(): Uint8Array {
  const doc = chain(
    [16, 16, 3],
    ['Conv2D', { filters: 4, kernelSize: 3, padding: 1 }, 'c1'],
    ['BatchNorm', {}, 'bn'],
    ['MaxPool2D', { poolSize: 2 }, 'p1'],
    ['ResidualBlock', { filters: 4 }, 'res'],
    ['GlobalAvgPool2D', {}, 'gap'],
    ['Dense', { units: 3, activation: 'softmax' }, 'fc'],
  );
  return designToOnnx(doc, freshWeights(doc));
}

/**
 * Imports `bytes` as `name` in the fuzz folder. Resolves to 'imported' or 'refused'; anything else
 * (another exception, a message that is not one complete line) fails the test with the case.
 */
/** The lines of the last refusal (for tests that check what it names). */
let lastRefusal: readonly string[] = [];

async function tryImport(bytes: Uint8Array, name: string): Promise<'imported' | 'refused'> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  try {
    await importOnnx(path);
    return 'imported';
  } catch (err) {
    if (!(err instanceof OnnxError)) {
      throw new Error(`${name}: not a clean refusal: ${(err as Error)?.stack ?? String(err)}`);
    }
    expect(err.lines.length, name).toBeGreaterThan(0);
    lastRefusal = err.lines;
    for (const line of err.lines) {
      expect(line, name).not.toMatch(/[\n\r]/);
      expect(line.length, name).toBeGreaterThan(10);
      expect(line.length, `${name}: ${line.slice(0, 200)}`).toBeLessThanOrEqual(2000);
    }
    return 'refused';
  }
}

/** A protobuf field appended to a message's bytes (unknown fields must be skipped). */
function withField(bytes: Uint8Array, write: (w: protobuf.Writer) => void): Uint8Array {
  const w = protobuf.Writer.create();
  write(w);
  const extra = w.finish();
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes);
  out.set(extra, bytes.length);
  return out;
}

/** Length-delimited field `id` holding `bytes`. */
function ld(w: protobuf.Writer, id: number, bytes: Uint8Array): protobuf.Writer {
  return w.uint32((id << 3) | 2).bytes(bytes);
}

/**
 * The tiny model with an `If` node whose GRAPH attribute nests `depth` graphs, each holding one
 * `If` (encoded by hand, level by level: protobufjs's own encoder stops at its depth limit).
 */
function nestedGraphs(depth: number): Uint8Array {
  let graph: Uint8Array = new Uint8Array();
  for (let i = 0; i <= depth; i++) {
    const attr = ld(
      protobuf.Writer.create()
        .uint32((1 << 3) | 2)
        .string('then_branch'),
      6,
      graph,
    )
      .uint32((20 << 3) | 0)
      .uint32(5)
      .finish();
    const node = ld(
      protobuf.Writer.create()
        .uint32((1 << 3) | 2)
        .string('c')
        .uint32((2 << 3) | 2)
        .string('c2')
        .uint32((3 << 3) | 2)
        .string(`if${i}`)
        .uint32((4 << 3) | 2)
        .string('If'),
      5,
      attr,
    ).finish();
    if (i === depth) {
      // The outermost If goes into the real graph, between the Conv and the Relu.
      const m = tinyModel();
      g(m).node[1]!.input = ['c2'];
      const reader = protobuf.Reader.create(encode({ opsetImport: [], graph: g(m) }));
      reader.uint32(); // the graph field's tag
      const tinyGraph = withField(reader.bytes(), (w) => ld(w, 1, node));
      delete m.graph;
      return withField(encode(m), (w) => ld(w, 7, tinyGraph));
    }
    graph = ld(protobuf.Writer.create(), 1, node).finish();
  }
  throw new Error('unreachable');
}

type Edit = (m: TinyModel, f: Fuzzer) => void;
const g = (m: TinyModel) => m.graph!;
const ABSURD = [0, -1, -7, 1e9, 2 ** 31, 2 ** 40, 2 ** 53, Number.MAX_SAFE_INTEGER];

/** One structural change per kind; the fuzzer picks values. */
const EDITS: Record<string, Edit> = {
  absurdInputDims: (m, f) => {
    const dims = [f.pick(ABSURD), f.pick(ABSURD), f.pick([8, ...ABSURD]), f.pick([8, ...ABSURD])];
    g(m).input = [
      {
        name: 'x',
        type: {
          tensorType: { elemType: 1, shape: { dim: dims.map((d) => ({ dimValue: d })) } },
        },
      },
    ];
  },
  absurdWeightDims: (m, f) => {
    const t = f.pick(g(m).initializer) as { dims: number[] };
    t.dims = t.dims.map((d) => (f.chance(0.5) ? f.pick(ABSURD) : d));
  },
  hugeDeclaredTensor: (m, f) => {
    // Terabytes declared, a few bytes present.
    g(m).initializer[0] = {
      name: 'conv.weight',
      dims: [f.pick([2 ** 20, 2 ** 30, 1e12]), 3, 3, 3],
      dataType: f.pick([DATA_TYPE.FLOAT, DATA_TYPE.DOUBLE, DATA_TYPE.INT64, DATA_TYPE.FLOAT16]),
      ...(f.chance(0.5) ? { rawData: new Uint8Array(16) } : { floatData: [1, 2, 3] }),
    };
  },
  wrongDataType: (m, f) => {
    (f.pick(g(m).initializer) as { dataType: number }).dataType = f.pick([0, 2, 8, 9, 16, 999]);
  },
  cycle: (m, f) => {
    const nodes = g(m).node;
    if (f.chance(0.5)) nodes[0]!.input[0] = nodes[f.int(nodes.length)]!.output[0]!;
    else nodes[2]!.input = [nodes[3]!.output[0]!]; // relu → pool → flatten → pool
  },
  selfLoop: (m, f) => {
    const n = g(m).node[f.int(g(m).node.length)]!;
    n.input = [n.output[0]!, ...n.input.slice(1)];
  },
  unknownOp: (m, f) => {
    const n = g(m).node[f.int(g(m).node.length)]!;
    n.opType = f.pick(['FancyConv', '', 'If', 'Loop', 'Scan', '__proto__', 'x'.repeat(5000)]);
    if (f.chance(0.3)) n.domain = f.pick(['com.microsoft', 'ai.onnx.ml', '\u001b[2J']);
  },
  missingInput: (m, f) => {
    g(m).node[f.int(g(m).node.length)]!.input[0] = f.pick(['', 'nowhere', '__proto__']);
  },
  duplicateOutputs: (m) => {
    for (const n of g(m).node) n.output = ['same'];
  },
  externalData: (m, f) => {
    const location = f.pick([
      '../../../etc/passwd',
      '/etc/passwd',
      '/dev/zero',
      'missing.bin',
      'fifo.bin',
      'zero-link.bin',
      'weights.bin',
      'sub/../weights.bin',
      '',
    ]);
    const entries = [
      { key: 'location', value: location },
      ...(f.chance(0.5)
        ? [
            {
              key: 'offset',
              value: f.pick(['0', '-8', 'NaN', '1e30', 'abc', '4', '9007199254740993']),
            },
          ]
        : []),
      ...(f.chance(0.5)
        ? [{ key: 'length', value: f.pick(['0', '-4', '16', 'NaN', '1e30', '432', 'x']) }]
        : []),
    ];
    g(m).initializer[0] = {
      name: 'conv.weight',
      dims: f.chance(0.2) ? [0] : [4, 3, 3, 3],
      dataType: DATA_TYPE.FLOAT,
      dataLocation: 1,
      externalData: entries,
    };
  },
  attributes: (m, f) => {
    const n = g(m).node[f.pick([0, 2])]!;
    n.attribute = [
      {
        name: f.pick(['kernel_shape', 'pads', 'strides', 'dilations', 'group', 'auto_pad']),
        type: f.pick([1, 2, 3, 7]),
        ints: Array.from({ length: f.pick([0, 1, 3, 8]) }, () => f.pick(ABSURD)),
        i: f.pick(ABSURD),
        s: new TextEncoder().encode(f.pick(['SAME_UPPER', 'VALID', 'NOTSET', '\u0000'])),
      },
    ];
  },
  manyInputsOutputs: (m, f) => {
    if (f.chance(0.5)) g(m).input = [];
    else g(m).output = [...g(m).output, ...g(m).output];
  },
  opset: (m, f) => {
    m.opsetImport = f.chance(0.3)
      ? []
      : [{ domain: f.pick(['', 'ai.onnx', 'other']), version: f.pick([0, 1, 8, 23, 24, 2 ** 40]) }];
    if (f.chance(0.3)) m.irVersion = f.pick([0, 2, 12, 2 ** 40]);
  },
  constants: (m, f) => {
    g(m).node.unshift({
      name: 'k',
      opType: 'Constant',
      input: [],
      output: ['conv.bias'],
      attribute: [
        f.chance(0.5)
          ? { name: 'value_ints', type: 7, ints: [f.pick(ABSURD)] }
          : { name: 'value', type: 4, t: ramp('k', [f.pick([0, 4, 5])]) },
      ],
    });
    g(m).initializer.splice(1, 1);
  },
};

describe('fuzz: ONNX import', () => {
  const seeds = [encode(tinyModel()), exportedModel()];
  beforeAll(() => {
    // What external-data references may point at: a FIFO, a device, and a file that fits.
    execFileSync('mkfifo', [join(dir, 'fifo.bin')]);
    symlinkSync('/dev/zero', join(dir, 'zero-link.bin'));
    writeFileSync(join(dir, 'weights.bin'), new Uint8Array(432));
  });

  it('imports the unmutated seeds (the suite starts from valid models)', async () => {
    expect(await tryImport(seeds[0]!, 'seed-tiny.onnx')).toBe('imported');
    expect(await tryImport(seeds[1]!, 'seed-exported.onnx')).toBe('imported');
  });

  it(`imports or refuses ${ONNX_CASES.bytes} truncated, bit-flipped and spliced files`, async () => {
    const f = fuzzer(0x0cc5);
    const rssBefore = process.memoryUsage().rss;
    const outcomes = { imported: 0, refused: 0 };
    for (let i = 0; i < ONNX_CASES.bytes; i++) {
      const seed = f.pick(seeds);
      const bytes =
        i % 7 === 0
          ? seed.subarray(0, f.int(seed.length)) // truncated anywhere
          : i % 7 === 1
            ? flipBits(f, seed)
            : mutateBytes(f, Buffer.from(seed));
      outcomes[await tryImport(bytes, `bytes-${i}.onnx`)]++;
    }
    expect(outcomes.imported + outcomes.refused).toBe(ONNX_CASES.bytes);
    expect(outcomes.refused).toBeGreaterThan(ONNX_CASES.bytes / 2);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 ** 2);
  });

  it(`imports or refuses ${ONNX_CASES.structural} structurally hostile models`, async () => {
    const f = fuzzer(0x5eed);
    const kinds = Object.keys(EDITS);
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < ONNX_CASES.structural; i++) {
      const kind = kinds[i % kinds.length]!;
      const m = tinyModel();
      EDITS[kind]!(m, f);
      if (f.chance(0.2)) EDITS[f.pick(kinds)]!(m, f); // and a second change now and then
      await tryImport(encode(m), `${kind}-${i}.onnx`);
    }
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 ** 2);
  });

  it('refuses nested subgraphs, deep or shallow, naming the node', async () => {
    expect(await tryImport(nestedGraphs(0), 'nested-1.onnx')).toBe('refused');
    expect(lastRefusal.join(' ')).toMatch(/node 'if0' \(If\): has no NetDesigner layer/);
    for (const depth of [50, 1_000]) {
      expect(await tryImport(nestedGraphs(depth), `nested-${depth}.onnx`)).toBe('refused');
      expect(lastRefusal.join(' ')).toMatch(/nested-\d+\.onnx|node 'if\d+'/);
    }
    // Unknown fields (a newer ONNX's) are skipped, not fatal: the model still imports.
    const unknown = withField(seeds[0]!, (w) => w.uint32((99 << 3) | 2).bytes(new Uint8Array(9)));
    expect(await tryImport(unknown, 'unknown-field.onnx')).toBe('imported');
    // Deeply nested groups of an unknown field: refused, not a stack overflow of the process.
    const groups = withField(seeds[0]!, (w) => {
      for (let i = 0; i < 200_000; i++) w.uint32((98 << 3) | 3);
    });
    expect(await tryImport(groups, 'nested-groups.onnx')).toBe('refused');
  });

  it('refuses every bad external-data reference, naming the tensor, without blocking', async () => {
    const external = (location: string, dims: number[], extra: Record<string, string> = {}) => {
      const m = tinyModel();
      g(m).initializer[0] = {
        name: 'conv.weight',
        dims,
        dataType: DATA_TYPE.FLOAT,
        dataLocation: 1,
        externalData: [
          { key: 'location', value: location },
          ...Object.entries(extra).map(([key, value]) => ({ key, value })),
        ],
      };
      return encode(m);
    };
    const cases: [string, Uint8Array][] = [
      ['fifo-empty', external('fifo.bin', [0])],
      ['fifo', external('fifo.bin', [4, 3, 3, 3])],
      ['device-link', external('zero-link.bin', [0])],
      ['device-link-sized', external('zero-link.bin', [4, 3, 3, 3], { length: '432' })],
      ['nan-offset', external('weights.bin', [4, 3, 3, 3], { offset: 'NaN' })],
      ['negative-offset', external('weights.bin', [4, 3, 3, 3], { offset: '-8' })],
      ['fraction-offset', external('weights.bin', [4, 3, 3, 3], { offset: '0.5' })],
      ['huge-length', external('weights.bin', [2 ** 20, 2 ** 20, 3, 3], { length: '1e30' })],
      ['huge-dims', external('weights.bin', [2 ** 40, 3, 3, 3])],
      ['negative-dims', external('weights.bin', [-4, 3, 3, 3])],
      ['outside', external('../etc/passwd', [4, 3, 3, 3])],
      ['absolute', external('/dev/zero', [4, 3, 3, 3])],
      ['folder', external('.', [4, 3, 3, 3])],
      ['missing', external('gone.bin', [4, 3, 3, 3])],
    ];
    for (const [name, bytes] of cases) {
      expect(await tryImport(bytes, `ext-${name}.onnx`), name).toBe('refused');
      expect(lastRefusal.join(' '), name).toMatch(/conv\.weight/);
    }
    // The reference done right imports.
    expect(await tryImport(external('weights.bin', [4, 3, 3, 3]), 'ext-ok.onnx')).toBe('imported');
  });

  /** The tiny model with `count` Relu nodes after its Relu, listed last to first. */
  function longChain(count: number): Uint8Array {
    const m = tinyModel();
    const relus = Array.from({ length: count }, (_, i) => ({
      name: `r${i}`,
      opType: 'Relu',
      input: [i === 0 ? 'r' : `r${i - 1}`],
      output: [`r${i}`],
    }));
    const nodes = g(m).node;
    nodes[2]!.input = [`r${count - 1}`];
    nodes.splice(2, 0, ...relus.reverse());
    return encode(m);
  }

  it('refuses a graph over the node cap, and imports a long unsorted one without a quadratic sort', async () => {
    expect(await tryImport(longChain(50_001), 'huge.onnx')).toBe('refused');
    expect(lastRefusal.join(' ')).toMatch(/huge\.onnx has 50,00\d nodes .* up to 50,000/);
    // 5,000 nodes listed backwards: sorted without a quadratic rescan (the repeated ReLUs fold).
    expect(await tryImport(longChain(5_000), 'long.onnx')).toBe('imported');
  }, 60_000);
});

/** `bytes` with 1–8 single bits flipped. */
function flipBits(f: Fuzzer, bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (let k = 1 + f.int(8); k > 0; k--) out[f.int(out.length)]! ^= 1 << f.int(8);
  return out;
}
