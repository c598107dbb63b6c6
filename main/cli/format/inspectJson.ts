/** The `netd inspect --json` object, exactly as DESIGN.md specifies it. */
import { frozenParamsByNode } from '../../network/frozen.ts';
import type { NetworkAnalysis, NetworkDoc, Problem, Shape } from '../../network/types.ts';

export interface InspectProblem {
  nodeId: string | null;
  code: string;
  message: string;
}

export interface InspectNode {
  id: string;
  type: string;
  outputShape: Shape | null;
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  /** Present (true) only for a frozen node: its params count but are not trained. */
  frozen?: true;
}

export interface InspectJson {
  valid: boolean;
  errors: InspectProblem[];
  warnings: InspectProblem[];
  nodes: InspectNode[];
  totals: {
    trainableParams: number;
    nonTrainableParams: number;
    macs: number;
    /** Present only when some layers are frozen: how many of `trainableParams` will not train. */
    frozenParams?: number;
  };
}

function toProblem(p: Problem): InspectProblem {
  return { nodeId: p.nodeId ?? null, code: p.code, message: p.message };
}

/**
 * Builds the DESIGN.md inspect object from an analysis; nodes in topological order. With `doc`,
 * frozen nodes are marked and the totals say how many parameters are frozen (only when some are,
 * so the object of a design without frozen layers is exactly DESIGN.md's).
 */
export function inspectJson(analysis: NetworkAnalysis, doc?: NetworkDoc): InspectJson {
  const frozen = doc ? frozenParamsByNode(doc, analysis) : new Map<string, number>();
  let frozenTotal = 0;
  for (const p of frozen.values()) frozenTotal += p;
  return {
    valid: analysis.valid,
    errors: analysis.problems.filter((p) => p.severity === 'error').map(toProblem),
    warnings: analysis.problems.filter((p) => p.severity === 'warning').map(toProblem),
    nodes: analysis.order.flatMap((id) => {
      const n = analysis.nodes[id];
      if (!n) return [];
      return [
        {
          id: n.id,
          type: n.type,
          outputShape: n.outputShape === null ? null : [...n.outputShape],
          trainableParams: n.trainableParams,
          nonTrainableParams: n.nonTrainableParams,
          macs: n.macs,
          ...(frozen.has(n.id) ? { frozen: true as const } : {}),
        },
      ];
    }),
    totals: {
      trainableParams: analysis.totals.trainableParams,
      nonTrainableParams: analysis.totals.nonTrainableParams,
      macs: analysis.totals.macs,
      ...(frozenTotal > 0 ? { frozenParams: frozenTotal } : {}),
    },
  };
}
