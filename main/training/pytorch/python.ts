/**
 * Which Python runs the PyTorch engine: `NETD_PYTHON` when set, else the first `python3` on the
 * PATH that imports torch, else Debian's /usr/bin/python3 (where `apt install python3-torch` puts it).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `netd_torch` package's parent folder (put on PYTHONPATH to import it). */
export const PYTORCH_DIR = fileURLToPath(new URL('.', import.meta.url));

function importsTorch(python: string): boolean {
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8', timeout: 60_000 });
  return !probe.error && probe.status === 0;
}

let chosen: string | undefined;

/** The Python interpreter to use (not checked for torch when NETD_PYTHON names one). */
export function pythonExecutable(): string {
  if (process.env.NETD_PYTHON) return process.env.NETD_PYTHON;
  if (chosen) return chosen;
  const candidates = ['python3', '/usr/bin/python3', 'python'];
  chosen = candidates.find(importsTorch) ?? 'python3';
  return chosen;
}

/** Null when `python -c "import torch"` works, else why not (for "skipped: …" and doctor lines). */
export function torchUnavailableReason(python = pythonExecutable()): string | null {
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error) return `${python} cannot be run (${probe.error.message})`;
  if (probe.status !== 0) {
    const last = probe.stderr.trim().split('\n').pop() ?? '';
    return `${python} cannot import torch (${last || `exit ${probe.status}`}); pip install torch, or set NETD_PYTHON`;
  }
  return null;
}
