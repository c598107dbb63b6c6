import { describe, expect, it, vi } from 'vitest';
import { formatIssuePath, NetworkFileError } from '../files/index.ts';
import { dispatchApiCall, methodForChannel } from './dispatch.ts';
import { ApiError } from './errors.ts';
import { recordingApi } from './testSupport.ts';

describe('dispatchApiCall', () => {
  it('refuses an unknown channel with a clear message', async () => {
    const { api, calls } = recordingApi();
    const result = await dispatchApiCall(api, 'files:delete', { path: '/' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: "Unknown API channel 'files:delete'." },
    });
    expect(calls).toEqual([]);
    expect(methodForChannel('onTrainingEvent')).toBeUndefined();
  });

  it('returns the method result', async () => {
    const { api } = recordingApi();
    expect(await dispatchApiCall(api, 'runs:get', { runId: 'r7' })).toEqual({
      ok: true,
      result: { method: 'runsGet', arg: { runId: 'r7' } },
    });
  });

  it('passes an ApiError through with its code', async () => {
    const { api } = recordingApi();
    api.runsGet = async () => {
      throw new ApiError('not-found', "There is no run 'r7'.");
    };
    expect(await dispatchApiCall(api, 'runs:get', { runId: 'r7' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: "There is no run 'r7'." },
    });
  });

  it('passes file errors through as file-error', async () => {
    const { api } = recordingApi();
    api.filesOpen = async () => {
      throw new NetworkFileError('not-found', '/x.netd.json', 'no such file');
    };
    const result = await dispatchApiCall(api, 'files:open', { path: '/x.netd.json' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'file-error', message: '/x.netd.json: no such file' },
    });
  });

  it('logs an unexpected error with its stack but answers one line without it', async () => {
    const { api } = recordingApi();
    const bug = new TypeError("Cannot read properties of undefined (reading 'shape')\n    at x");
    api.networkExample = async () => {
      throw bug;
    };
    const log = vi.fn();
    const result = await dispatchApiCall(api, 'network:example', undefined, log);
    expect(log).toHaveBeenCalledWith('network:example', bug);
    if (result.ok) throw new Error('expected failure');
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toBe(
      "network:example failed: Cannot read properties of undefined (reading 'shape')",
    );
    expect(result.error.message).not.toContain('    at ');
  });
});

describe('training errors', () => {
  it('maps a missing run to not-found and data problems to training-error', async () => {
    const { api } = recordingApi();
    api.runsGet = async () => {
      throw Object.assign(new Error("There is no run 'r9'."), { name: 'RunNotFoundError' });
    };
    api.trainingDescribeData = async () => {
      throw Object.assign(new Error("'/data' has no images."), { name: 'DataError' });
    };
    expect(await dispatchApiCall(api, 'runs:get', { runId: 'r9' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: "There is no run 'r9'." },
    });
    expect(await dispatchApiCall(api, 'training:describeData', { spec: '/data' })).toEqual({
      ok: false,
      error: { code: 'training-error', message: "'/data' has no images." },
    });
  });
});

describe('formatIssuePath (main/files), as API messages use it', () => {
  it('writes paths as a reader would', () => {
    expect(formatIssuePath(['doc', 'nodes', 2, 'params'])).toBe('doc.nodes[2].params');
    expect(formatIssuePath([0, 'a'])).toBe('[0].a');
    expect(formatIssuePath([])).toBe('');
  });
});
