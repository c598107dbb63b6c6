import { describe, expect, it, vi } from 'vitest';
import type { NetworkDoc } from '../../main/network/types.ts';
import type { RunDetail, RunSummary, TrainingEvent } from '../../main/training/types.ts';
import { runEvents, TEST_DATA, TEST_OPTIONS } from './testEvents.ts';
import { createTrainingStore, type TrainingApi } from './trainingStore.ts';

const doc: NetworkDoc = {
  format: 'netdesigner.network',
  version: 1,
  name: 'Tiny',
  nodes: [],
  edges: [],
};

function summary(runId: string): RunSummary {
  return {
    runId,
    name: runId,
    createdAt: '2026-11-28T23:00:00Z',
    status: 'done',
    data: 'synthetic',
    backend: 'wasm',
    epochsDone: 2,
    bestValAccuracy: 0.5,
    testAccuracy: 0.6,
  };
}

function detail(runId: string): RunDetail {
  return {
    ...summary(runId),
    doc,
    options: TEST_OPTIONS,
    epochHistory: [],
    batchLoss: [],
    confusion: null,
    classes: [],
    message: null,
    hasModel: true,
  };
}

function fakeHost() {
  let listener: ((e: TrainingEvent) => void) | null = null;
  let runs: RunSummary[] = [summary('old')];
  const api = {
    trainingEnvironment: vi.fn(),
    trainingDescribeData: vi.fn(async ({ spec }: { spec: string }) => {
      if (spec === '/missing') throw new Error('Folder /missing does not exist.');
      return { ...TEST_DATA, spec };
    }),
    trainingStart: vi.fn(async () => {
      runs = [summary('r1'), ...runs];
      return { runId: 'r1' };
    }),
    trainingStop: vi.fn(async () => undefined),
    runsList: vi.fn(async () => runs),
    runsGet: vi.fn(async ({ runId }: { runId: string }) => detail(runId)),
    runsDelete: vi.fn(async ({ runId }: { runId: string }) => {
      runs = runs.filter((r) => r.runId !== runId);
    }),
    runsExportModel: vi.fn(async ({ dir }: { dir: string }) => ({ path: `${dir}/model.json` })),
    onTrainingEvent: vi.fn((l: (e: TrainingEvent) => void) => {
      listener = l;
      return () => {
        listener = null;
      };
    }),
    networkAdapt: vi.fn(async ({ doc: d }: { doc: NetworkDoc }) => ({
      doc: { ...d, name: 'Adapted' },
      changes: [],
      message: 'Adapted to 28×28×1 and 4 classes: Input 32×32×3 → 28×28×1.',
    })),
  } satisfies Partial<Record<keyof TrainingApi, unknown>>;
  const emit = (events: TrainingEvent[]) => events.forEach((e) => listener?.(e));
  return { api: api as unknown as TrainingApi, calls: api, emit };
}

function setup() {
  const host = fakeHost();
  const replaceDoc = vi.fn();
  const store = createTrainingStore({
    api: host.api,
    getDoc: () => doc,
    replaceDoc,
    flushMs: 10_000,
  });
  return { host, store, replaceDoc };
}

