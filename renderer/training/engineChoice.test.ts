import { describe, expect, it } from 'vitest';
import type { EngineReport } from '../../main/training/types.ts';
import { createEngineStore, engineVerdict } from './engineChoice.ts';

const withTorch: EngineReport = {
  auto: { engine: 'pytorch', reason: 'PyTorch 2.4.0: it sees a GPU (CUDA NVIDIA H100)' },
  pytorch: {
    available: true,
    reason: 'torch 2.4.0 in python3 (Python 3.12.1)',
    devices: ['cuda:0 NVIDIA H100, 80 GB'],
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
