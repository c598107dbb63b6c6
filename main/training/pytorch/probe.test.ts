/**
 * Finding the engine's Python without blocking (the Check environment action): the parallel probe
 * picks the same interpreter as the sequential one, and a missing or hung interpreter is reported
 * with its reason instead of holding the check up.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeTorch, probeTorchAsync, resetTorchProbe } from './python.ts';

const saved = process.env.NETD_PYTHON;
const dir = mkdtempSync(join(tmpdir(), 'netd-probe-'));
afterEach(() => {
  if (saved === undefined) delete process.env.NETD_PYTHON;
  else process.env.NETD_PYTHON = saved;
  resetTorchProbe();
});
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

describe('probeTorchAsync', () => {
  it('chooses the same interpreter and torch as the sequential probe', async () => {
    delete process.env.NETD_PYTHON;
    const sequential = probeTorch();
    resetTorchProbe();
    const parallel = await probeTorchAsync();
    expect(parallel).toEqual(sequential);
    // Cached for the process: the sync probe answers from it.
    expect(probeTorch()).toBe(parallel);
  }, 120_000);

  it('names an interpreter that cannot be run', async () => {
    process.env.NETD_PYTHON = join(dir, 'no-such-python');
    const p = await probeTorchAsync();
    expect(p.torch).toBeNull();
    expect(p.unusable).toMatch(/^no Python: .*no-such-python cannot be run \(ENOENT\)$/);
  });

  it('reports what a failing interpreter printed last', async () => {
    const fake = join(dir, 'broken-python');
    writeFileSync(fake, '#!/bin/sh\necho "boom: torch is broken" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    process.env.NETD_PYTHON = fake;
    const p = await probeTorchAsync();
    expect(p.unusable).toBe(`${fake} failed to report on torch: boom: torch is broken`);
    resetTorchProbe();
    expect(probeTorch().unusable).toBe(p.unusable);
  });

  it('shares one probe between callers that ask at once', async () => {
    process.env.NETD_PYTHON = join(dir, 'no-such-python');
    const [a, b] = await Promise.all([probeTorchAsync(), probeTorchAsync()]);
    expect(a).toBe(b);
  });
});
