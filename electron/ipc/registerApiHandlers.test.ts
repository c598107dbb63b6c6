import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { API_CHANNELS } from '../../main/api/contract.ts';
import type { ApiMethod, NetdApi } from '../../main/api/contract.ts';
import { registerApiHandlers } from './registerApiHandlers.ts';
import type { IpcResult } from './ipcResult.ts';
import { createSenderCheck } from './senderGuard.ts';
import type { IpcSenderInfo } from './senderGuard.ts';

type Handler = (event: IpcSenderInfo, ...args: unknown[]) => Promise<IpcResult>;

const EXAMPLE_DOC = JSON.parse(
  readFileSync(new URL('../../assets/examples/first-start.netd.json', import.meta.url), 'utf8'),
) as unknown;

/** A fake API whose every method records its call and returns a marker. */
function fakeApi() {
  const calls: { method: string; arg: unknown }[] = [];
  const api = Object.fromEntries(
    Object.keys(API_CHANNELS).map((method) => [
      method,
      vi.fn(async (arg: unknown) => {
        calls.push({ method, arg });
        return { called: method };
      }),
    ]),
  ) as unknown as NetdApi;
  api.onTrainingEvent = () => () => undefined;
  return { api, calls };
}

function setup() {
  const handlers = new Map<string, Handler>();
  const ipc = {
    handle: (channel: string, listener: Handler) => void handlers.set(channel, listener),
  };
  const trustedContents = { id: 'main-window' };
  const { api, calls } = fakeApi();
  const onSuccess = vi.fn();
  registerApiHandlers(
    ipc,
    api,
    createSenderCheck(() => trustedContents),
    { onSuccess },
  );
  const fromApp: IpcSenderInfo = {
    sender: trustedContents,
    senderFrame: { url: 'app://netdesigner/index.html', parent: null },
  };
  const call = (channel: string, payload: unknown, event: IpcSenderInfo = fromApp) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, payload);
  };
  return { handlers, calls, call, onSuccess, trustedContents, fromApp };
}

/** One valid request per method, as the renderer would send it. */
const VALID: Record<ApiMethod, unknown> = {
  hostInfo: {},
  catalogList: {},
  networkAnalyze: { doc: EXAMPLE_DOC },
  networkAnalyzeUpdate: { doc: EXAMPLE_DOC, since: 1 },
  networkExpandNode: { doc: EXAMPLE_DOC, nodeId: 'conv1' },
  networkExpandAll: { doc: EXAMPLE_DOC },
  networkAdapt: { doc: EXAMPLE_DOC, input: [64, 64, 3], classes: 10 },
  networkExample: {},
  networkCompare: { a: EXAMPLE_DOC, b: EXAMPLE_DOC },
  examplesList: {},
  examplesLoad: { id: 'conv7-vs-3x3' },
  templatesList: {},
  templatesLoad: { id: 'lenet5', classes: 10 },
  filesOpen: { path: '/tmp/model.netd.json' },
  filesSave: { path: '/tmp/model.netd.json', doc: EXAMPLE_DOC },
  filesRecent: {},
  filesImport: { path: '/tmp/model.onnx' },
  filesList: { dir: '/tmp' },
  filesWeights: { path: '/tmp/model.netd.json' },
  recoveryRead: {},
  recoveryWrite: { doc: EXAMPLE_DOC, path: null },
  recoveryClear: {},
  trainingEnvironment: {},
  trainingDescribeData: { spec: 'synthetic' },
  trainingStart: { doc: EXAMPLE_DOC, data: 'synthetic', options: { epochs: 2 } },
  trainingStop: { runId: 'run-1' },
  runsList: {},
  runsGet: { runId: 'run-1' },
  runsDelete: { runId: 'run-1' },
  runsExportModel: { runId: 'run-1', dir: '/tmp/export' },
  exportDesign: { doc: EXAMPLE_DOC, designPath: null, to: 'onnx', out: '/tmp/model.onnx' },
  runsContinue: { runId: 'run-1', doc: EXAMPLE_DOC, path: '/tmp/model.netd.json' },
};

const methods = Object.keys(API_CHANNELS) as ApiMethod[];

describe('API IPC handlers', () => {
  it('registers exactly one handler per API channel', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(API_CHANNELS).sort());
  });

  it.each(methods)(
    '%s: a valid request reaches the API and its result comes back',
    async (method) => {
      const { call, calls } = setup();
      const outcome = await call(API_CHANNELS[method], VALID[method]);
      expect(outcome).toEqual({ ok: true, result: { called: method } });
      expect(calls.map((c) => c.method)).toEqual([method]);
    },
  );

  it.each(methods)(
    '%s: a payload with an unknown field is rejected before the API runs',
    async (method) => {
      const { call, calls } = setup();
      const bad =
        typeof VALID[method] === 'object'
          ? { ...(VALID[method] as object), notAField: 1 }
          : { notAField: 1 };
      const outcome = await call(API_CHANNELS[method], bad);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.code).toBe('bad-request');
      expect(outcome.error.message).toContain(API_CHANNELS[method]);
      expect(outcome.error.message).not.toMatch(/\n\s+at /); // no stack trace
      expect(calls).toEqual([]);
    },
  );

  it.each(methods)('%s: a payload of the wrong type is rejected', async (method) => {
    const { call, calls } = setup();
    const outcome = await call(API_CHANNELS[method], 'rm -rf /');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(calls).toEqual([]);
  });

  it('names the bad field in the message', async () => {
    const { call } = setup();
    const outcome = await call(API_CHANNELS.filesOpen, { path: 42 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/path/);
    const doc = structuredClone(EXAMPLE_DOC) as { nodes: { params: unknown }[] };
    doc.nodes[1]!.params = 'not params';
    const analyze = await call(API_CHANNELS.networkAnalyze, { doc });
    expect(analyze.ok).toBe(false);
    if (!analyze.ok) expect(analyze.error.message).toContain('doc.nodes[1].params');
  });

  it('refuses a request from another window, whatever the payload', async () => {
    const { call, calls, fromApp } = setup();
    const outcome = await call(API_CHANNELS.filesOpen, VALID.filesOpen, {
      ...fromApp,
      sender: { id: 'other' },
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!outcome.ok)
      expect(outcome.error.message).toContain('did not come from the NetDesigner window');
    expect(calls).toEqual([]);
  });

  it('refuses a request from an embedded frame or a page that is not the app', async () => {
    const { call, calls, fromApp } = setup();
    const fromFrame = {
      ...fromApp,
      senderFrame: { url: 'app://netdesigner/index.html', parent: {} },
    };
    const fromWeb = { ...fromApp, senderFrame: { url: 'https://evil.example/', parent: null } };
    const fromFile = { ...fromApp, senderFrame: { url: 'file:///etc/passwd', parent: null } };
    const gone = { ...fromApp, senderFrame: null };
    for (const event of [fromFrame, fromWeb, fromFile, gone]) {
      expect(await call(API_CHANNELS.filesRecent, {}, event)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('reports successful calls so the shell can refresh Open Recent', async () => {
    const { call, onSuccess } = setup();
    await call(API_CHANNELS.filesOpen, VALID.filesOpen);
    expect(onSuccess).toHaveBeenCalledWith('filesOpen', { called: 'filesOpen' });
  });
});
