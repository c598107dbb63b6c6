import { afterEach, describe, expect, it } from 'vitest';
import { backendFromEnv, BACKEND_ORDER, initBackend } from './initBackend.ts';
import { diagnoseEnvironment, formatEnvironmentReport } from './diagnose.ts';
import type { EnvironmentReport } from '../types.ts';

const savedEnv = process.env['NETD_BACKEND'];
afterEach(() => {
  if (savedEnv === undefined) delete process.env['NETD_BACKEND'];
  else process.env['NETD_BACKEND'] = savedEnv;
});

describe('initBackend', () => {
  it('activates the wasm backend with our training kernels when asked', async () => {
    const { tf, backend, note } = await initBackend('wasm');
    expect(backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(note).toMatch(/^Training on wasm: WebAssembly/);
    expect(note).toMatch(/Faster backends were not tried because a backend was requested/);
  });

  it('activates the pure-JS cpu backend when asked', async () => {
    const { tf, backend } = await initBackend('cpu');
    expect([backend, tf.getBackend()]).toEqual(['cpu', 'cpu']);
  });

  it('picks what the environment diagnosis selects, and says why faster ones are not used', async () => {
    delete process.env['NETD_BACKEND'];
    const report = await diagnoseEnvironment();
    const { backend, note } = await initBackend();
    expect(backend).toBe(report.selected);
    for (const skipped of report.backends.slice(0, BACKEND_ORDER.indexOf(backend))) {
      expect(note).toContain(`${skipped.name} — `);
    }
  });

  it('obeys NETD_BACKEND', async () => {
    process.env['NETD_BACKEND'] = 'cpu';
    expect((await initBackend()).backend).toBe('cpu');
  });

  it('rejects an unknown NETD_BACKEND naming the valid values', () => {
    expect(() => backendFromEnv({ NETD_BACKEND: 'cuda' })).toThrow(
      "NETD_BACKEND='cuda' is not a backend; use one of tensorflow-gpu, tensorflow, wasm, cpu",
    );
    expect(backendFromEnv({ NETD_BACKEND: ' ' })).toBeUndefined();
  });
});

describe('environment diagnosis', () => {
  it('lists every backend fastest first, with wasm and cpu available', async () => {
    const report = await diagnoseEnvironment();
    expect(report.backends.map((b) => b.name)).toEqual([...BACKEND_ORDER]);
    expect(report.backends.find((b) => b.name === 'wasm')?.available).toBe(true);
    expect(report.backends.find((b) => b.name === 'cpu')?.available).toBe(true);
    expect(report.selected).toBe(report.backends.find((b) => b.available)?.name);
    for (const b of report.backends.filter((s) => !s.available)) expect(b.remedy).toBeTruthy();
  });

  it('formats a report with marks, reasons and fixes', () => {
    const report: EnvironmentReport = {
      selected: 'wasm',
      node: 'v20.0.0',
      platform: 'linux x64',
      cpus: 8,
      gpus: [],
      backends: [
        {
          name: 'tensorflow-gpu',
          packageName: '@tensorflow/tfjs-node-gpu',
          available: false,
          reason: 'not installed',
          remedy: 'npm install it',
        },
        {
          name: 'tensorflow',
          packageName: '@tensorflow/tfjs-node',
          available: false,
          reason: 'not installed',
          remedy: 'npm install that',
        },
        {
          name: 'wasm',
          packageName: '@tensorflow/tfjs-backend-wasm',
          available: true,
          reason: 'loads',
        },
        {
          name: 'cpu',
          packageName: '@tensorflow/tfjs',
          available: true,
          reason: 'always available',
        },
      ],
    };
    const text = formatEnvironmentReport(report);
    expect(text).toContain('Training will use: wasm — WebAssembly');
    expect(text).toContain('GPUs: none found');
    expect(text).toContain(
      '  ✗ tensorflow-gpu  @tensorflow/tfjs-node-gpu\n      not installed\n      fix: npm install it\n',
    );
    expect(text).toContain('  ✓ wasm            @tensorflow/tfjs-backend-wasm\n      loads\n');
  });
});
