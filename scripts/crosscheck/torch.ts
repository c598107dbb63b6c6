/** Running scripts/crosscheck/torch_check.py with Debian's python3, when torch is there. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { NetworkDoc } from '../../main/network/types.ts';

export const PYTHON = process.env.NETD_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torch_check.py', import.meta.url));

/** Null when `import torch` works, else why it does not (for "skipped: …" messages). */
export function torchUnavailableReason(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} cannot be run (${probe.error.message})`;
  if (probe.status !== 0) {
    const last = probe.stderr.trim().split('\n').pop() ?? '';
    return `${PYTHON} cannot import torch (${last || `exit ${probe.status}`}); install python3-torch`;
  }
  return null;
}

const nodeReport = z.object({
  outputShape: z.array(z.number()),
  trainableParams: z.number(),
  nonTrainableParams: z.number(),
  macs: z.number(),
});
export type TorchNodeReport = z.infer<typeof nodeReport>;

const torchOutput = z.object({
  torch: z.string(),
  results: z.array(
    z.object({
      name: z.string(),
      nodes: z.record(z.string(), nodeReport),
      error: z.string().nullable(),
    }),
  ),
});
export type TorchOutput = z.infer<typeof torchOutput>;

/** Builds every network with torch.nn and returns what PyTorch reports for each node. */
export function runTorch(docs: readonly NetworkDoc[]): TorchOutput {
  const dir = mkdtempSync(join(tmpdir(), 'netd-crosscheck-'));
  try {
    const file = join(dir, 'graphs.json');
    writeFileSync(file, JSON.stringify(docs));
    const run = spawnSync(PYTHON, [SCRIPT, file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) {
      throw new Error(
        `torch_check.py failed (exit ${run.status}): ${run.stderr.trim().split('\n').pop() ?? ''}`,
      );
    }
    return torchOutput.parse(JSON.parse(run.stdout));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
