import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../network/index.ts';
import type { NetworkDoc } from '../../network/types.ts';
import { buildTemplate, listTemplates } from '../../templates/index.ts';
import { crosscheckGraphs } from '../../../scripts/crosscheck/crosscheck.ts';
import { pythonExecutable, torchUnavailableReason } from '../../training/pytorch/python.ts';
import { generateModel } from './generateModel.ts';
import { sameAxisPads } from './nodeCode.ts';

const REPORT = fileURLToPath(new URL('./testing/module_report.py', import.meta.url));
const noTorch = torchUnavailableReason();
const dir = mkdtempSync(join(tmpdir(), 'netd-pytorch-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  nodes?: Record<
    string,
    { outputShape?: number[]; trainableParams: number; nonTrainableParams: number }
  >;
  output?: number[];
  error?: string;
}

/** Runs module_report.py on the exported modules of `docs` (one Python process for all). */
function torchReports(docs: NetworkDoc[]): Report[] {
  const entries = docs.map((doc, i) => {
    const gen = generateModel(doc, analyzeNetwork(doc));
    const file = join(dir, `m${i}.py`);
    writeFileSync(file, gen.source);
    const globals = doc.nodes.filter((n) => n.type.startsWith('Global')).map((n) => n.id);
    return { file, className: gen.className, modules: gen.modules, globals };
  });
  const list = join(dir, `entries-${docs.length}-${docs[0]?.name}.json`);
  writeFileSync(list, JSON.stringify(entries));
  const run = spawnSync(pythonExecutable(), [REPORT, list], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr.trim().split('\n').slice(-3).join('\n'));
  return JSON.parse(run.stdout) as Report[];
}

/** Every disagreement between the designer and PyTorch for one design, as readable lines. */
function disagreements(doc: NetworkDoc, report: Report): string[] {
  if (report.error) return [`${doc.name}: ${report.error}`];
  const analysis = analyzeNetwork(doc);
  const out: string[] = [];
  for (const [id, got] of Object.entries(report.nodes ?? {})) {
    const want = analysis.nodes[id]!;
    const w = JSON.stringify(want.outputShape);
    if (JSON.stringify(got.outputShape) !== w)
      out.push(`${doc.name}/${id}: shape ${JSON.stringify(got.outputShape)} ≠ designer ${w}`);
    if (got.trainableParams !== want.trainableParams)
      out.push(`${doc.name}/${id}: params ${got.trainableParams} ≠ ${want.trainableParams}`);
    if (got.nonTrainableParams !== want.nonTrainableParams)
      out.push(
        `${doc.name}/${id}: running stats ${got.nonTrainableParams} ≠ ${want.nonTrainableParams}`,
      );
  }
  const sink = analysis.order[analysis.order.length - 1]!;
  const total = Object.values(report.nodes ?? {}).reduce((s, n) => s + n.trainableParams, 0);
  if (total !== analysis.totals.trainableParams)
    out.push(`${doc.name}: total params ${total} ≠ designer ${analysis.totals.trainableParams}`);
  void sink;
  return out;
}

describe('PyTorch export', () => {
  it('pads like TensorFlow: the odd pixel of "same" goes after (bottom/right)', () => {
    expect(sameAxisPads(224, 7, 2)).toEqual([2, 3]);
    expect(sameAxisPads(32, 3, 1)).toEqual([1, 1]);
    expect(sameAxisPads(5, 3, 2, 2)).toEqual([2, 2]);
    expect(sameAxisPads(4, 2, 2)).toEqual([0, 0]);
  });

  it('names layers after the design and writes one attribute per layer', () => {
    const { doc } = buildTemplate('resnet18', { input: [32, 32, 3], classes: 10 });
    const gen = generateModel(doc, analyzeNetwork(doc));
    expect(gen.className).toBe('ResNet18');
    expect(gen.source).toContain(
      'self.layer1_0 = ResidualBlock(64, 64, stride=1, bottleneck=False, projection=False)',
    );
    expect(gen.source).toContain(
      'self.layer2_0 = ResidualBlock(64, 128, stride=2, bottleneck=False, projection=True)',
    );
    expect(gen.source).toContain('class ResidualBlock(nn.Module):');
    expect(gen.source).not.toContain('class Inception(');
    expect(gen.layers).toContainEqual(['layer2.0/shortcut/conv', 'layer2_0.shortcut.conv']);
  });

  const templates = listTemplates().map((t) => t.id);
  it.skipIf(noTorch !== null)(
    `every template, as is and adapted to 32×32×3 / 10 classes, has the designer's shapes and counts in PyTorch${noTorch ? ` — skipped: ${noTorch}` : ''}`,
    () => {
      const docs = templates.flatMap((id) => [
        buildTemplate(id).doc,
        buildTemplate(id, { input: [32, 32, 3], classes: 10 }).doc,
      ]);
      const reports = torchReports(docs);
      expect(docs.flatMap((d, i) => disagreements(d, reports[i]!))).toEqual([]);
      expect(reports.every((r) => Object.keys(r.nodes ?? {}).length > 3)).toBe(true);
    },
    300_000,
  );

  it.skipIf(noTorch !== null)(
    `24 random graphs using every layer type have the designer's shapes and counts in PyTorch${noTorch ? ` — skipped: ${noTorch}` : ''}`,
    () => {
      const docs = crosscheckGraphs({ count: 24, seed: 8080 });
      const reports = torchReports(docs);
      expect(docs.flatMap((d, i) => disagreements(d, reports[i]!))).toEqual([]);
    },
    120_000,
  );
});
