/**
 * Comparing two designs: totals of each, their differences (B − A), and the same per stage, with
 * the stages lined up by name. Everything is read from `analyzeNetwork`, `computeStages` and
 * `estimateTrainingMemory`, so the figures are the ones the designer and `netd inspect` show.
 */
import { analyzeNetwork } from '../network/analyze.ts';
import { computeStages, type Stage } from '../network/stages.ts';
import { estimateTrainingMemory } from '../network/trainingMemory.ts';
import type { NetworkAnalysis, NetworkDoc, Shape, Totals } from '../network/types.ts';
import { DEFAULT_TRAINING_OPTIONS } from '../training/vocabulary.ts';
import { alignStages } from './alignStages.ts';

/** The numbers compared; the first three are named as in `netd inspect --json`. */
export interface CompareFigures {
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  /** float32 bytes of the layers' outputs, per example. */
  activationBytes: number;
  /** Weights, gradients, optimizer state and kept activations for one batch (see `estimateTrainingMemory`). */
  trainingMemoryBytes: number;
}

export const COMPARE_FIGURES = [
  'trainableParams',
  'nonTrainableParams',
  'macs',
  'activationBytes',
  'trainingMemoryBytes',
] as const satisfies readonly (keyof CompareFigures)[];

/** Figures of one design or stage, with where it ends: output shape and receptive field. */
export interface CompareSide extends CompareFigures {
  outputShape: Shape | null;
  /** Receptive field (height, width) of the last layer, in input pixels; null when unknown. */
  receptiveField: [number, number] | null;
}

/** B − A for every figure; shape and receptive field as "did it change". */
export interface CompareDelta extends CompareFigures {
  outputShapeChanged: boolean;
  /** B − A of the receptive field's height and width; null when either is unknown. */
  receptiveField: [number, number] | null;
}

/** Which of the compared values differ between A and B. */
export type CompareKey = keyof CompareFigures | 'outputShape' | 'receptiveField';

/** One side of a stage row: the stage's own name and layers, and its figures. */
export interface StageSide extends CompareSide {
  name: string;
  nodeIds: string[];
}

export interface StageComparison {
  /** The stage's name; `A / B` when two differently named stages were paired by position. */
  name: string;
  a: StageSide | null;
  b: StageSide | null;
  /** Null when the stage exists on one side only. */
  delta: CompareDelta | null;
  /** What differs; every value when the stage exists on one side only. */
  changed: CompareKey[];
}

export interface DesignSide extends CompareSide {
  name: string;
  valid: boolean;
}

export interface Comparison {
  a: DesignSide;
  b: DesignSide;
  delta: CompareDelta;
  /** What differs in the totals. */
  changed: CompareKey[];
  stages: StageComparison[];
  /** The batch size and optimizer the training-memory estimate assumes. */
  memoryAssumes: { batchSize: number; optimizer: 'adam' | 'sgd' };
}

export interface CompareOptions {
  batchSize?: number;
  optimizer?: 'adam' | 'sgd';
}

const ALL_KEYS: readonly CompareKey[] = [...COMPARE_FIGURES, 'outputShape', 'receptiveField'];

function side(
  totals: Totals,
  outputShape: Shape | null,
  rf: { size: [number, number] } | null,
  memory: Required<CompareOptions>,
): CompareSide {
  return {
    trainableParams: totals.trainableParams,
    nonTrainableParams: totals.nonTrainableParams,
    macs: totals.macs,
    activationBytes: totals.activationBytes,
    trainingMemoryBytes: estimateTrainingMemory(totals, memory.batchSize, memory.optimizer).total,
    outputShape: outputShape === null ? null : [...outputShape],
    receptiveField: rf ? [rf.size[0], rf.size[1]] : null,
  };
}

const sameShape = (x: Shape | null, y: Shape | null) =>
  x === y || (x !== null && y !== null && x.length === y.length && x.every((d, i) => d === y[i]));

function delta(a: CompareSide, b: CompareSide): { delta: CompareDelta; changed: CompareKey[] } {
  const d = {} as CompareFigures;
  const changed: CompareKey[] = [];
  for (const key of COMPARE_FIGURES) {
    d[key] = b[key] - a[key];
    if (d[key] !== 0) changed.push(key);
  }
  const outputShapeChanged = !sameShape(a.outputShape, b.outputShape);
  if (outputShapeChanged) changed.push('outputShape');
  const rf: [number, number] | null =
    a.receptiveField && b.receptiveField
      ? [b.receptiveField[0] - a.receptiveField[0], b.receptiveField[1] - a.receptiveField[1]]
      : null;
  if ((rf && (rf[0] !== 0 || rf[1] !== 0)) || (!rf && a.receptiveField !== b.receptiveField))
    changed.push('receptiveField');
  return { delta: { ...d, outputShapeChanged, receptiveField: rf }, changed };
}

function designSide(
  doc: NetworkDoc,
  analysis: NetworkAnalysis,
  stages: readonly Stage[],
  memory: Required<CompareOptions>,
): DesignSide {
  // The network ends where its last stage (its last node in topological order) ends.
  const last = stages[stages.length - 1];
  return {
    name: doc.name,
    valid: analysis.valid,
    ...side(analysis.totals, last?.outputShape ?? null, last?.receptiveField ?? null, memory),
  };
}

/**
 * Compares design B against design A: totals, B − A, and per stage (aligned by name). Never
 * throws for a document that passed the schema; an invalid design compares with the figures it
 * has (`valid: false`).
 */
export function compareNetworks(
  a: NetworkDoc,
  b: NetworkDoc,
  opts: CompareOptions = {},
): Comparison {
  const memory: Required<CompareOptions> = {
    batchSize: opts.batchSize ?? DEFAULT_TRAINING_OPTIONS.batchSize,
    optimizer: opts.optimizer ?? DEFAULT_TRAINING_OPTIONS.optimizer,
  };
  const analysisA = analyzeNetwork(a);
  const analysisB = analyzeNetwork(b);
  const stagesA = computeStages(a, analysisA);
  const stagesB = computeStages(b, analysisB);
  const sideA = designSide(a, analysisA, stagesA, memory);
  const sideB = designSide(b, analysisB, stagesB, memory);
  const total = delta(sideA, sideB);
  const stageSide = (s: Stage | null): StageSide | null =>
    s && {
      name: s.name,
      nodeIds: [...s.nodeIds],
      ...side(s.totals, s.outputShape, s.receptiveField, memory),
    };
  const stages = alignStages(stagesA, stagesB).map((row): StageComparison => {
    const sa = stageSide(row.a);
    const sb = stageSide(row.b);
    const d = sa && sb ? delta(sa, sb) : null;
    return {
      name: sa && sb && sa.name !== sb.name ? `${sa.name} / ${sb.name}` : (sa ?? sb)!.name,
      a: sa,
      b: sb,
      delta: d?.delta ?? null,
      changed: d?.changed ?? [...ALL_KEYS],
    };
  });
  return {
    a: sideA,
    b: sideB,
    delta: total.delta,
    changed: total.changed,
    stages,
    memoryAssumes: memory,
  };
}
