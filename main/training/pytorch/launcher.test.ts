/** How a run reads torchrun's own output: the worker's stderr and the status it blames. */
import { describe, expect, it } from 'vitest';
import { chooseLauncher, torchrunWorkerStatus, workerStderr } from './runPytorchTraining.ts';

/** What torch 1.13's torchrun writes to stderr when rank 0 exits with status 2 (abridged). */
const FAILED = `failed: the data's images are 28×28×1 but the model takes 32×32×1
ERROR:torch.distributed.elastic.multiprocessing.api:failed (exitcode: 2) local_rank: 0 (pid: 16762) of binary: /usr/bin/python3
Traceback (most recent call last):
torch.distributed.elastic.multiprocessing.errors.ChildFailedError:
============================================================
Failures:
[1]:
  rank      : 1 (local_rank: 1)
  exitcode  : 1 (pid: 16763)
------------------------------------------------------------
Root Cause (first observed failure):
[0]:
  rank      : 0 (local_rank: 0)
  exitcode  : 2 (pid: 16762)
============================================================`;

describe('the torchrun launcher', () => {
  it('is used for more than one process unless NETD_TORCHRUN=0 asks for the own launcher', () => {
    expect(chooseLauncher(1, {})).toEqual({ kind: 'single' });
    expect(chooseLauncher(2, { NETD_TORCHRUN: '0' })).toEqual({
      kind: 'own',
      reason: "NETD_TORCHRUN=0 asks for NetDesigner's launcher",
    });
  });

  it('keeps the worker’s own lines of stderr, not torchrun’s summary', () => {
    expect(workerStderr(FAILED).trim()).toBe(
      "failed: the data's images are 28×28×1 but the model takes 32×32×1",
    );
    expect(workerStderr('Segmentation fault')).toBe('Segmentation fault');
  });

  it('reads the status of the worker torchrun blames (2: unusable data)', () => {
    expect(torchrunWorkerStatus(FAILED)).toBe(2);
    expect(torchrunWorkerStatus('killed')).toBeNull();
  });
});