describe('training store', () => {
  it('starts a run with the parsed options and follows its events to the result', async () => {
    const { host, store } = setup();
    const disconnect = store.getState().connect();
    await store.getState().start();
    expect(host.calls.trainingStart).toHaveBeenCalledWith(
      expect.objectContaining({
        data: 'synthetic',
        options: expect.objectContaining({ epochs: 5, batchSize: 32 }),
      }),
    );
    host.emit(runEvents('r1', 2, 3).slice(0, 4));
    // Batches are buffered until the next flush so the UI is not re-rendered per batch.
    expect(store.getState().live?.batchesDone).toBe(0);
    store.getState().flushEvents();
    expect(store.getState().live?.batchesDone).toBe(3);
    host.emit(runEvents('r1', 2, 3).slice(4));
    // The end is applied at once.
    expect(store.getState().live?.status).toBe('done');
    expect(store.getState().live?.result?.testAccuracy).toBe(0.7);
    disconnect();
  });

  it('keeps events that arrive before the start call answers', async () => {
    const { host, store } = setup();
    store.getState().connect();
    host.calls.trainingStart.mockImplementationOnce(async () => {
      host.emit(runEvents('r1', 1, 2).slice(0, 2));
      return { runId: 'r1' };
    });
    await store.getState().start();
    expect(store.getState().live?.status).toBe('running');
    expect(store.getState().live?.batchesDone).toBe(1);
  });

  it('refuses to start with invalid options and says why', async () => {
    const { host, store } = setup();
    store.getState().setOption('epochs', '0');
    await store.getState().start();
    expect(host.calls.trainingStart).not.toHaveBeenCalled();
    expect(store.getState().startError).toBe('Epochs must be at least 1');
  });

  it('shows the host’s message when a start is refused', async () => {
    const { host, store } = setup();
    host.calls.trainingStart.mockRejectedValueOnce(new Error('Network design has 2 errors.'));
    await store.getState().start();
    expect(store.getState().startError).toBe('Network design has 2 errors.');
    expect(store.getState().starting).toBe(false);
  });

  it('stops the live run', async () => {
    const { host, store } = setup();
    store.getState().connect();
    await store.getState().start();
    await store.getState().stop();
    expect(host.calls.trainingStop).toHaveBeenCalledWith({ runId: 'r1' });
  });

  it('adopts a run started elsewhere when nothing is being watched', () => {
    const { host, store } = setup();
    store.getState().connect();
    host.emit(runEvents('elsewhere', 1, 2).slice(0, 3));
    store.getState().flushEvents();
    expect(store.getState().live?.runId).toBe('elsewhere');
    expect(store.getState().live?.batchesDone).toBe(2);
  });

  it('joining a run mid-way after a reload fills in what was logged before', async () => {
    const { host, store } = setup();
    host.calls.runsGet.mockImplementationOnce(async ({ runId }: { runId: string }) => ({
      ...detail(runId),
      status: 'running',
      epochsDone: 1,
      epochHistory: [
        {
          epoch: 1,
          trainLoss: 1,
          trainAccuracy: 0.5,
          valLoss: 1.1,
          valAccuracy: 0.45,
          learningRate: 0.001,
          seconds: 1,
          imagesPerSecond: 100,
        },
      ],
      batchLoss: [1, 2, 3].map((step) => ({ step, loss: 2 - step * 0.1 })),
    }));
    store.getState().connect();
    // Only events of the second epoch reach this page.
    host.emit(runEvents('elsewhere', 2, 3).slice(5, 7));
    store.getState().flushEvents();
    await vi.waitFor(() => expect(store.getState().live?.epochs).toHaveLength(1));
    const live = store.getState().live!;
    expect(host.calls.runsGet).toHaveBeenCalledWith({ runId: 'elsewhere' });
    expect(live.options?.epochs).toBe(TEST_OPTIONS.epochs);
    expect(live.series.points.map((p) => Number(p.x.toFixed(3)))).toEqual([
      0.333, 0.667, 1, 1.333, 1.667,
    ]);
  });

  it('describes the chosen data and reports a bad folder by name', async () => {
    const { store } = setup();
    store.getState().setDataKind('folder');
    store.getState().setFolderPath('/missing');
    await store.getState().describeData();
    expect(store.getState().description).toMatchObject({
      status: 'error',
      error: 'Folder /missing does not exist.',
    });
    store.getState().setDataKind('fashion-mnist');
    await vi.waitFor(() => expect(store.getState().description.status).toBe('ready'));
    expect(store.getState().description.value?.spec).toBe('fashion-mnist');
  });

  it('adapts the network to the data and replaces the design', async () => {
    const { host, store, replaceDoc } = setup();
    await store.getState().describeData();
    await store.getState().adaptNetwork();
    // Synthetic data is drawn at the network's own size: Adapt changes the classes only.
    expect(host.calls.networkAdapt).toHaveBeenCalledWith({ doc, classes: 4 });
    expect(replaceDoc).toHaveBeenCalledWith(expect.objectContaining({ name: 'Adapted' }));
    expect(store.getState().adapt.changes).toEqual([
      'Adapted to 28×28×1 and 4 classes: Input 32×32×3 → 28×28×1.',
    ]);
  });

  it('lists, reopens, compares and deletes runs', async () => {
    const { store } = setup();
    await store.getState().refreshRuns();
    expect(store.getState().runs.value?.map((r) => r.runId)).toEqual(['old']);
    await store.getState().openRun('old');
    expect(store.getState().viewed.value?.runId).toBe('old');
    await store.getState().toggleCompare('old');
    expect(store.getState().compareIds).toEqual(['old']);
    await store.getState().deleteRun('old');
    expect(store.getState().runs.value).toEqual([]);
    expect(store.getState().viewed.value).toBeNull();
    expect(store.getState().compareIds).toEqual([]);
  });

  it('exports a model and reports where it went', async () => {
    const { store } = setup();
    await store.getState().exportModel('old', '/tmp/out');
    expect(store.getState().exporting).toEqual({
      busy: false,
      path: '/tmp/out/model.json',
      error: null,
    });
  });
});

