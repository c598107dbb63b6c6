/**
 * The training dashboard's state and actions: the setup form, the data preview, the run being
 * watched (folded from the host's event stream in throttled batches), the run history with its
 * comparison set, and the environment diagnosis. Created by a factory so tests and the dev harness
 * can hand it a fake host.
 */
import { adaptRequestFor } from '../../main/training/dataFit.ts';
import { create } from 'zustand';
import type { NetdApi, TrainingApiMethods } from '../../main/api/contract.ts';
import type { NetworkDoc } from '../../main/network/types.ts';
import type {
  DataDescription,
  EnvironmentReport,
  RunDetail,
  RunSummary,
  TrainingEvent,
  TrainingRequest,
} from '../../main/training/types.ts';
import { errorMessage } from '../api/errors.ts';
import { applyEvents, isActive, mergeStoredRun, newLiveRun, type LiveRun } from './liveRun.ts';
import {
  DEFAULT_OPTIONS_FORM,
  formFromOptions,
  parseOptionsForm,
  type OptionsForm,
} from './options.ts';

/** What the dashboard needs from the host: the training methods, and adapting a design to data. */
export type TrainingApi = TrainingApiMethods &
  Pick<NetdApi, 'networkAdapt'> &
  Partial<Pick<NetdApi, 'filesWeights' | 'runsContinue'>>;

export interface TrainingDeps {
  api: TrainingApi;
  getDoc(): NetworkDoc;
  /** The design's file (null while unsaved): its weights sidecar is what training starts from. */
  getDesignPath?(): string | null;
  /** The engine fields of a training request (the form's engine choice); none means tfjs. */
  getEngine?(): Pick<TrainingRequest, 'engine' | 'device' | 'nproc'>;
  /** Replaces the design (undoably) with an adapted one. */
  replaceDoc(doc: NetworkDoc): void;
  /** Calls `listener` whenever another network is loaded; returns the unsubscribe function. */
  onNetworkLoaded?(listener: () => void): () => void;
  /** Calls `listener` with the design whenever it changes (an edit, Undo, Redo); returns the unsubscribe function. */
  onDocChange?(listener: (doc: NetworkDoc) => void): () => void;
  /** How often buffered events are applied; charts re-render at most this often. */
  flushMs?: number;
}

export type DataKind = 'synthetic' | 'fashion-mnist' | 'folder';

/**
 * What training starts from: the design's weights sidecar (`path`, null when it has none) unless
 * `fresh`; `note` says where the weights came from (*Continue from this run*, Adapt).
 */
export interface StartWeights {
  path: string | null;
  fresh: boolean;
  note: string | null;
  error: string | null;
  /** True while `path` is not the design's sidecar (Adapt's refitted file): Save makes it so. */
  unsaved?: boolean;
}

interface Async<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  value: T | null;
  error: string | null;
}

const idle = <T>(): Async<T> => ({ status: 'idle', value: null, error: null });

/** Most runs overlaid at once; beyond this the chart is unreadable. */
export const MAX_COMPARE = 6;

export interface TrainingState {
  dataKind: DataKind;
  folderPath: string;
  description: Async<DataDescription> & { spec: string | null };
  form: OptionsForm;
  adapt: { busy: boolean; changes: string[] | null; error: string | null };
  live: LiveRun | null;
  starting: boolean;
  startError: string | null;
  runs: Async<RunSummary[]>;
  /** A run reopened from history; null shows the live (or last) run. */
  viewed: Async<RunDetail>;
  /** Runs overlaid in the comparison chart, in the order they were ticked. */
  compareIds: string[];
  details: Record<string, RunDetail>;
  environment: Async<EnvironmentReport> & { open: boolean };
  exporting: { busy: boolean; path: string | null; error: string | null };
  /** What training starts from; Undo/Redo of an Adapt brings back the weights of that design. */
  startWeights: StartWeights;
  /** EMA weight of the smoothed loss curve. */
  smoothing: number;

