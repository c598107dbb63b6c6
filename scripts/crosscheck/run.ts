/**
 * Cross-checks the engine's shapes and counts against PyTorch on random graphs.
 *
 *   npx tsx scripts/crosscheck/run.ts [--count N] [--seed S] [--write DIR]
 *
 * Exit status: 0 all agree (or skipped because torch is absent), 1 disagreements, 2 bad arguments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crosscheckGraphs, runCrosscheck } from './crosscheck.ts';

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`crosscheck: --${name} must be a whole number (got '${value}')`);
    process.exit(2);
  }
  return n;
}

let values: { count?: string; seed?: string; write?: string };
try {
  ({ values } = parseArgs({
    options: { count: { type: 'string' }, seed: { type: 'string' }, write: { type: 'string' } },
  }));
} catch (err) {
  console.error(`crosscheck: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
const count = positiveInt('count', values.count, 50);
const seed = positiveInt('seed', values.seed, 1);

if (values.write) {
  // Keep the graphs for inspection (`netd inspect DIR/graph-7.netd.json`).
  mkdirSync(values.write, { recursive: true });
  for (const doc of crosscheckGraphs({ count, seed })) {
    writeFileSync(join(values.write, `${doc.name}.netd.json`), JSON.stringify(doc, null, 2) + '\n');
  }
}

const summary = runCrosscheck({ count, seed });
if (summary.skipped) {
  console.log(`crosscheck: skipped — ${summary.skipped}`);
  process.exit(0);
}
for (const line of summary.mismatches) console.log(`  ✖ ${line}`);
const verdict =
  summary.mismatches.length === 0 ? 'all agree' : `${summary.mismatches.length} disagreements`;
console.log(
  `crosscheck: ${summary.graphs} random graphs, ${summary.nodes} nodes (seeds ${seed}–${seed + count - 1}) ` +
    `vs PyTorch ${summary.torchVersion}: ${verdict} on output shapes, parameters and MACs`,
);
process.exit(summary.mismatches.length === 0 ? 0 : 1);
