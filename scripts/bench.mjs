#!/usr/bin/env node
// `npm run bench [-- analyze|train|engine|ui]`: prints the benchmark figures (never asserts on them).
import { spawnSync } from 'node:child_process';

const ALL = {
  analyze: ['npx', ['tsx', 'bench/analyze.ts']],
  train: ['npx', ['tsx', 'bench/train.ts']],
  engine: ['npx', ['tsx', 'bench/engine.ts']],
  ui: ['npx', ['tsx', 'bench/ui.ts']],
};
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in ALL));
if (unknown.length > 0) {
  console.error(
    `npm run bench: unknown benchmark ${unknown.join(', ')} (choose from ${Object.keys(ALL).join(', ')})`,
  );
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : Object.keys(ALL)) {
  const [cmd, args] = ALL[name];
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