  setDataKind(kind: DataKind): void;
  setFolderPath(path: string): void;
  describeData(): Promise<void>;
  setOption<K extends keyof OptionsForm>(field: K, value: OptionsForm[K]): void;
  resetOptions(): void;
  adaptNetwork(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  connect(): () => void;
  /**
   * Another network was loaded: what was shown for the previous one (its finished run's curves,
   * speed and result, a reopened run, the adapt notice, a start error) is cleared. A run still
   * going stays, so it can be watched and stopped.
   */
  networkLoaded(): void;
  receive(event: TrainingEvent): void;
  flushEvents(): void;
  refreshRuns(): Promise<void>;
  openRun(runId: string): Promise<void>;
  closeRun(): void;
  deleteRun(runId: string): Promise<void>;
  toggleCompare(runId: string): Promise<void>;
  applyRunSettings(run: RunDetail): void;
  exportModel(runId: string, dir: string): Promise<void>;
  /** Asks the host whether the design's file has a weights sidecar. */
  refreshStartWeights(): Promise<void>;
  /** A fresh start ignores the design's weights (they stay on disk). */
  setFreshStart(fresh: boolean): void;
  /** *Continue from this run*: the run's weights become the design's; training starts from them. */
  continueFromRun(runId: string, label: string): Promise<void>;
  openEnvironment(): Promise<void>;
  closeEnvironment(): void;
  setSmoothing(weight: number): void;
}

/** The data spec string the API takes for the chosen source. */
export function dataSpecOf(kind: DataKind, folderPath: string): string {
  return kind === 'folder' ? folderPath.trim() : kind;
}

/** Creates the store; `useTrainingStore.ts` makes the app's instance with the real host. */
export function createTrainingStore(deps: TrainingDeps) {
  const { api } = deps;
  const flushMs = deps.flushMs ?? 200;
  let buffer: TrainingEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  // The starting weights (and Adapt's notice) of each design state an Adapt left or made: the
  // refitted file fits only the adapted design, the sidecar only the one before. Undo and Redo bring
  // back a state by identity, so the weights follow the design (the subscription below the store).
  const adaptStates = new WeakMap<
    NetworkDoc,
    { weights: StartWeights; changes: string[] | null }
  >();

  const store = create<TrainingState>()((set, get) => ({
    dataKind: 'synthetic',
    folderPath: '',
    description: { ...idle<DataDescription>(), spec: null },
    form: { ...DEFAULT_OPTIONS_FORM },
    adapt: { busy: false, changes: null, error: null },
    live: null,
    starting: false,
    startError: null,
    runs: idle<RunSummary[]>(),
    viewed: idle<RunDetail>(),
    compareIds: [],
    details: {},
    environment: { ...idle<EnvironmentReport>(), open: false },
    exporting: { busy: false, path: null, error: null },
    startWeights: { path: null, fresh: false, note: null, error: null },
    smoothing: 0.7,

    setDataKind(kind) {
      set({ dataKind: kind, adapt: { busy: false, changes: null, error: null } });
      void get().describeData();
    },

    setFolderPath(path) {
      set({ folderPath: path, description: { ...idle<DataDescription>(), spec: null } });
    },

    async describeData() {
      const { dataKind, folderPath } = get();
      const spec = dataSpecOf(dataKind, folderPath);
      if (!spec) {
        set({ description: { ...idle<DataDescription>(), spec: null } });
        return;
      }
      set({ description: { status: 'loading', value: null, error: null, spec } });
      try {
        const value = await api.trainingDescribeData({ spec });
        // A slower answer for a spec the user has since changed must not win.
        if (get().description.spec === spec)
          set({ description: { status: 'ready', value, error: null, spec } });
      } catch (error) {
        if (get().description.spec === spec)
          set({ description: { status: 'error', value: null, error: errorMessage(error), spec } });
      }
    },

    setOption(field, value) {
      set({ form: { ...get().form, [field]: value } });
    },

    resetOptions() {
      set({ form: { ...DEFAULT_OPTIONS_FORM } });
    },

    async adaptNetwork() {
      const data = get().description.value;
      if (!data) return;
      set({ adapt: { busy: true, changes: null, error: null } });
      try {
        const doc = deps.getDoc();
        // The engine decides what adapting to this data means (no input change for data the
        // loader resizes) and lists every change in one message.
        // A design with weights keeps what still fits; the refitted file is what training uses.
        const { startWeights } = get();
        const weights =
          startWeights.path && !startWeights.fresh ? { weights: startWeights.path } : {};
        const result = await api.networkAdapt({ doc, ...adaptRequestFor(data), ...weights });
        adaptStates.set(doc, { weights: startWeights, changes: get().adapt.changes });
        deps.replaceDoc(result.doc);
        if (result.weightsPath) {
          set({
            startWeights: {
              path: result.weightsPath,
              fresh: false,
              note: 'the design’s weights, refitted by Adapt',
              error: null,
              unsaved: true,
            },
          });
        }
        adaptStates.set(deps.getDoc(), { weights: get().startWeights, changes: [result.message] });
        // The designer re-analyses the new design itself; the mismatch note follows from that.
        set({ adapt: { busy: false, changes: [result.message], error: null } });
      } catch (error) {
        set({ adapt: { busy: false, changes: null, error: errorMessage(error) } });
      }
    },

    async start() {
      const state = get();
      if (state.starting || isActive(state.live)) return;
      const parsed = parseOptionsForm(state.form);
      const data = dataSpecOf(state.dataKind, state.folderPath);
      if (!parsed.ok) {
        set({ startError: Object.values(parsed.errors)[0] ?? 'Some options are invalid.' });
        return;
      }
      if (!data) {
        set({ startError: 'Choose a data folder first.' });
        return;
      }
      set({
        starting: true,
        startError: null,
        viewed: idle<RunDetail>(),
        exporting: { busy: false, path: null, error: null },
      });
      try {
        const { runId } = await api.trainingStart({
          doc: deps.getDoc(),
          data,
          options: parsed.options,
          ...deps.getEngine?.(),
          ...(state.startWeights.path && !state.startWeights.fresh
            ? { weights: state.startWeights.path }
            : {}),
        });
        const pending = buffer;
        buffer = [];
        // Events can arrive before the start call answers; replay the ones of this run.
        const live = applyEvents(newLiveRun(runId), pending);
        set({ starting: false, live });
        void get().refreshRuns();
      } catch (error) {
        set({ starting: false, startError: errorMessage(error) });
      }
    },

    async stop() {
      const live = get().live;
      if (!live || !isActive(live)) return;
      try {
        await api.trainingStop({ runId: live.runId });
      } catch (error) {
        set({ startError: errorMessage(error) });
      }
    },

    connect() {
      const unsubscribe = api.onTrainingEvent((event) => get().receive(event));
      const unsubscribeLoads = deps.onNetworkLoaded?.(() => get().networkLoaded());
      void get().refreshRuns();
      return () => {
        unsubscribe();
        unsubscribeLoads?.();
        if (flushTimer !== null) clearTimeout(flushTimer);
        flushTimer = null;
      };
    },

    networkLoaded() {
      const { live } = get();
      set({
        live: isActive(live) ? live : null,
        viewed: idle<RunDetail>(),
        adapt: { busy: false, changes: null, error: null },
        startError: null,
        exporting: { busy: false, path: null, error: null },
      });
    },

    receive(event) {
      buffer.push(event);
      // Milestones (start, each epoch, the end) are applied at once: they are rare, and the user
      // should see them the moment they happen. Batches wait for the next tick.
      if (event.event !== 'batch') {
        get().flushEvents();
        return;
      }
      if (flushTimer === null) flushTimer = setTimeout(() => get().flushEvents(), flushMs);
    },

    flushEvents() {
      if (flushTimer !== null) clearTimeout(flushTimer);
      flushTimer = null;
      const events = buffer;
      if (events.length === 0) return;
      const { live, starting } = get();
      if (starting) return; // kept in the buffer until start() knows its run id
      buffer = [];
      let next = live;
      // A run started elsewhere (another window, the CLI host, before a reload) is adopted when
      // nothing is being watched here.
      if (!next || !isActive(next)) {
        const foreign = events.find(
          (e) => e.runId !== next?.runId && (e.event === 'started' || e.event === 'batch'),
        );
        if (foreign) {
          next = newLiveRun(foreign.runId);
          // Joined mid-run: fetch what was logged before this page listened.
          if (foreign.event !== 'started') void adoptStored(foreign.runId);
        }
      }
      if (next) {
        const updated = applyEvents(next, events);
        if (updated !== live) set({ live: updated });
      }
      if (events.some((e) => e.event === 'done' || e.event === 'failed' || e.event === 'started')) {
        void get().refreshRuns();
      }
    },

    async refreshRuns() {
      set({ runs: { ...get().runs, status: get().runs.value ? 'ready' : 'loading' } });
      try {
        const value = await api.runsList();
        const ids = new Set(value.map((r) => r.runId));
        set({
          runs: { status: 'ready', value, error: null },
          compareIds: get().compareIds.filter((id) => ids.has(id)),
        });
      } catch (error) {
        set({ runs: { ...get().runs, status: 'error', error: errorMessage(error) } });
      }
    },

    async openRun(runId) {
      set({
        viewed: { status: 'loading', value: null, error: null },
        exporting: { busy: false, path: null, error: null },
      });
      try {
        const value = await api.runsGet({ runId });
        set({
          viewed: { status: 'ready', value, error: null },
          details: { ...get().details, [runId]: value },
        });
      } catch (error) {
        set({ viewed: { status: 'error', value: null, error: errorMessage(error) } });
      }
    },

    closeRun() {
      set({ viewed: idle<RunDetail>() });
    },

    async deleteRun(runId) {
      try {
        await api.runsDelete({ runId });
        const { [runId]: _gone, ...details } = get().details;
        const viewed = get().viewed.value?.runId === runId ? idle<RunDetail>() : get().viewed;
        set({ details, viewed, compareIds: get().compareIds.filter((id) => id !== runId) });
      } catch (error) {
        set({ runs: { ...get().runs, error: errorMessage(error) } });
      }
      await get().refreshRuns();
    },

    async toggleCompare(runId) {
      const ids = get().compareIds;
      if (ids.includes(runId)) {
        set({ compareIds: ids.filter((id) => id !== runId) });
        return;
      }
      if (ids.length >= MAX_COMPARE) return;
      set({ compareIds: [...ids, runId] });
      // Own keys only: a run id such as `constructor` must not find Object.prototype's.
      if (Object.hasOwn(get().details, runId)) return;
      try {
        const detail = await api.runsGet({ runId });
        set({ details: { ...get().details, [runId]: detail } });
      } catch (error) {
        set({
          compareIds: get().compareIds.filter((id) => id !== runId),
          runs: { ...get().runs, error: errorMessage(error) },
        });
      }
    },

    applyRunSettings(run) {
      const folder = !['synthetic', 'fashion-mnist'].includes(run.data);
      set({
        form: formFromOptions(run.options),
        dataKind: folder ? 'folder' : (run.data as DataKind),
        folderPath: folder ? run.data : get().folderPath,
      });
      void get().describeData();
    },

    async exportModel(runId, dir) {
      set({ exporting: { busy: true, path: null, error: null } });
      try {
        const { path } = await api.runsExportModel({ runId, dir });
        set({ exporting: { busy: false, path, error: null } });
      } catch (error) {
        set({ exporting: { busy: false, path: null, error: errorMessage(error) } });
      }
    },

    async refreshStartWeights() {
      const path = deps.getDesignPath?.() ?? null;
      if (!path || !api.filesWeights) {
        set({ startWeights: { path: null, fresh: false, note: null, error: null } });
        return;
      }
      try {
        const { weightsPath } = await api.filesWeights({ path });
        const previous = get().startWeights;
        // The note and the fresh choice belong to this sidecar; another one starts over.
        const same = previous.path === weightsPath;
        set({
          startWeights: {
            path: weightsPath,
            fresh: same ? previous.fresh : false,
            note: same ? previous.note : null,
            error: null,
          },
        });
      } catch (error) {
        set({ startWeights: { ...get().startWeights, error: errorMessage(error) } });
      }
    },

    setFreshStart(fresh) {
      set({ startWeights: { ...get().startWeights, fresh } });
    },

    async continueFromRun(runId, label) {
      const path = deps.getDesignPath?.() ?? null;
      if (!path || !api.runsContinue) {
        set({
          startWeights: {
            ...get().startWeights,
            error: 'Save the design first: the run’s weights are kept beside its file.',
          },
        });
        return;
      }
      try {
        const { weightsPath } = await api.runsContinue({ runId, doc: deps.getDoc(), path });
        set({
          startWeights: {
            path: weightsPath,
            fresh: false,
            note: `the weights of ${label}`,
            error: null,
          },
        });
      } catch (error) {
        set({ startWeights: { ...get().startWeights, error: errorMessage(error) } });
      }
    },

    async openEnvironment() {
      set({
        environment: { status: 'loading', value: get().environment.value, error: null, open: true },
      });
      try {
        const value = await api.trainingEnvironment();
        set({ environment: { status: 'ready', value, error: null, open: get().environment.open } });
      } catch (error) {
        set({
          environment: {
            status: 'error',
            value: null,
            error: errorMessage(error),
            open: get().environment.open,
          },
        });
      }
    },

    closeEnvironment() {
      set({ environment: { ...get().environment, open: false } });
    },

    setSmoothing(weight) {
      set({ smoothing: Math.min(0.99, Math.max(0, weight)) });
    },
  }));

  async function adoptStored(runId: string): Promise<void> {
    try {
      const stored = await api.runsGet({ runId });
      const live = store.getState().live;
      if (live?.runId === runId) store.setState({ live: mergeStoredRun(live, stored) });
    } catch {
      // The live events still show the rest of the run; only the earlier part is missing.
    }
  }

  // Lives as long as the store (the app's one), so an Undo made with the dashboard closed counts.
  deps.onDocChange?.((doc) => {
    const state = adaptStates.get(doc);
    if (state)
      store.setState({
        startWeights: state.weights,
        adapt: { busy: false, changes: state.changes, error: null },
      });
  });

  return store;
}

export type TrainingStore = ReturnType<typeof createTrainingStore>;
