import { describe, expect, it } from 'vitest';
import type { EngineReport } from '../../main/training/types.ts';
import {
  DEFAULT_ENGINE_CHOICE,
  createEngineStore,
  deviceOptions,
  engineSettings,
  engineVerdict,
} from './engineChoice.ts';

const withTorch: EngineReport = {
  auto: { engine: 'pytorch', reason: 'PyTorch 2.4.0: it sees a GPU (CUDA NVIDIA H100)' },
  pytorch: {
    available: true,
    reason: 'torch 2.4.0 in python3 (Python 3.12.1)',
    devices: ['cuda:0 NVIDIA H100, 80 GB'],
    hardware: {
      torch: '2.4.0',
      python: 'python3',
      gpus: ['NVIDIA H100'],
      rocm: false,
      cpuOnlyBuild: false,
      mps: false,
      cpuCores: 8,
    },
  },
};
/** torch on a CPU-only machine: Auto picks PyTorch (faster than wasm). */
const cpuTorch: EngineReport = {
  auto: { engine: 'pytorch', reason: 'PyTorch 1.13.0 on the CPU: several times faster' },
  pytorch: {
    available: true,
    reason: 'torch 1.13.0 in /usr/bin/python3',
    devices: [],
    hardware: {
      ...withTorch.pytorch.hardware!,
      torch: '1.13.0',
      gpus: [],
      cpuOnlyBuild: true,
      cpuCores: 2,
    },
  },
};
const noTorch: EngineReport = {
  auto: { engine: 'tfjs', reason: 'TensorFlow.js: PyTorch is not usable (python3 has no torch)' },
  pytorch: {
    available: false,
    reason: 'python3 has no torch (No module named torch)',
    remedy: 'pip install torch',
    devices: [],
  },
};

describe('engineVerdict: what the form says under the engine choice', () => {
  it('names the engine Auto picks with the host’s reason', () => {
    expect(engineVerdict('auto', withTorch, null)).toEqual({
      kind: 'ok',
      engine: 'pytorch',
      label: 'PyTorch',
      reason: withTorch.auto.reason,
    });
    expect(engineVerdict('auto', noTorch, null)).toMatchObject({ engine: 'tfjs' });
  });

  it('names the torch, Python and devices when PyTorch is chosen', () => {
    const v = engineVerdict('pytorch', withTorch, null);
    expect(v.kind === 'ok' && v.reason).toBe(
      'as chosen: torch 2.4.0 in python3 (Python 3.12.1), on cuda:0 NVIDIA H100, 80 GB',
    );
  });

  it('says why PyTorch cannot run and what to install', () => {
    expect(engineVerdict('pytorch', noTorch, null)).toEqual({
      kind: 'unavailable',
      reason: 'python3 has no torch (No module named torch)',
      remedy: 'pip install torch',
    });
  });

  it('is checking until the host answers, and falls back to tfjs for Auto when it cannot', () => {
    expect(engineVerdict('auto', null, null)).toEqual({ kind: 'checking' });
    expect(engineVerdict('tfjs', null, null)).toMatchObject({ kind: 'ok', engine: 'tfjs' });
    expect(engineVerdict('auto', null, 'timed out')).toMatchObject({ engine: 'tfjs' });
    expect(engineVerdict('pytorch', null, 'timed out')).toMatchObject({ kind: 'unavailable' });
  });
});

describe('the engine store', () => {
  it('asks the host once and keeps its engine report', async () => {
    let calls = 0;
    const store = createEngineStore({
      trainingEnvironment: async () => {
        calls += 1;
        return {
          selected: 'wasm',
          backends: [],
          node: '',
          platform: '',
          cpus: 2,
          gpus: [],
          engine: withTorch,
        };
      },
    });
    await store.getState().probe();
    await store.getState().probe();
    expect(calls).toBe(1);
    expect(store.getState().report).toEqual(withTorch);
  });
});

describe('engineSettings: the form’s Device and Processes, checked as netd train checks them', () => {
  const form = {
    choice: 'auto' as const,
    report: cpuTorch,
    probeError: null,
    device: 'auto' as const,
    nproc: '1',
  };

  it('starts on Auto, and offers Device and Processes only when the run trains on PyTorch', () => {
    expect(DEFAULT_ENGINE_CHOICE).toBe('auto');
    expect(engineSettings(form)).toMatchObject({
      request: { engine: 'auto' },
      device: 'cpu',
      problem: null,
    });
    expect(engineSettings({ ...form, choice: 'tfjs', nproc: '2' })).toEqual({
      request: { engine: 'tfjs' },
      torch: null,
      device: null,
      maxProcesses: 1,
      problem: null,
    });
    expect(engineSettings({ ...form, report: noTorch }).torch).toBeNull();
  });

  it('offers the devices torch found, never an absent one', () => {
    expect(deviceOptions(cpuTorch.pytorch.hardware!)).toEqual([
      ['auto', 'Auto (CPU)'],
      ['cpu', 'CPU · 2 cores'],
    ]);
    expect(deviceOptions(withTorch.pytorch.hardware!).map(([v]) => v)).toEqual([
      'auto',
      'cuda',
      'cpu',
    ]);
  });

  it('sends 2 CPU processes (gloo) as nproc 2, and the chosen device', () => {
    expect(engineSettings({ ...form, nproc: '2' }).request).toEqual({ engine: 'auto', nproc: 2 });
    expect(engineSettings({ ...form, choice: 'pytorch', device: 'cpu' }).request).toEqual({
      engine: 'pytorch',
      device: 'cpu',
    });
  });

  it('refuses what the CLI refuses, with the field and a message in the form’s words', () => {
    expect(engineSettings({ ...form, nproc: '3' }).problem).toEqual({
      field: 'nproc',
      message: '3 processes is more than the 2 CPU cores here; use 2 processes or fewer',
    });
    expect(engineSettings({ ...form, nproc: '1.5' }).problem).toEqual({
      field: 'nproc',
      message: 'Processes must be a whole number',
    });
    expect(engineSettings({ ...form, nproc: '' }).problem?.field).toBe('nproc');
    expect(engineSettings({ ...form, nproc: '0' }).problem?.message).toBe(
      'Processes must be at least 1',
    );
    expect(engineSettings({ ...form, device: 'cuda' }).problem).toEqual({
      field: 'device',
      message: 'Device CUDA: PyTorch 1.13.0 in python3 sees no CUDA GPU (it is a CPU-only build)',
    });
    expect(engineSettings({ ...withForm(), nproc: '2' }).problem?.message).toBe(
      '2 processes is more than the 1 CUDA GPU here (CUDA NVIDIA H100); use 1 process or fewer',
    );
  });
  function withForm() {
    return { ...form, report: withTorch };
  }
});
