/** Random graphs → our engine and PyTorch → a list of every disagreement. */
import { analyzeNetwork } from '../../main/network/analyze.ts';
import type { NetworkDoc } from '../../main/network/types.ts';
import { randomGraph } from './randomGraph.ts';
import { createRng } from './rng.ts';
import { runTorch, torchUnavailableReason, type TorchNodeReport } from './torch.ts';

export interface CrosscheckOptions {
  count: number;
  seed: number;
}

export interface CrosscheckSummary {
  /** Set when PyTorch is unavailable: why the check did not run. */
  skipped: string | null;
  graphs: number;
  nodes: number;
  torchVersion: string | null;
  /** One line per disagreement: graph, node, what differs. Empty when everything agrees. */
  mismatches: string[];
}

const FIELDS = ['trainableParams', 'nonTrainableParams', 'macs'] as const;

/** Compares the engine's analysis of `doc` with PyTorch's per-node report. */
export function compareGraph(
  doc: NetworkDoc,
  torchNodes: Record<string, TorchNodeReport>,
): string[] {
  const analysis = analyzeNetwork(doc);
  const out: string[] = [];
  for (const p of analysis.problems.filter((q) => q.severity === 'error')) {
    out.push(`${doc.name}: engine reports an error on a valid graph: ${p.message} [${p.code}]`);
  }
  for (const node of doc.nodes) {
    const ours = analysis.nodes[node.id];
    const theirs = torchNodes[node.id];
    if (!ours || !theirs) {
      out.push(`${doc.name}/${node.id}: missing from ${ours ? 'PyTorch' : 'the engine'}`);
      continue;
    }
    const shape = ours.outputShape ? ours.outputShape.join('×') : 'null';
    if (shape !== theirs.outputShape.join('×')) {
      out.push(
        `${doc.name}/${node.id} (${node.type}): shape ${shape} ≠ PyTorch ${theirs.outputShape.join('×')}`,
      );
    }
    for (const f of FIELDS) {
      if (ours[f] !== theirs[f]) {
        out.push(`${doc.name}/${node.id} (${node.type}): ${f} ${ours[f]} ≠ PyTorch ${theirs[f]}`);
      }
    }
  }
  return out;
}

/** The `count` graphs for `seed` (graph i uses seed + i, so any one can be replayed alone). */
export function crosscheckGraphs({ count, seed }: CrosscheckOptions): NetworkDoc[] {
  return Array.from({ length: count }, (_, i) =>
    randomGraph(createRng(seed + i), `graph-${seed + i}`),
  );
}

/** Builds the random graphs, runs PyTorch on them and compares; skips (with the reason) without torch. */
export function runCrosscheck(opts: CrosscheckOptions): CrosscheckSummary {
  const docs = crosscheckGraphs(opts);
  const nodes = docs.reduce((n, d) => n + d.nodes.length, 0);
  const reason = torchUnavailableReason();
  if (reason)
    return { skipped: reason, graphs: docs.length, nodes, torchVersion: null, mismatches: [] };
  const torch = runTorch(docs);
  const mismatches: string[] = [];
  docs.forEach((doc, i) => {
    const result = torch.results[i];
    if (!result || result.error) {
      mismatches.push(`${doc.name}: PyTorch could not build it: ${result?.error ?? 'no result'}`);
      return;
    }
    mismatches.push(...compareGraph(doc, result.nodes));
  });
  return { skipped: null, graphs: docs.length, nodes, torchVersion: torch.torch, mismatches };
}
