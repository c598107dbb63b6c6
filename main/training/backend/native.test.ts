import { createRequire } from 'node:module';
import util from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  explainLoadError,
  loadNative,
  missingLibraryFromError,
  polyfillNodeUtil,
} from './native.ts';

describe('native backend load errors', () => {
  it.each([
    ['libcudnn.so.8: cannot open shared object file: No such file or directory', 'libcudnn.so.8'],
    [
      'Error: libcudart.so.11.0: cannot open shared object file: No such file or directory',
      'libcudart.so.11.0',
    ],
    ['Could not load dynamic library libcublas.so.11', 'libcublas.so.11'],
    [
      '\\\\?\\C:\\app\\tfjs_binding.node: The specified module could not be found. tensorflow.dll',
      'tensorflow.dll',
    ],
    ['something unrelated', null],
  ])('finds the missing library in %j', (message, lib) => {
    expect(missingLibraryFromError(message)).toBe(lib);
  });

  it('names cuDNN and the library when libcudnn is missing', () => {
    const { reason, remedy } = explainLoadError(
      'tensorflow-gpu',
      'libcudnn.so.8: cannot open shared object file',
    );
    expect(reason).toBe(
      '@tensorflow/tfjs-node-gpu is installed but the cuDNN 8.1 library libcudnn.so.8 is missing',
    );
    expect(remedy).toMatch(/install cuDNN 8\.1 so that libcudnn\.so\.8 is on the library path/);
  });

  it('names CUDA when the CUDA runtime is missing', () => {
    const { reason } = explainLoadError(
      'tensorflow-gpu',
      'libcudart.so.11.0: cannot open shared object file',
    );
    expect(reason).toMatch(/CUDA 11\.2 library libcudart\.so\.11\.0 is missing/);
  });

  it('tells to rebuild when the native addon was never downloaded', () => {
    const message =
      'The Node.js native addon module (tfjs_binding.node) can not be found at path: /x/lib/napi-v8/tfjs_binding.node.';
    const { reason, remedy } = explainLoadError('tensorflow', message);
    expect(reason).toMatch(/native library was never downloaded/);
    expect(remedy).toBe(
      'npm rebuild @tensorflow/tfjs-node (with network access; scripts must be allowed)',
    );
  });

  it('puts back util.isNullOrUndefined, which Node ≥ 23 removed and tfjs-node calls', () => {
    const u = util as unknown as Record<string, unknown>;
    const original = u['isNullOrUndefined'];
    delete u['isNullOrUndefined'];
    try {
      polyfillNodeUtil();
      const fn = u['isNullOrUndefined'] as (v: unknown) => boolean;
      expect([fn(null), fn(undefined), fn(0), fn('')]).toEqual([true, true, false, false]);
    } finally {
      u['isNullOrUndefined'] = original;
    }
  });

  it('reports a package that is not installed, with the install command', async () => {
    const require = createRequire(import.meta.url);
    let installed = true;
    try {
      require.resolve('@tensorflow/tfjs-node-gpu');
    } catch {
      installed = false;
    }
    const result = await loadNative('tensorflow-gpu');
    if (installed) {
      expect(result.ok || ('installed' in result && result.installed)).toBe(true);
    } else {
      expect(result).toMatchObject({
        ok: false,
        installed: false,
        reason: '@tensorflow/tfjs-node-gpu is not installed',
        remedy: expect.stringMatching(
          /^npm install @tensorflow\/tfjs-node-gpu@4\.22\.0 — needs an NVIDIA GPU with CUDA 11\.2 and cuDNN 8\.1/,
        ),
      });
    }
  });
});
