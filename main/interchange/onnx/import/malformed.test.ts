/**
 * Broken and unsupported ONNX files: `netd import` answers each with one clear line naming the
 * problem, exit status 2, and writes nothing (never a half-imported design).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { captureContext } from '../../../cli/testing.ts';
import { DATA_TYPE } from '../proto.ts';
import {
  encode,
  float,
  int,
  ints,
  ramp,
  tinyModel,
  valueInfo,
  type TinyModel,
} from '../testing/tinyModel.ts';

const dir = mkdtempSync(join(tmpdir(), 'netd-onnx-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny model changed by `edit`. */
function broken(edit: (m: TinyModel) => void): Uint8Array {
  const m = tinyModel();
  edit(m);
  return encode(m);
}
const g = (m: TinyModel) => m.graph!;

interface Case {
  name: string;
  bytes: () => Uint8Array;
  /** The one line expected on stderr. */
  line: RegExp;
}

const valid = encode(tinyModel());

const CASES: Case[] = [
  { name: 'an empty file', bytes: () => new Uint8Array(), line: /bad\.onnx is empty/ },
  {
    name: 'a truncated file',
    bytes: () => valid.subarray(0, Math.floor(valid.length / 2)),
    line: /is truncated or not an ONNX model/,
  },
  {
    name: 'a PNG (wrong magic)',
    bytes: () => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3),
    line: /is a PNG image, not ONNX/,
  },
  {
    name: 'a PyTorch checkpoint (zip)',
    bytes: () => new TextEncoder().encode('PK\x03\x04archive.pkl…'),
    line: /zip archive .*torch\.onnx\.export/,
  },
  {
    name: 'a JSON file',
    bytes: () => new TextEncoder().encode('{"format": "layers-model"}'),
    line: /is a JSON file, not an ONNX protobuf/,
  },
  {
    name: 'bytes that are not protobuf',
    bytes: () => new Uint8Array(64).fill(0xff),
    line: /(not a valid protobuf message|truncated)/,
  },
  {
    name: 'a model without a graph',
    bytes: () => broken((m) => delete m.graph),
    line: /is not an ONNX model: it has no graph/,
  },
  {
    name: 'a model without an IR version',
    bytes: () => broken((m) => delete m.irVersion),
    line: /it has no IR version/,
  },
  {
    name: 'an opset from the future',
    bytes: () => broken((m) => (m.opsetImport = [{ domain: '', version: 99 }])),
    line: /uses ONNX opset 99, which NetDesigner does not know \(it reads opsets 9–23\)/,
  },
  {
    name: 'an ancient opset',
    bytes: () => broken((m) => (m.opsetImport = [{ domain: '', version: 6 }])),
    line: /uses ONNX opset 6/,
  },
  {
    name: 'an unknown operator',
    bytes: () =>
      broken((m) => {
        g(m).node[2] = { name: '/up/Resize', opType: 'Resize', input: ['r'], output: ['p'] };
      }),
    line: /^netd import: node '\/up\/Resize' \(Resize\): has no NetDesigner layer — NetDesigner imports Conv, Gemm/,
  },
  {
    name: 'a custom-domain operator',
    bytes: () =>
      broken((m) => {
        Object.assign(g(m).node[1]!, { opType: 'FusedRelu', domain: 'com.microsoft' });
      }),
    line: /node '\/relu\/Relu' \(FusedRelu\): is a custom operator of domain 'com\.microsoft'/,
  },
  {
    name: 'dynamic spatial dimensions',
    bytes: () => broken((m) => (g(m).input = [valueInfo('x', ['batch', 3, 'height', 'width'])])),
    line: /input 'x' has a dynamic height \('height'\); export the model with a fixed input size/,
  },
  {
    name: 'a grouped convolution',
    bytes: () =>
      broken((m) => {
        g(m).node[0]!.attribute!.push(int('group', 3));
        g(m).initializer[0] = ramp('conv.weight', [4, 1, 3, 3]);
      }),
    line: /node '\/conv\/Conv' \(Conv\): is a grouped convolution \(group 3\); NetDesigner's Conv2D has group 1 only/,
  },
  {
    name: 'a missing 2 GB external-data file',
    bytes: () =>
      broken((m) => {
        g(m).initializer[2] = {
          name: 'fc.weight',
          dims: [3, 178956971],
          dataType: DATA_TYPE.FLOAT,
          dataLocation: 1,
          externalData: [
            { key: 'location', value: 'fc.weight.bin' },
            { key: 'length', value: String(3 * 178956971 * 4) },
          ],
        };
      }),
    line: /tensor 'fc\.weight' keeps its data in 'fc\.weight\.bin', which is missing/,
  },
  {
    name: 'external data outside the model folder',
    bytes: () =>
      broken((m) => {
        g(m).initializer[3] = {
          name: 'fc.bias',
          dims: [3],
          dataType: DATA_TYPE.FLOAT,
          dataLocation: 1,
          externalData: [{ key: 'location', value: '../../etc/passwd' }],
        };
      }),
    line: /tensor 'fc\.bias' points outside the model's folder/,
  },
  {
    name: 'two inputs',
    bytes: () => broken((m) => g(m).input.push(valueInfo('mask', ['batch', 1]))),
    line: /the model has 2 inputs \('x', 'mask'\); NetDesigner imports models with one image input/,
  },
  {
    name: 'weights of the wrong size',
    bytes: () =>
      broken((m) => {
        const t = ramp('conv.bias', [4]) as { dims: number[] };
        t.dims = [5];
        g(m).initializer[1] = t;
      }),
    line: /tensor 'conv\.bias' has 16 bytes of data for dims \[5\] \(expected 20\)/,
  },
  {
    name: 'int8 weights',
    bytes: () =>
      broken((m) => {
        g(m).initializer[1] = {
          name: 'conv.bias',
          dims: [4],
          dataType: 3,
          rawData: new Uint8Array(4),
        };
      }),
    line: /tensor 'conv\.bias' has data type 3; NetDesigner reads float32/,
  },
  {
    name: 'asymmetric padding that is not TensorFlow’s same',
    bytes: () =>
      broken(
        (m) =>
          (g(m).node[0]!.attribute = [ints('kernel_shape', [3, 3]), ints('pads', [2, 2, 0, 0])]),
      ),
    line: /\(Conv\): pads \[2, 2, 0, 0\] at a 8×8 input cannot be expressed/,
  },
  {
    name: 'a LeakyRelu with another slope',
    bytes: () =>
      broken((m) =>
        Object.assign(g(m).node[1]!, { opType: 'LeakyRelu', attribute: [float('alpha', 0.2)] }),
      ),
    line: /\(LeakyRelu\): has slope 0\.2.*uses PyTorch's default 0\.01/,
  },
  {
    name: 'a weight fed as a second graph input',
    bytes: () =>
      broken((m) => {
        g(m).initializer.shift();
        g(m).input.push(valueInfo('conv.weight', [4, 3, 3, 3]));
      }),
    line: /the model has 2 inputs/,
  },
  {
    name: 'a node reading a tensor nobody makes',
    bytes: () => broken((m) => (g(m).node[1]!.input = ['nowhere'])),
    line: /node '\/relu\/Relu' \(Relu\) reads 'nowhere', which no node, input or initializer provides/,
  },
];

