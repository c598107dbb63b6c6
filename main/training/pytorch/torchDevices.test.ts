import { describe, expect, it } from 'vitest';
import {
  checkTorchSettings,
  maxProcesses,
  presentDevices,
  type TorchDevices,
} from './torchDevices.ts';

const cpuOnly: TorchDevices = {
  torch: '1.13.0',
  python: '/usr/bin/python3',
  gpus: [],
  rocm: false,
  cpuOnlyBuild: true,
  mps: false,
  cpuCores: 4,
};
const twoGpus: TorchDevices = {
  ...cpuOnly,
  torch: '2.4.0',
  gpus: ['NVIDIA H100', 'NVIDIA H100'],
  cpuOnlyBuild: false,
  cpuCores: 16,
};
const mac: TorchDevices = { ...cpuOnly, mps: true, cpuCores: 8 };

describe('checkTorchSettings: --device / --nproc (and the form) against what torch sees', () => {
  it('offers only the devices that are there, the default first', () => {
    expect(presentDevices(cpuOnly)).toEqual(['cpu']);
    expect(presentDevices(twoGpus)).toEqual(['cuda', 'cpu']);
    expect(presentDevices(mac)).toEqual(['mps', 'cpu']);
  });

  it('allows one process per GPU, one on MPS, one per core on the CPU (gloo)', () => {
    expect(maxProcesses('cuda', twoGpus)).toBe(2);
    expect(maxProcesses('mps', mac)).toBe(1);
    expect(maxProcesses('cpu', cpuOnly)).toBe(4);
    expect(checkTorchSettings({ nproc: 2 }, twoGpus)).toEqual({
      ok: true,
      device: 'cuda',
      nproc: 2,
    });
    expect(checkTorchSettings({ nproc: 2 }, cpuOnly)).toEqual({
      ok: true,
      device: 'cpu',
      nproc: 2,
    });
    expect(checkTorchSettings({}, mac)).toEqual({ ok: true, device: 'mps', nproc: 1 });
  });

  it('refuses an absent device and too many processes in one line, naming the flag', () => {
    expect(checkTorchSettings({ device: 'cuda' }, cpuOnly)).toEqual({
      ok: false,
      field: 'device',
      message:
        '--device cuda: PyTorch 1.13.0 in /usr/bin/python3 sees no CUDA GPU (it is a CPU-only build)',
    });
    expect(checkTorchSettings({ device: 'mps' }, cpuOnly)).toMatchObject({ field: 'device' });
    expect(checkTorchSettings({ nproc: 3 }, twoGpus)).toEqual({
      ok: false,
      field: 'nproc',
      message:
        '--nproc 3 is more than the 2 CUDA GPUs here (CUDA NVIDIA H100, NVIDIA H100); use --nproc 2 or fewer',
    });
    expect(checkTorchSettings({ nproc: 2 }, mac)).toMatchObject({
      message: '--nproc 2: Apple MPS is one device; use --nproc 1',
    });
    expect(checkTorchSettings({ device: 'cpu', nproc: 5 }, cpuOnly)).toMatchObject({
      message: '--nproc 5 is more than the 4 CPU cores here; use --nproc 4 or fewer',
    });
  });

  it('words the same refusal with the form’s labels', () => {
    const names = {
      device: (d: string) => d.toUpperCase(),
      nproc: (n: number) => `${n} processes`,
    };
    expect(checkTorchSettings({ device: 'cpu', nproc: 5 }, cpuOnly, names)).toMatchObject({
      message: '5 processes is more than the 4 CPU cores here; use 4 processes or fewer',
    });
  });
});
