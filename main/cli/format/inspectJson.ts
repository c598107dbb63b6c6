/** The `netd inspect --json` object, exactly as DESIGN.md specifies it. */
import type { NetworkAnalysis, Problem, Shape } from '../../network/types.ts';

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
}

export interface InspectJson {
  valid: boolean;
  errors: InspectProblem[];
  warnings: InspectProblem[];
  nodes: InspectNode[];
  totals: { trainableParams: number; nonTrainableParams: number; macs: number };
}

function toProblem(p: Problem): InspectProblem {
  return { nodeId: p.nodeId ?? null, code: p.code, message: p.message };
}

/** Builds the DESIGN.md inspect object from an analysis; nodes in topological order. */
export function inspectJson(analysis: NetworkAnalysis): InspectJson {
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
        },
      ];
    }),
    totals: {
      trainableParams: analysis.totals.trainableParams,
      nonTrainableParams: analysis.totals.nonTrainableParams,
      macs: analysis.totals.macs,
    },
  };
}
