/**
 * The formats *Export* offers and the file each one suggests. The host decides what is written
 * beside the main file (a weights file, `train.py`); this only names the main file.
 */
import type { ExportFormat } from '../../main/api/contract.ts';

export interface FormatInfo {
  id: ExportFormat;
  label: string;
  hint: string;
}

export const EXPORT_FORMATS: readonly FormatInfo[] = [
  {
    id: 'pytorch',
    label: 'PyTorch code',
    hint: 'a readable nn.Module (model.py); optionally a standalone train.py beside it',
  },
  { id: 'onnx', label: 'ONNX model', hint: 'opset 13, N×C×H×W input, weights inside the file' },
  { id: 'keras', label: 'Keras code', hint: 'a Keras 3 functional model (model.py)' },
];

/** A Python file name `train.py` can import (`from NAME import …`). */
export const PYTHON_MODULE_FILE = /^[A-Za-z_][A-Za-z0-9_]*\.py$/;

/**
 * `tiny-net`, `onnx` → `tiny-net.onnx`; Python files get an importable name (`tiny_net.py`), and
 * Keras code `_keras` so it does not collide with PyTorch's.
 */
export function defaultFileName(stem: string, format: ExportFormat): string {
  const base = stem || 'model';
  if (format === 'onnx') return `${base}.onnx`;
  const module = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, 'model_');
  return format === 'keras' ? `${module}_keras.py` : `${module}.py`;
}

/** The folder part of a path ('' when it has none); both separators are accepted. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut + 1);
}

/**
 * The output path after switching format: a name that is still some format's default follows the
 * new format; a name the user typed keeps its stem, with `.py` for code and `.onnx` for a model.
 */
export function switchFormat(out: string, stem: string, to: ExportFormat): string {
  const folder = folderOf(out);
  const name = out.slice(folder.length);
  const defaults = EXPORT_FORMATS.map((f) => defaultFileName(stem, f.id));
  if (defaults.includes(name) || name === '') return folder + defaultFileName(stem, to);
  // A typed name keeps its stem; only an extension of the other kind (code ↔ model) changes.
  if (to === 'onnx') return out.replace(/\.py$/i, '.onnx');
  return out.replace(/\.onnx$/i, '.py');
}