describe('starting from the design’s weights', () => {
  function withWeights(path: string | null) {
    const host = fakeHost();
    const api = {
      ...host.calls,
      filesWeights: vi.fn(async () => ({
        weightsPath: path ? path.replace(/\.netd\.json$/, '.weights.safetensors') : null,
      })),
      runsContinue: vi.fn(async ({ path: p }: { path: string }) => ({
        weightsPath: p.replace(/\.netd\.json$/, '.weights.safetensors'),
      })),
    };
    const store = createTrainingStore({
      api: api as unknown as TrainingApi,
      getDoc: () => doc,
      getDesignPath: () => path,
      replaceDoc: vi.fn(),
      flushMs: 10_000,
    });
    return { api, store };
  }

  it('passes the design’s weights file to training, and none after choosing a fresh start', async () => {
    const { api, store } = withWeights('/w/net.netd.json');
    await store.getState().refreshStartWeights();
    expect(store.getState().startWeights.path).toBe('/w/net.weights.safetensors');
    await store.getState().start();
    expect(api.trainingStart).toHaveBeenLastCalledWith(
      expect.objectContaining({ weights: '/w/net.weights.safetensors' }),
    );
    store.getState().setFreshStart(true);
    store.setState({ live: null });
    await store.getState().start();
    const last = api.trainingStart.mock.calls.at(-1) as unknown[];
    expect(last[0]).not.toHaveProperty('weights');
  });

  it('continues from a run: its weights become the design’s and the next run starts from them', async () => {
    const { api, store } = withWeights('/w/net.netd.json');
    await store.getState().continueFromRun('r1', 'run r1');
    expect(api.runsContinue).toHaveBeenCalledWith({ runId: 'r1', doc, path: '/w/net.netd.json' });
    expect(store.getState().startWeights).toMatchObject({
      path: '/w/net.weights.safetensors',
      note: 'the weights of run r1',
      fresh: false,
    });
    await store.getState().start();
    expect(api.trainingStart).toHaveBeenLastCalledWith(
      expect.objectContaining({ weights: '/w/net.weights.safetensors' }),
    );
  });

  it('adapts with the design’s weights and trains from the refitted file', async () => {
    const { api, store } = withWeights('/w/net.netd.json');
    await store.getState().refreshStartWeights();
    await store.getState().describeData();
    api.networkAdapt.mockImplementationOnce(async ({ doc: d }: { doc: NetworkDoc }) => ({
      doc: d,
      changes: [],
      message: "Adapted to 4 classes. Weights kept except for 'fc', re-initialised.",
      weightsPath: '/data/adapted-weights/x.weights.safetensors',
      reinitialised: ['fc'],
    }));
    await store.getState().adaptNetwork();
    expect(api.networkAdapt).toHaveBeenLastCalledWith(
      expect.objectContaining({ weights: '/w/net.weights.safetensors' }),
    );
    expect(store.getState().adapt.changes).toEqual([
      "Adapted to 4 classes. Weights kept except for 'fc', re-initialised.",
    ]);
    await store.getState().start();
    expect(api.trainingStart).toHaveBeenLastCalledWith(
      expect.objectContaining({ weights: '/data/adapted-weights/x.weights.safetensors' }),
    );
  });

  it('asks to save an unsaved design before continuing from a run', async () => {
    const { api, store } = withWeights(null);
    await store.getState().continueFromRun('r1', 'run r1');
    expect(api.runsContinue).not.toHaveBeenCalled();
    expect(store.getState().startWeights.error).toMatch(/Save the design first/);
  });
});

describe('training state belongs to the network it trained', () => {
  function setupWithLoads() {
    const host = fakeHost();
    const listeners = new Set<() => void>();
    const store = createTrainingStore({
      api: host.api,
      getDoc: () => doc,
      replaceDoc: vi.fn(),
      flushMs: 10_000,
      onNetworkLoaded: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    const loadAnother = () => listeners.forEach((l) => l());
    return { host, store, loadAnother };
  }

  it('clears the finished run, a reopened run and the adapt notice when another network is loaded', async () => {
    const { host, store, loadAnother } = setupWithLoads();
    store.getState().connect();
    await store.getState().start();
    host.emit(runEvents('r1', 1, 2));
    await store.getState().openRun('old');
    await store.getState().describeData();
    await store.getState().adaptNetwork();
    expect(store.getState().live?.status).toBe('done');
    expect(store.getState().adapt.changes).toEqual([
      'Adapted to 28×28×1 and 4 classes: Input 32×32×3 → 28×28×1.',
    ]);
    loadAnother();
    expect(store.getState().live).toBeNull();
    expect(store.getState().viewed.value).toBeNull();
    expect(store.getState().adapt.changes).toBeNull();
    // History is every run ever made, whatever network is open.
    expect(store.getState().runs.value?.length).toBeGreaterThan(0);
  });

  it('keeps a run that is still going, so it can be watched and stopped', async () => {
    const { host, store, loadAnother } = setupWithLoads();
    store.getState().connect();
    await store.getState().start();
    host.emit(runEvents('r1', 2, 3).slice(0, 2));
    loadAnother();
    expect(store.getState().live?.runId).toBe('r1');
  });

  it('stops listening for network loads when disconnected', async () => {
    const { host, store, loadAnother } = setupWithLoads();
    const disconnect = store.getState().connect();
    await store.getState().start();
    host.emit(runEvents('r1', 1, 2));
    disconnect();
    loadAnother();
    expect(store.getState().live?.status).toBe('done');
  });
});
