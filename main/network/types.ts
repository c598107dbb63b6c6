/**
 * The shared vocabulary of the engine: the network file format (DESIGN.md, version 1) and what an
 * analysis of a network returns. Everything here is plain JSON-serialisable data so it can cross
 * IPC / WebSocket boundaries unchanged; the renderer imports these with `import type` only.
 */
import type { Stage } from './stages.ts';

/** Channels-last tensor shape with the batch omitted: `[H, W, C]`, or `[N]` after Flatten/GAP/Dense. */
export type Shape = readonly number[];

export interface Position {
  x: number;
  y: number;
}

/** One node as stored in a `*.netd.json` file. `type` and `params` are checked by validation, not by parsing. */
export interface NetworkNode {
  id: string;
  type: string;
  params: Record<string, unknown>;
  position?: Position;
  label?: string;
  /** Its weights are not trained (a composite freezes every layer inside). Absent = trainable. */
  frozen?: boolean;
}

/** For `Add` and `Concat` the order of incoming edges in `NetworkDoc.edges` is the input order. */
export interface NetworkEdge {
  source: string;
  target: string;
}

export const NETWORK_FORMAT = 'netdesigner.network';
export const NETWORK_VERSION = 1;

/**
 * How the diagram is drawn (optional; a version-1 file without it is drawn top→bottom, wrapped
 * into columns when long, nothing folded).
 */
export interface DiagramLayout {
  /** Data flows top→bottom (`down`, the default) or left→right (`right`). */
  direction?: 'down' | 'right';
  /** A long chain is wrapped into several columns (rows); default true. */
  wrap?: boolean;
  /** Names of the stages shown folded into one box (see `main/network/stages.ts`). */
  folded?: string[];
}

