/**
 * The *Examples* gallery: classic comparisons as ready pairs of designs, each with an explanation
 * written from the numbers the engine computes for the pair.
 */
import { compareNetworks, type Comparison } from '../compare/compareNetworks.ts';
import type { NetworkDoc } from '../network/types.ts';
import { EXAMPLE_PAIRS } from './pairs.ts';

export interface ExampleInfo {
  id: string;
  title: string;
  question: string;
  aName: string;
  bName: string;
}

export interface LoadedExample extends ExampleInfo {
  a: NetworkDoc;
  b: NetworkDoc;
  comparison: Comparison;
  /** Two or three sentences; every figure in them is read from `comparison`. */
  explanation: string;
}

/** Thrown by `loadExample` for an id that is not in the gallery. */
export class ExampleError extends Error {
  override readonly name = 'ExampleError';
}

/** Every example pair, in gallery order. */
export function listExamples(): ExampleInfo[] {
  return EXAMPLE_PAIRS.map((p) => ({
    id: p.id,
    title: p.title,
    question: p.question,
    aName: p.a().name,
    bName: p.b().name,
  }));
}

/**
 * Builds example `id`: both designs, their comparison and the explanation.
 * @throws ExampleError when there is no such example.
 */
export function loadExample(id: string): LoadedExample {
  const pair = EXAMPLE_PAIRS.find((p) => p.id === id);
  if (!pair)
    throw new ExampleError(
      `Unknown example '${id}'. Known examples: ${EXAMPLE_PAIRS.map((p) => p.id).join(', ')}.`,
    );
  const a = pair.a();
  const b = pair.b();
  const comparison = compareNetworks(a, b);
  return {
    id: pair.id,
    title: pair.title,
    question: pair.question,
    aName: a.name,
    bName: b.name,
    a,
    b,
    comparison,
    explanation: pair.explain(comparison),
  };
}
