/**
 * A hand-made `NetworkAnalysis` for renderer tests and dev harnesses (not used by the app), which
 * may not run the engine: only the output shapes are real, every count is zero.
 */
import type { NetworkAnalysis, NodeAnalysis } from '../../main/network/types.ts';

function stubNode(id: string, type: string, outputShape: number[]): NodeAnalysis {
  return {
    id,
    type,
    inputShapes: [],
    outputShape,
    trainableParams: 0,
    nonTrainableParams: 0,
    macs: 0,
    activationBytes: 0,
    receptiveField: null,
    summary: '',
    formulas: [],
  };
}

/**
 * A valid analysis with one node per entry of `outputShapes` (in that order), each of `type`, no
 * problems and zero totals.
 */
export function stubAnalysis(outputShapes: Record<string, number[]>, type = ''): NetworkAnalysis {
  return {
    valid: true,
    order: Object.keys(outputShapes),
    nodes: Object.fromEntries(
      Object.entries(outputShapes).map(([id, shape]) => [id, stubNode(id, type, shape)]),
    ),
    problems: [],
    totals: { trainableParams: 0, nonTrainableParams: 0, macs: 0, activationBytes: 0 },
  };
}
