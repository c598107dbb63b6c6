/**
 * The one typed API the renderer may call (`window.netd`). Both hosts — Electron (preload + IPC) and
 * the local web host (WebSocket) — implement exactly this, and every request is validated on the
 * host side with the schemas in `schemas.ts`. Each method takes at most one plain-object argument
 * and returns JSON-serialisable data, so it can cross any transport unchanged.
 *
 * Adding a call: add the method here, its channel in `API_CHANNELS`, its request schema in
 * `schemas.ts` and its implementation in `createApi.ts`.
 */
import type { CompareOptions, Comparison } from '../compare/compareNetworks.ts';
import type { AnalysisUpdate, DocEdit } from './analysisUpdate.ts';
import type { ExampleInfo, LoadedExample } from '../examples/index.ts';
import type { LayerInfo, NetworkAnalysis, NetworkDoc, Shape } from '../network/types.ts';
import type {
  EnvironmentReport,
  RunSummary,
  RunDetail,
  TrainingEvent,
  TrainingRequest,
  DataDescription,
} from '../training/types.ts';
import type { AdaptRequest, AdaptResult, TemplateInfo } from '../templates/types.ts';
import type { RecentFile } from '../settings/types.ts';
import type { ImportedModelFile } from '../interchange/types.ts';

// The domain defines its own types; the API names them (never the other way round).
export type {
  AdaptRequest,
  AdaptResult,
  AnalysisUpdate,
  DocEdit,
  ImportedModelFile,
  RecentFile,
  TemplateInfo,
};

export interface OpenedFile {
  path: string;
  doc: NetworkDoc;
}

export interface DirEntry {
  name: string;
  path: string;
  kind: 'dir' | 'file';
}

/** What *Export* can write (the targets of `netd export --to`). */
export type ExportFormat = 'pytorch' | 'onnx' | 'keras';

/** *Export* of the current design, or of a run's weights with it. */
export interface ExportDesignRequest {
  doc: NetworkDoc;
  /** The design's file, when saved: its weights sidecar (if any) is exported with it. */
  designPath: string | null;
  to: ExportFormat;
  /** The main file to write (`model.py`, `model.onnx`); companions land beside it. */
  out: string;
  /** Export with this run's trained weights. */
  runId?: string;
  /** PyTorch only: also write a standalone `train.py`. */
  withTraining?: boolean;
  /** Replace files that already exist (after the user confirmed). */
  overwrite?: boolean;
}

/** Either every file written, or the files that already exist (nothing was written). */
export type ExportDesignResult =
  { written: true; paths: string[]; message: string } | { written: false; existing: string[] };

export interface HostInfo {
  kind: 'desktop' | 'web';
  version: string;
  platform: string;
  /** Where files are read and written by default (the user's documents or the server's cwd). */
  homeDir: string;
}

