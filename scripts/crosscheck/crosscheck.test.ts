import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../main/network/analyze.ts';
import { compareGraph, crosscheckGraphs, runCrosscheck } from './crosscheck.ts';
import { torchUnavailableReason, type TorchNodeReport } from './torch.ts';

const reason = torchUnavailableReason();

describe('PyTorch cross-check', () => {
  it.skipIf(reason !== null)(
    `random graphs agree with PyTorch on shapes, params and MACs${reason ? ` — skipped: ${reason}` : ''}`,
    () => {
      const summary = runCrosscheck({ count: 12, seed: 424242 });
      expect(summary.skipped).toBeNull();
      expect(summary.mismatches).toEqual([]);
      expect(summary.nodes).toBeGreaterThan(12 * 5);
    },
  );

  it('generates graphs the engine accepts, covering merges, composites and every padding mode', () => {
    const docs = crosscheckGraphs({ count: 60, seed: 7 });
    const types = new Set(docs.flatMap((d) => d.nodes.map((n) => n.type)));
    for (const t of [
      'Add',
      'Concat',
      'Inception',
      'ResidualBlock',
      'MaxPool2D',
      'AvgPool2D',
      'LRN',
      'Flatten',
    ]) {
      expect(types).toContain(t);
    }
    const paddings = new Set(
      docs.flatMap((d) => d.nodes.map((n) => JSON.stringify(n.params.padding ?? 'valid'))),
    );
    expect(paddings).toEqual(new Set(['"valid"', '"same"', '0', '1', '2']));
    for (const doc of docs) {
      const errors = analyzeNetwork(doc).problems.filter((p) => p.severity === 'error');
      expect(errors, doc.name).toEqual([]);
    }
  });

  it('reports every disagreement with the node and the field', () => {
    const [doc] = crosscheckGraphs({ count: 1, seed: 3 });
    const analysis = analyzeNetwork(doc!);
    const report: Record<string, TorchNodeReport> = {};
    for (const [id, n] of Object.entries(analysis.nodes)) {
      report[id] = {
        outputShape: [...(n.outputShape ?? [])],
        trainableParams: n.trainableParams,
        nonTrainableParams: n.nonTrainableParams,
        macs: n.macs,
      };
    }
    expect(compareGraph(doc!, report)).toEqual([]);
    const conv = doc!.nodes.find((n) => n.type !== 'Input')!;
    report[conv.id] = {
      ...report[conv.id]!,
      trainableParams: report[conv.id]!.trainableParams + 1,
      outputShape: [1],
    };
    const mismatches = compareGraph(doc!, report);
    expect(mismatches).toHaveLength(2);
    expect(mismatches[0]).toContain(`${doc!.name}/${conv.id} (${conv.type}): shape`);
    expect(mismatches[1]).toMatch(/trainableParams \d+ ≠ PyTorch \d+/);
  });
});
