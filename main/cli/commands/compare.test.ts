/** `netd compare`: the tables a reader scans, the DESIGN.md JSON, and exit statuses. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../network/analyze.ts';
import { buildTemplate } from '../../templates/index.ts';
import { main } from '../main.ts';
import { captureContext } from '../testing.ts';

async function run(...argv: string[]) {
  const ctx = captureContext();
  const code = await main(argv, ctx);
  return { code, stdout: ctx.stdout(), stderr: ctx.stderr() };
}

let r18: string;
let r34: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'netd-compare-'));
  r18 = join(dir, 'r18.netd.json');
  r34 = join(dir, 'r34.netd.json');
  writeFileSync(r18, JSON.stringify(buildTemplate('resnet18', {}).doc));
  writeFileSync(r34, JSON.stringify(buildTemplate('resnet34', {}).doc));
});

describe('netd compare', () => {
  it('prints totals with B − A and a per-stage table marking the stages that differ', async () => {
    const { code, stdout, stderr } = await run('compare', r18, r34);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^A: ResNet-18 \(.*r18\.netd\.json\)\nB: ResNet-34 /);
    expect(stdout).toMatch(/Trainable params\s+11,689,512\s+21,797,672\s+\+10,108,160 \(\+86 %\)/);
    expect(stdout).toMatch(/Training memory \(batch 32, adam\)/);
    expect(stdout).toMatch(/Output shape\s+1000\s+1000\s+same/);
    expect(stdout).toMatch(/\n {2}112×112\s+56×56×64\s+9,536\s+9,536\s+0/);
    expect(stdout).toMatch(/\n\* layer3\s+14×14×256\s+2,099,712\s+6,822,400\s+\+4,722,688/);
    expect(stdout).toMatch(/211×211 → 547×547/);
  });

  it('--json prints {a, b, delta, stages} with totals named as in netd inspect --json', async () => {
    const { code, stdout } = await run('compare', r18, r34, '--json', '--batch-size', '8');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['a', 'b', 'delta', 'stages']));
    const totals18 = analyzeNetwork(buildTemplate('resnet18', {}).doc).totals;
    expect(json.a).toMatchObject({
      trainableParams: totals18.trainableParams,
      nonTrainableParams: totals18.nonTrainableParams,
      macs: totals18.macs,
      outputShape: [1000],
    });
    expect(json.delta).toMatchObject({ trainableParams: 10_108_160, outputShapeChanged: false });
    expect(json.memoryAssumes).toEqual({ batchSize: 8, optimizer: 'adam' });
    const stages = json.stages as unknown as { name: string; changed: string[] }[];
    expect(stages.map((s) => s.name)).toContain('layer4');
  });

  it('exits 2 with one line for an unreadable file or a bad option', async () => {
    const missing = await run('compare', r18, '/nonexistent/b.netd.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^netd: .*b\.netd\.json.*\n$/);
    const bad = await run('compare', r18, r34, '--optimizer', 'rmsprop');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^netd compare: .*adam, sgd/);
    const one = await run('compare', r18);
    expect(one.code).toBe(2);
  });
});
