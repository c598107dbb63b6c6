/** Test helpers: the system Python with numpy (Debian's), and a tiny design with every weight kind. */
import { spawnSync } from 'node:child_process';
import { chain } from '../network/testDocs.ts';
import type { NetworkDoc } from '../network/types.ts';

/** Debian's interpreter carries numpy and torch here; `NETD_PYTHON` overrides it. */
export const PYTHON = process.env.NETD_PYTHON ?? '/usr/bin/python3';

/** True when `PYTHON` can import every module named. */
export function pythonHas(...modules: string[]): boolean {
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], {
    stdio: 'ignore',
  });
  return r.status === 0;
}

/** Runs a Python script with arguments; returns stdout, throws with stderr on failure. */
export function runPython(script: string, args: string[]): string {
  const r = spawnSync(PYTHON, [script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Input 8×8×3 → Conv2D(4, 3×3) → BatchNorm → GAP → Dense(2): every kind of weight. */
export function smallDesign(): NetworkDoc {
  return chain(
    [8, 8, 3],
    ['Conv2D', { filters: 4, kernelSize: 3, padding: 'same' }, 'c1'],
    ['BatchNorm', {}, 'bn'],
    ['Activation', { fn: 'relu' }, 'act'],
    ['GlobalAvgPool2D', {}, 'gap'],
    ['Dense', { units: 2 }, 'fc'],
  );
}
