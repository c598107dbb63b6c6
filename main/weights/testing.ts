/** Test helpers: the system Python with numpy (Debian's). */
import { spawnSync } from 'node:child_process';

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
