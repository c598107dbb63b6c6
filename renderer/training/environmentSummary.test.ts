import { describe, expect, it } from 'vitest';
import type { EnvironmentReport } from '../../main/training/types.ts';
import { backendsByUse, environmentSummary } from './environmentSummary.ts';

const report = (
  selected: EnvironmentReport['selected'],
  gpuAvailable: boolean,
  gpus: string[] = ['NVIDIA RTX 3060'],
): EnvironmentReport => ({
  selected,
  node: 'v22',
  platform: 'linux x64',
  cpus: 8,
  gpus,
  backends: [
    {
      name: 'tensorflow-gpu',
      packageName: '@tensorflow/tfjs-node-gpu',
      available: gpuAvailable,
      reason: gpuAvailable ? 'CUDA 11.8' : 'libcudnn.so.8 is missing.',
      remedy: 'install cuDNN 8 for CUDA 11',
    },
    {
      name: 'tensorflow',
      packageName: '@tensorflow/tfjs-node',
      available: false,
      reason: 'Not installed.',
    },
    { name: 'wasm', packageName: '@tensorflow/tfjs-backend-wasm', available: true, reason: 'ok' },
    { name: 'cpu', packageName: '@tensorflow/tfjs', available: true, reason: 'ok' },
  ],
});

describe('environment diagnosis', () => {
  it('names the backend in use and the first faster one missing, with its fix', () => {
    expect(environmentSummary(report('wasm', false))).toBe(
      'Training runs on wasm. The faster tensorflow-gpu backend is not available (libcudnn.so.8 is missing); to get it: install cuDNN 8 for CUDA 11',
    );
  });
  it('says when nothing faster exists', () => {
    expect(environmentSummary(report('tensorflow-gpu', true))).toBe(
      'Training runs on tensorflow-gpu. This is the fastest backend there is.',
    );
  });

  it('on a machine without a GPU, leads with what would help, not with the GPU backend', () => {
    const noGpu = report('wasm', false, []);
    expect(environmentSummary(noGpu)).toBe(
      'Training runs on wasm. The faster tensorflow backend is not available (Not installed). (No GPU was detected, so the GPU backend would not help here.)',
    );
    expect(backendsByUse(noGpu).map((b) => b.name)).toEqual([
      'wasm',
      'tensorflow',
      'cpu',
      'tensorflow-gpu',
    ]);
  });

  it('with a GPU, lists the faster backends right after the one in use', () => {
    expect(backendsByUse(report('wasm', false)).map((b) => b.name)).toEqual([
      'wasm',
      'tensorflow-gpu',
      'tensorflow',
      'cpu',
    ]);
  });
});
