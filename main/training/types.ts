/**
 * Training vocabulary shared by the trainer process, the run store, the API, the CLI and the
 * dashboard. Plain JSON data only.
 */
import type { TorchDevices } from './pytorch/torchDevices.ts';
import type { NetworkDoc } from '../network/types.ts';
import type { DeviceName, EngineChoice } from './vocabulary.ts';

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

/** The PyTorch engine's devices, as a run reports where it trained. */
export type TorchBackendName = 'pytorch-cuda' | 'pytorch-mps' | 'pytorch-cpu';

/** Where a run trained: a TensorFlow.js backend or a PyTorch device. */
export type RunBackend = BackendName | TorchBackendName;

/** The training engines: TensorFlow.js (built in) and PyTorch (a local Python with torch). */
export type EngineName = 'tfjs' | 'pytorch';

export interface BackendStatus {
  name: BackendName;
  /** The npm package that provides it. */
  packageName: string;
  available: boolean;
  /** Why it is not available (not installed; libcudnn.so.8 missing; no GPU …), or a note when it is. */
  reason: string;
  /** What to do to get it, when it is not available. */
  remedy?: string;
}

export interface EnvironmentReport {
  /** The backend training would use now. */
  selected: BackendName;
  backends: BackendStatus[];
  node: string;
  platform: string;
  cpus: number;
  gpus: string[];
  /** The engines: what `auto` picks here and whether PyTorch can run (absent from older trainers). */
  engine?: EngineReport;
}

/** The engine part of the environment report (`netd doctor`'s PyTorch section, as data). */
export interface EngineReport {
  /** What `engine: 'auto'` trains on here, and why (one sentence). */
  auto: { engine: EngineName; reason: string };
  pytorch: {
    available: boolean;
    /** Why PyTorch cannot run, or what it runs on (torch version, Python, devices). */
    reason: string;
    /** What to install or set when it cannot run. */
    remedy?: string;
    /** Devices torch sees, in words (`cuda:0 NVIDIA H100, 80 GB`); empty means the CPU only. */
    devices: string[];
    /** The same as data, for the form's Device and Processes (present when PyTorch can run). */
    hardware?: TorchDevices;
  };
}

export type OptimizerName = 'adam' | 'sgd';

export interface TrainingOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  /** SGD momentum (ignored for Adam). */
  momentum: number;
  schedule: 'constant' | 'step' | 'cosine';
  /** For the step schedule: multiply the rate by `stepGamma` every `stepEvery` epochs. */
  stepEvery: number;
  stepGamma: number;
  seed: number;
  validationSplit: number;
  /** Stop after this many epochs without validation improvement; 0 disables. */
  earlyStoppingPatience: number;
  /** Save the weights of the epoch with the best validation accuracy rather than the last. */
  keepBest: boolean;
  /** Random horizontal flips; random shifts of up to `shift` × the image side (0 = off, at most 0.5). */
  augment: { flip: boolean; shift: number };
  /** Use at most this many training / test examples (0 = all). */
  limit: number;
  testLimit: number;
  /** Force a backend instead of the best available one. */
  backend?: BackendName;
}

export interface TrainingRequest {
  doc: NetworkDoc;
  /** `synthetic`, `fashion-mnist`, or a folder path (format auto-detected). */
  data: string;
  options: Partial<TrainingOptions>;
  /**
   * A safetensors file (the design's `NAME.weights.safetensors`, or a run's weights) to start
   * from instead of a fresh initialisation; it must fit the design exactly.
   */
  weights?: string;
  /**
   * Which engine trains: `auto` takes PyTorch when it is usable and faster here, else tfjs. Absent,
   * the trainer process uses tfjs (as every request did before engines); `netd train` sends `auto`.
   */
  engine?: EngineChoice;
  /** The PyTorch engine's device (default: CUDA, then Apple MPS, then the CPU). */
  device?: DeviceName;
  /** PyTorch processes on this machine (DDP); default 1. */
  nproc?: number;
}

export interface DataDescription {
  spec: string;
  format: 'synthetic' | 'idx' | 'cifar10' | 'image-folder';
  path: string | null;
  inputShape: [number, number, number];
  classes: string[];
  trainCount: number;
  testCount: number;
}

export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  learningRate: number;
  seconds: number;
  imagesPerSecond: number;
}

export type TrainingEvent =
  | {
      event: 'started';
      runId: string;
      backend: RunBackend;
      engine?: EngineName;
      backendNote: string;
      data: DataDescription;
      options: TrainingOptions;
      totalBatches: number;
    }
  | {
      event: 'batch';
      runId: string;
      epoch: number;
      batch: number;
      batchesPerEpoch: number;
      loss: number;
      accuracy: number;
      imagesPerSecond: number;
      etaSeconds: number;
      memoryBytes: number;
      numTensors: number;
    }
  | ({ event: 'epoch'; runId: string } & EpochMetrics)
  | {
      event: 'done';
      runId: string;
      stopped: boolean;
      testAccuracy: number | null;
      valAccuracy: number | null;
      trainLoss: number;
      imagesPerSecond: number;
      backend: RunBackend;
      engine?: EngineName;
      /** Rows = true class, columns = predicted class, on the test (or validation) set. */
      confusion: number[][];
      classes: string[];
      /** Why the run ended as it did when that is not obvious (stopped before any training). */
      note?: string;
    }
  | { event: 'failed'; runId: string; message: string; hint?: string };

export type RunStatus = 'running' | 'done' | 'stopped' | 'failed' | 'interrupted';

export interface RunSummary {
  runId: string;
  name: string;
  createdAt: string;
  status: RunStatus;
  data: string;
  backend: RunBackend | null;
  /** Epochs completed. */
  epochsDone: number;
  bestValAccuracy: number | null;
  testAccuracy: number | null;
}

export interface RunDetail extends RunSummary {
  doc: NetworkDoc;
  options: TrainingOptions;
  epochHistory: EpochMetrics[];
  /** Per-batch losses, thinned to at most a few thousand points. */
  batchLoss: { step: number; loss: number }[];
  confusion: number[][] | null;
  classes: string[];
  message: string | null;
  hasModel: boolean;
}