export interface NetworkDoc {
  format: typeof NETWORK_FORMAT;
  version: typeof NETWORK_VERSION;
  name: string;
  description?: string;
  /** Optional diagram settings, kept in the file. */
  layout?: DiagramLayout;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export type LayerType =
  | 'Input'
  | 'Conv2D'
  | 'MaxPool2D'
  | 'AvgPool2D'
  | 'GlobalAvgPool2D'
  | 'GlobalMaxPool2D'
  | 'Flatten'
  | 'Dense'
  | 'BatchNorm'
  | 'Activation'
  | 'Dropout'
  | 'LRN'
  | 'Add'
  | 'Concat'
  | 'Inception'
  | 'ResidualBlock';

export type LayerGroup =
  | 'Input'
  | 'Convolution'
  | 'Pooling'
  | 'Normalization'
  | 'Activation'
  | 'Regularization'
  | 'Merge'
  | 'Blocks'
  | 'Classifier';

/** Serialisable description of one param, enough for the inspector to build its form. */
export interface ParamSpec {
  name: string;
  kind: 'int' | 'float' | 'bool' | 'enum' | 'kernel' | 'padding' | 'shape';
  label: string;
  description: string;
  /** Absent when the param is required (e.g. Conv2D `filters`) or derived (pool `strides` = poolSize). */
  default?: unknown;
  required: boolean;
  min?: number;
  /** `min` itself is refused (BatchNorm's epsilon must be above 0, not 0). */
  minExclusive?: boolean;
  max?: number;
  options?: readonly string[];
}

/** Palette / inspector metadata of one layer type, as the API serves it. */
export interface LayerInfo {
  type: LayerType;
  group: LayerGroup;
  /** One line for the palette tooltip and inspector header. */
  description: string;
  params: readonly ParamSpec[];
  minInputs: number;
  /** `Infinity` is not JSON: use a large number (e.g. 64) for "many". */
  maxInputs: number;
  composite: boolean;
  /** Params a newly dropped node starts with (required params filled with sensible values). */
  initialParams?: Record<string, unknown>;
}

/**
 * Stable problem codes. A node downstream of an error gets no code of its own: its `outputShape`
 * is null and the problem is reported once, where it starts. The last four are warnings.
 */
export const PROBLEM_CODES = [
  'unknown-type',
  'unknown-param',
  'bad-param-type',
  'param-out-of-range',
  'missing-param',
  'size-below-one',
  'kernel-larger-than-input',
  'wrong-input-count',
  'add-shape-mismatch',
  'concat-spatial-mismatch',
  'needs-spatial-input',
  'dense-on-spatial',
  'cycle',
  'dangling-edge',
  'duplicate-id',
  'duplicate-edge',
  'self-loop',
  'no-input',
  'unreachable',
  'no-output',
  'too-large',
  'input-has-inputs',
  'softmax-not-last',
  'unused-output',
  'huge-dense',
  'no-classifier',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A one-click repair the designer can offer for a problem. */
export type QuickFix =
  | { kind: 'set-param'; label: string; nodeId: string; param: string; value: unknown }
  /** Several params of one node at once (e.g. strides 1 and padding 'same'), as one edit. */
  | { kind: 'set-params'; label: string; nodeId: string; params: Record<string, unknown> }
  | {
      kind: 'insert-before';
      label: string;
      nodeId: string;
      layerType: 'Flatten' | 'GlobalAvgPool2D';
    }
  /** Swaps a parameter-free layer for another in place (e.g. Flatten → GlobalAvgPool2D). */
  | {
      kind: 'replace-layer';
      label: string;
      nodeId: string;
      layerType: 'Flatten' | 'GlobalAvgPool2D';
    }
  | {
      kind: 'insert-projection';
      label: string;
      /** The Add node whose input needs a 1×1 projection. */
      nodeId: string;
      /** The source node feeding the mismatched input. */
      inputNodeId: string;
      filters: number;
      strides: number;
    };

export interface Problem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  nodeId?: string;
  param?: string;
  edge?: NetworkEdge;
  /** A sentence a student understands, naming the node and, when there is one, the param. */
  message: string;
  /**
   * One-click repairs, most recommended first; the student picks one (each is a button). Absent
   * when there is no mechanical repair.
   */
  fixes?: QuickFix[];
}

/** Size of the input window one output element sees, and the distance (jump) between neighbours. */
export interface ReceptiveField {
  size: [number, number];
  jump: [number, number];
}

export interface NodeAnalysis {
  id: string;
  type: string;
  inputShapes: (Shape | null)[];
  /** null when it cannot be computed (this node or an upstream one is in error). */
  outputShape: Shape | null;
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  /** float32 bytes of this node's output for one example. */
  activationBytes: number;
  /**
   * float32 bytes of every tensor a backward pass keeps for one example: the output for a
   * primitive, the outputs of all primitives of its expansion for a composite. Always set by
   * `analyzeNetwork`; optional only so hand-built analyses stay valid (fall back to
   * `activationBytes`).
   */
  trainingActivationBytes?: number;
  receptiveField: ReceptiveField | null;
  /** Blocks with a shortcut (ResidualBlock): identity when shapes match, else a 1×1 projection. */
  shortcut?: 'identity' | 'projection';
  /** Short card text, e.g. "3×3 · 64 · s2 · same". */
  summary: string;
  /** The formulas behind the numbers with this node's values filled in, for the inspector. */
  formulas: string[];
}

export interface Totals {
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  activationBytes: number;
  /** Sum of the nodes' `trainingActivationBytes` (see `NodeAnalysis`); always set by analysis. */
  trainingActivationBytes?: number;
}

export interface NetworkAnalysis {
  valid: boolean;
  /** Node ids in topological order (nodes on cycles last, in file order). */
  order: string[];
  nodes: Record<string, NodeAnalysis>;
  problems: Problem[];
  totals: Totals;
  /**
   * The stages (see `stages.ts`) the diagram can fold; the API's `network:analyze` reply always
   * has them, `analyzeNetwork` alone does not compute them.
   */
  stages?: Stage[];
}