export interface NetdApi {
  hostInfo(): Promise<HostInfo>;
  catalogList(): Promise<LayerInfo[]>;
  networkAnalyze(req: { doc: NetworkDoc }): Promise<NetworkAnalysis>;
  /**
   * The analysis of `doc` — sent whole, or as an `edit` of the document of a version the host
   * keeps — as a change to version `since` that the caller holds (what an edit changed), or whole
   * without `since` or when the host no longer has it; `stale` when it no longer has the edit's
   * base (send the document whole). See `analysisUpdate.ts`.
   */
  networkAnalyzeUpdate(
    req: ({ doc: NetworkDoc; edit?: undefined } | { doc?: undefined; edit: DocEdit }) & {
      since?: number;
    },
  ): Promise<AnalysisUpdate>;
  /** Replaces the composite node with its primitive nodes, wired in place. */
  networkExpandNode(req: { doc: NetworkDoc; nodeId: string }): Promise<NetworkDoc>;
  /** Replaces every composite node with its primitive nodes, in one pass (*Expand all*). */
  networkExpandAll(req: { doc: NetworkDoc }): Promise<NetworkDoc>;
  /**
   * Adapts the design to the data. With `weights` (a weights file that fits `doc`, e.g. its
   * sidecar) they are refitted too: what still fits is kept, `reinitialised` names the rest, and
   * `weightsPath` is the refitted file to train from (the sidecar itself is not changed).
   */
  networkAdapt(
    req: { doc: NetworkDoc; weights?: string } & AdaptRequest,
  ): Promise<AdaptResult & { weightsPath?: string; reinitialised?: string[] }>;
  networkExample(): Promise<NetworkDoc>;
  /** B − A of two designs: totals and per stage (stages aligned by name). */
  networkCompare(req: { a: NetworkDoc; b: NetworkDoc } & CompareOptions): Promise<Comparison>;
  /** The classic comparisons of the *Examples* gallery. */
  examplesList(): Promise<ExampleInfo[]>;
  /** Both designs of an example, their comparison and its explanation (figures from the comparison). */
  examplesLoad(req: { id: string }): Promise<LoadedExample>;
  templatesList(): Promise<TemplateInfo[]>;
  templatesLoad(req: { id: string } & AdaptRequest): Promise<AdaptResult>;
  filesOpen(req: { path: string }): Promise<OpenedFile>;
  /** Atomic write; returns the absolute path written. */
  /**
   * Saves a design. `weights`: a weights file that becomes the design's sidecar (the refitted
   * weights *Adapt* made for this design), checked against `doc` before anything is written.
   */
  filesSave(req: { path: string; doc: NetworkDoc; weights?: string }): Promise<{ path: string }>;
  filesRecent(): Promise<RecentFile[]>;
  /** Imports an ONNX model: writes `NAME.netd.json` + its weights beside it and returns the design. */
  filesImport(req: { path: string }): Promise<ImportedModelFile>;
  /**
   * The weights sidecar of the design saved at `path` (`NAME.weights.safetensors`), or null: what
   * training starts from unless the user asks for a fresh start.
   */
  filesWeights(req: { path: string }): Promise<{ weightsPath: string | null }>;
  /** Lists a folder for the web host's file browser (the desktop uses native dialogs). */
  filesList(req: {
    dir?: string;
  }): Promise<{ dir: string; parent: string | null; entries: DirEntry[] }>;
  recoveryRead(): Promise<{ doc: NetworkDoc; path: string | null; savedAt: string } | null>;
  recoveryWrite(req: { doc: NetworkDoc; path: string | null }): Promise<void>;
  recoveryClear(): Promise<void>;
  trainingEnvironment(): Promise<EnvironmentReport>;
  trainingDescribeData(req: { spec: string }): Promise<DataDescription>;
  trainingStart(req: TrainingRequest): Promise<{ runId: string }>;
  trainingStop(req: { runId: string }): Promise<void>;
  runsList(): Promise<RunSummary[]>;
  runsGet(req: { runId: string }): Promise<RunDetail>;
  runsDelete(req: { runId: string }): Promise<void>;
  runsExportModel(req: { runId: string; dir: string }): Promise<{ path: string }>;
  /** The design as PyTorch code, ONNX or Keras code, written via the host (never overwrites unasked). */
  exportDesign(req: ExportDesignRequest): Promise<ExportDesignResult>;
  /**
   * *Continue from this run*: the run's trained weights become the sidecar of the design saved at
   * `path` (`doc` is that design); training it then starts from them.
   */
  runsContinue(req: {
    runId: string;
    doc: NetworkDoc;
    path: string;
  }): Promise<{ weightsPath: string }>;
  /** Streams training events of every run; returns an unsubscribe function. */
  onTrainingEvent(listener: (event: TrainingEvent) => void): () => void;
}

export type ApiMethod = Exclude<keyof NetdApi, 'onTrainingEvent'>;

/** The training and run-history methods: what the training service serves and the dashboard uses. */
export type TrainingApiMethods = Pick<
  NetdApi,
  | 'trainingEnvironment'
  | 'trainingDescribeData'
  | 'trainingStart'
  | 'trainingStop'
  | 'runsList'
  | 'runsGet'
  | 'runsDelete'
  | 'runsExportModel'
  | 'onTrainingEvent'
>;

/** IPC / WebSocket channel names, `domain:verb`. */
export const API_CHANNELS: Record<ApiMethod, string> = {
  hostInfo: 'host:info',
  catalogList: 'catalog:list',
  networkAnalyze: 'network:analyze',
  networkAnalyzeUpdate: 'network:analyzeUpdate',
  networkExpandNode: 'network:expandNode',
  networkExpandAll: 'network:expandAll',
  networkAdapt: 'network:adapt',
  networkExample: 'network:example',
  networkCompare: 'network:compare',
  examplesList: 'examples:list',
  examplesLoad: 'examples:load',
  templatesList: 'templates:list',
  templatesLoad: 'templates:load',
  filesOpen: 'files:open',
  filesSave: 'files:save',
  filesRecent: 'files:recent',
  filesImport: 'files:import',
  filesList: 'files:list',
  filesWeights: 'files:weights',
  recoveryRead: 'recovery:read',
  recoveryWrite: 'recovery:write',
  recoveryClear: 'recovery:clear',
  trainingEnvironment: 'training:environment',
  trainingDescribeData: 'training:describeData',
  trainingStart: 'training:start',
  trainingStop: 'training:stop',
  runsList: 'runs:list',
  runsGet: 'runs:get',
  runsDelete: 'runs:delete',
  runsExportModel: 'runs:exportModel',
  exportDesign: 'export:design',
  runsContinue: 'runs:continue',
};

export const TRAINING_EVENT_CHANNEL = 'training:event';

/** Re-exported so the renderer can import every API type from one module. */
export type { Shape };
