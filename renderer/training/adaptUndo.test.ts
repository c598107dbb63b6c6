/**
 * Undo after *Adapt with weights*: the refitted weights belong to the adapted design, the design's
 * own sidecar to the one before. Undo and Redo switch the starting weights (and the Adapt notice)
 * with the design, so training and Save never pair a design with weights made for another one.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tinyDoc } from '../../main/network/testDocs.ts';
import type { NetworkDoc } from '../../main/network/types.ts';
import { redo, undo, useDocStore } from '../state/docStore.ts';
import { TEST_DATA } from './testEvents.ts';
import { createTrainingStore, type TrainingApi } from './trainingStore.ts';

const SIDECAR = '/w/net.weights.safetensors';
const REFITTED = '/data/adapted-weights/x.weights.safetensors';
const ADAPTED = "Adapted to 4 classes. Weights kept except for 'fc', re-initialised.";

function setup() {
  const api = {
    trainingDescribeData: vi.fn(async () => TEST_DATA),
    trainingStart: vi.fn(async (_req: { weights?: string }) => ({ runId: 'r1' })),
    runsList: vi.fn(async () => []),
    onTrainingEvent: vi.fn(() => () => undefined),
    filesWeights: vi.fn(async () => ({ weightsPath: SIDECAR })),
    networkAdapt: vi.fn(async ({ doc }: { doc: NetworkDoc }) => ({
      doc: { ...doc, name: 'Adapted' },
      changes: [],
      message: ADAPTED,
      weightsPath: REFITTED,
      reinitialised: ['fc'],
    })),
  };
  // Wired to the designer's real document store, as useTrainingStore.ts wires the app's.
  const store = createTrainingStore({
    api: api as unknown as TrainingApi,
    getDoc: () => useDocStore.getState().doc,
    getDesignPath: () => '/w/net.netd.json',
    replaceDoc: (doc) => useDocStore.getState().replace(doc),
    onDocChange: (listener) =>
      useDocStore.subscribe((state, prev) => {
        if (state.doc !== prev.doc) listener(state.doc);
      }),
    flushMs: 10_000,
  });
  return { api, store };
}

describe('Undo after Adapt with weights', () => {
  beforeEach(() => useDocStore.getState().reset(tinyDoc()));

  it('restores the design’s own weights, and Redo the refitted ones', async () => {
    const { store } = setup();
    await store.getState().refreshStartWeights();
    await store.getState().describeData();
    await store.getState().adaptNetwork();
    expect(useDocStore.getState().doc.name).toBe('Adapted');
    expect(store.getState().startWeights).toMatchObject({ path: REFITTED, unsaved: true });
    expect(store.getState().adapt.changes).toEqual([ADAPTED]);

    undo();
    expect(useDocStore.getState().doc.name).toBe('Tiny');
    // The sidecar again, and not marked for Save: saving now keeps the sidecar as it is.
    expect(store.getState().startWeights).toEqual({
      path: SIDECAR,
      fresh: false,
      note: null,
      error: null,
    });
    expect(store.getState().adapt.changes).toBeNull();

    redo();
    expect(useDocStore.getState().doc.name).toBe('Adapted');
    expect(store.getState().startWeights).toMatchObject({ path: REFITTED, unsaved: true });
    expect(store.getState().adapt.changes).toEqual([ADAPTED]);
  });

  it('trains the restored design from its own weights', async () => {
    const { api, store } = setup();
    await store.getState().refreshStartWeights();
    await store.getState().describeData();
    await store.getState().adaptNetwork();
    undo();
    await store.getState().start();
    expect(api.trainingStart).toHaveBeenLastCalledWith(
      expect.objectContaining({ doc: expect.objectContaining({ name: 'Tiny' }), weights: SIDECAR }),
    );
  });

  it('leaves the weights alone on an ordinary edit and its undo', async () => {
    const { store } = setup();
    await store.getState().refreshStartWeights();
    await store.getState().describeData();
    await store.getState().adaptNetwork();
    useDocStore.getState().edit((doc) => ({ ...doc, name: 'Renamed' }));
    expect(store.getState().startWeights.path).toBe(REFITTED);
    undo();
    expect(store.getState().startWeights.path).toBe(REFITTED);
  });
});
