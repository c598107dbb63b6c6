import { describe, expect, it } from 'vitest';
import { defaultFileName, PYTHON_MODULE_FILE, switchFormat } from './exportFormats.ts';

describe('export file names', () => {
  it('suggests an importable Python name for code and keeps the design name for ONNX', () => {
    expect(defaultFileName('first-network', 'pytorch')).toBe('first_network.py');
    expect(defaultFileName('3-layers', 'keras')).toBe('model_3_layers_keras.py');
    expect(defaultFileName('first-network', 'onnx')).toBe('first-network.onnx');
    expect(PYTHON_MODULE_FILE.test(defaultFileName('a b-c', 'pytorch'))).toBe(true);
  });

  it('follows the format with a suggested name, and keeps a typed one with the right extension', () => {
    expect(switchFormat('/w/net.onnx', 'net', 'pytorch')).toBe('/w/net.py');
    expect(switchFormat('/w/net.py', 'net', 'keras')).toBe('/w/net_keras.py');
    expect(switchFormat('/w/mine.onnx', 'net', 'pytorch')).toBe('/w/mine.py');
    expect(switchFormat('/w/mine.py', 'net', 'onnx')).toBe('/w/mine.onnx');
    expect(switchFormat('/w/mine.py', 'net', 'keras')).toBe('/w/mine.py');
  });
});
