/**
 * Which design padding reproduces an ONNX window op, table-driven. Each row's truth is PyTorch's
 * own output size for that op (nn.MaxPool2d / nn.Conv2d at that input), and the design padding
 * must give the same windows: same first-window offset and same count.
 */
import { describe, expect, it } from 'vitest';
import { commonPrefix, idHint } from './naming.ts';
import { matchPadding, onnxLayout, type AxisWindow } from './windows.ts';

const axis = (
  size: number,
  kernel: number,
  stride: number,
  padBegin: number,
  padEnd: number,
  ceil = false,
): AxisWindow => ({ size, kernel, stride, dilation: 1, padBegin, padEnd, ceil });

describe('onnxLayout (PyTorch output sizes)', () => {
  it.each([
    // size, k, s, pads, ceil → torch output size
    [112, 3, 2, 0, 0, true, 56], // GoogLeNet maxpool1, ceil_mode=True
    [112, 3, 2, 1, 1, false, 56], // ResNet maxpool
    [55, 3, 2, 0, 0, false, 27], // AlexNet pool1
    [14, 2, 2, 0, 0, true, 7],
    [5, 2, 2, 1, 1, true, 3], // the last window would start in the padding: dropped
  ] as const)('size %i k%i s%i pads %i/%i ceil %s → %i', (size, k, s, pb, pe, ceil, out) => {
    expect(onnxLayout(axis(size, k, s, pb, pe, ceil)).count).toBe(out);
  });
});

describe('matchPadding', () => {
  it.each([
    ['symmetric pads', axis(112, 3, 2, 1, 1), { kind: 'explicit', padding: [1, 1] }],
    ['no pads', axis(55, 3, 2, 0, 0), { kind: 'explicit', padding: 'valid' }],
    [
      'ceil mode that equals TensorFlow same',
      axis(112, 3, 2, 0, 0, true),
      { kind: 'same', padding: 'same' },
    ],
    ['TensorFlow same written as pads', axis(32, 3, 2, 0, 1), { kind: 'same', padding: 'same' }],
    ['an unused extra end pad', axis(9, 3, 2, 1, 2), { kind: 'explicit', padding: [1, 1] }],
    ['pads on the wrong side', axis(8, 3, 1, 2, 0), null],
  ] as const)('%s', (_name, a, expected) => {
    expect(matchPadding(a, a)).toEqual(expected);
  });
});

describe('design ids from ONNX names', () => {
  it.each([
    ['/layer1/layer1.0/conv1/Conv', 'Conv', 'layer1.0.conv1'],
    ['/features/features.0/Conv', 'Conv', 'features.0'],
    ['/Flatten', 'Flatten', 'flatten'],
    ['Conv_12', 'Conv', 'Conv_12'],
    [undefined, 'Relu', 'relu'],
    ['/a b/c:d/Relu', 'Relu', 'a_b.c_d'],
  ] as const)('%s → %s', (name, op, id) => expect(idHint(name, op)).toBe(id));

  it('a block is named by the common module path of its layers', () => {
    expect(commonPrefix(['layer1.0.conv1', 'layer1.0.bn1', 'layer1.0'])).toBe('layer1.0');
    expect(commonPrefix(['a.conv', 'b.conv'])).toBe('');
  });
});
