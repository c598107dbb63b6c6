/**
 * Prints median `analyzeNetwork` times: every template, ResNet-152 expanded to primitives (also
 * per 100 nodes), and a 10,000-node random DAG. Figures only, no assertions.
 *
 *   npx tsx bench/analyze.ts
 */
import { analyzeNetwork } from '../main/network/analyze.ts';
import { expandComposites } from '../main/network/expand.ts';
import { makeDoc } from '../main/network/testDocs.ts';
import type { NetworkDoc, NetworkNode } from '../main/network/types.ts';
import { buildTemplate, listTemplates } from '../main/templates/index.ts';

/** Median wall time of `fn` in ms, after a short warm-up so the JIT has settled. */
function median(fn: () => void, runs: number): number {
  for (let i = 0; i < Math.min(10, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A random DAG of shape-preserving layers with Add merges; deterministic (fixed seed). */
function randomDag(size: number): NetworkDoc {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const nodes: NetworkNode[] = [{ id: 'n0', type: 'Input', params: { shape: [32, 32, 16] } }];
  const edges: [string, string][] = [];
  // Mostly-local wiring (like real networks): inputs come from the last few nodes.
  const pick = () => nodes[Math.max(0, nodes.length - 1 - Math.floor(rand() * 6))]!.id;
  for (let i = 1; i < size - 2; i++) {
    const id = `n${i}`;
    const r = rand();
    if (r < 0.2 && nodes.length > 2) {
      const a = pick();
      let b = pick();
      while (b === a) b = pick();
      edges.push([a, id], [b, id]);
      nodes.push({ id, type: 'Add', params: {} });
      continue;
    }
    const [type, params]: [string, Record<string, unknown>] =
      r < 0.6
        ? ['Conv2D', { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }]
        : r < 0.8
          ? ['BatchNorm', {}]
          : ['Activation', { fn: 'relu' }];
    edges.push([pick(), id]);
    nodes.push({ id, type, params });
  }
  edges.push([nodes[nodes.length - 1]!.id, 'gap'], ['gap', 'fc']);
  nodes.push(
    { id: 'gap', type: 'GlobalAvgPool2D', params: {} },
    { id: 'fc', type: 'Dense', params: { units: 10 } },
  );
  return makeDoc(nodes, edges);
}

function row(label: string, nodes: number, ms: number): void {
  const per100 = (ms / nodes) * 100;
  console.log(
    `${label.padEnd(34)} ${String(nodes).padStart(6)} nodes  ${ms.toFixed(3).padStart(9)} ms  ${per100.toFixed(3).padStart(7)} ms/100 nodes`,
  );
}

function main(): void {
  console.log('analyzeNetwork — median wall time\n');
  for (const t of listTemplates()) {
    const doc = buildTemplate(t.id).doc;
    row(
      `template ${t.id}`,
      doc.nodes.length,
      median(() => analyzeNetwork(doc), 50),
    );
  }
  const expanded = expandComposites(buildTemplate('resnet152').doc);
  row(
    'resnet152 expanded to primitives',
    expanded.nodes.length,
    median(() => analyzeNetwork(expanded), 50),
  );
  const big = randomDag(10_000);
  row(
    'random DAG',
    big.nodes.length,
    median(() => analyzeNetwork(big), 25),
  );
  const count = (doc: NetworkDoc, severity: 'error' | 'warning') =>
    analyzeNetwork(doc).problems.filter((p) => p.severity === severity).length;
  console.log(
    `\n(errors / warnings: random DAG ${count(big, 'error')} / ${count(big, 'warning')}, ` +
      `resnet152 expanded ${count(expanded, 'error')} / ${count(expanded, 'warning')})`,
  );
}

main();