describe('netd import refuses broken and unsupported ONNX files with one line', () => {
  it('covers at least 15 malformed files', () => expect(CASES.length).toBeGreaterThanOrEqual(15));

  it.each(CASES)('$name', async ({ bytes, line }) => {
    const model = join(dir, 'bad.onnx');
    const out = join(dir, 'bad.netd.json');
    writeFileSync(model, bytes());
    const ctx = captureContext();
    const code = await main(['import', model, '-o', out], ctx);
    const lines = ctx.stderr().trimEnd().split('\n');
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(lines[0]).not.toMatch(/\n\s+at |TypeError|undefined/);
    expect(existsSync(out)).toBe(false);
  });

  it('names every node of an unsupported operator in one line per operator', async () => {
    const model = join(dir, 'two.onnx');
    const m = tinyModel();
    g(m).node.splice(
      1,
      1,
      { name: '/a/Resize', opType: 'Resize', input: ['c'], output: ['c2'] },
      { name: '/b/Resize', opType: 'Resize', input: ['c2'], output: ['c3'] },
      { name: '/c/Elu', opType: 'HardSwish', input: ['c3'], output: ['r'] },
    );
    writeFileSync(model, encode(m));
    const ctx = captureContext();
    expect(await main(['import', model, '-o', join(dir, 'two.netd.json')], ctx)).toBe(2);
    const lines = ctx.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^netd import: nodes '\/a\/Resize', '\/b\/Resize' \(Resize\): has no NetDesigner layer/,
    );
    expect(lines[1]).toMatch(/^netd import: node '\/c\/Elu' \(HardSwish\)/);
  });
});
