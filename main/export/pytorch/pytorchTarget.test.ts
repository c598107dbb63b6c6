import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { captureContext } from '../../cli/testing.ts';
import { buildTemplate } from '../../templates/index.ts';
import { pythonExecutable, torchUnavailableReason } from '../../training/pytorch/python.ts';
import { encodeSafetensors, expectedWeights, type Weights } from '../../weights/index.ts';
import { mkdirSync } from 'node:fs';

const noTorch = torchUnavailableReason();
const skipped = noTorch ? ` — skipped: ${noTorch}` : '';
const dir = mkdtempSync(join(tmpdir(), 'netd-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * LeNet-5 for the 4 synthetic classes at 16×16: trains in seconds on one core. No dropout or
 * BatchNorm, so one process and two (same global batch, gradients averaged) must agree closely.
 */
function designFile(): string {
  const file = join(dir, 'small.netd.json');
  const { doc } = buildTemplate('lenet5', { input: [16, 16, 3], classes: 4 });
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

interface DoneEvent {
  event: 'done';
  testAccuracy: number;
  valAccuracy: number;
  imagesPerSecond: number;
}

/** Runs train.py in `world` processes with torchrun's environment contract; returns rank 0's events. */
async function trainWith(world: number, cwd: string, args: string[]): Promise<unknown[][]> {
  const port = 29_600 + Math.floor(Math.random() * 300);
  const runs = Array.from({ length: world }, (_, rank) => {
    const child = spawn(pythonExecutable(), ['train.py', ...args], {
      cwd,
      env: {
        ...process.env,
        RANK: String(rank),
        LOCAL_RANK: String(rank),
        WORLD_SIZE: String(world),
        LOCAL_WORLD_SIZE: String(world),
        MASTER_ADDR: '127.0.0.1',
        MASTER_PORT: String(port),
        OMP_NUM_THREADS: '1',
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    return new Promise<unknown[]>((resolve, reject) =>
      child.on('exit', (code) =>
        code === 0
          ? resolve(
              out
                .split('\n')
                .filter(Boolean)
                .map((l) => JSON.parse(l) as unknown),
            )
          : reject(new Error(`rank ${rank} exited ${code}: ${err.slice(-800)}`)),
      ),
    );
  });
  return Promise.all(runs);
}

describe('netd export --to pytorch', () => {
  it('prints the module on stdout without -o', async () => {
    const ctx = captureContext();
    expect(await main(['export', designFile(), '--to', 'pytorch'], ctx)).toBe(0);
    expect(ctx.stdout()).toContain('class LeNet5(nn.Module):');
    expect(ctx.stdout()).toContain('def forward(self, x: torch.Tensor) -> torch.Tensor:');
  });

  it('asks for -o when --with-training would write two files (exit 2)', async () => {
    const ctx = captureContext();
    expect(await main(['export', designFile(), '--to', 'pytorch', '--with-training'], ctx)).toBe(2);
    expect(ctx.stderr()).toContain('-o model.py');
  });

  it.skipIf(noTorch !== null)(
    `--run writes the run's weights beside model.py, and pretrained() loads them${skipped}`,
    async () => {
      const file = designFile();
      const { doc } = buildTemplate('lenet5', { input: [16, 16, 3], classes: 4 });
      const weights: Weights = new Map();
      for (const spec of expectedWeights(doc)) {
        const n = spec.shape.reduce((a, b) => a * b, 1);
        weights.set(spec.name, { shape: spec.shape, data: new Float32Array(n).fill(0.01) });
      }
      const home = join(dir, 'home');
      mkdirSync(join(home, 'runs', '20261205-000000-abcdef'), { recursive: true });
      writeFileSync(
        join(home, 'runs', '20261205-000000-abcdef', 'weights.safetensors'),
        encodeSafetensors(weights),
      );
      const saved = process.env.NETD_HOME;
      process.env.NETD_HOME = home;
      try {
        const out = join(dir, 'with-run', 'model.py');
        const ctx = captureContext();
        expect(
          await main(
            ['export', file, '--to', 'pytorch', '--run', '20261205-000000-abcdef', '-o', out],
            ctx,
          ),
        ).toBe(0);
        const check = spawnSync(
          pythonExecutable(),
          [
            '-c',
            'import model; m = model.pretrained(); print(float(m.c1.weight.sum()), m.c1.weight.shape[0])',
          ],
          { cwd: join(dir, 'with-run'), encoding: 'utf8' },
        );
        expect(check.status, check.stderr).toBe(0);
        const [sum, filters] = check.stdout.trim().split(' ').map(Number);
        expect(sum).toBeCloseTo(0.01 * filters! * 3 * 25, 4);
        const missing = captureContext();
        expect(
          await main(
            ['export', file, '--to', 'pytorch', '--run', '20261205-000000-000000', '-o', out],
            missing,
          ),
        ).toBe(2);
        expect(missing.stderr()).toContain('file not found');
      } finally {
        if (saved === undefined) delete process.env.NETD_HOME;
        else process.env.NETD_HOME = saved;
      }
    },
    60_000,
  );

  it('refuses a design with errors, naming the node (exit 1)', async () => {
    const file = join(dir, 'bad.netd.json');
    const { doc } = buildTemplate('lenet5');
    doc.nodes.find((n) => n.type === 'Dense')!.params.units = 0;
    writeFileSync(file, JSON.stringify(doc));
    const ctx = captureContext();
    expect(await main(['export', file, '--to', 'pytorch'], ctx)).toBe(1);
    expect(ctx.stderr()).toMatch(/design errors \(\w+: /);
  });

  it.skipIf(noTorch !== null)(
    `writes a train.py that trains alone and with 2 DDP processes (gloo) to the same accuracy${skipped}`,
    async () => {
      const out = join(dir, 'exported');
      const ctx = captureContext();
      const model = join(out, 'model.py');
      expect(
        await main(
          ['export', designFile(), '--to', 'pytorch', '--with-training', '-o', model],
          ctx,
        ),
      ).toBe(0);
      expect(existsSync(join(out, 'train.py'))).toBe(true);
      const help = spawnSync(pythonExecutable(), ['train.py', '--help'], {
        cwd: out,
        encoding: 'utf8',
      });
      expect(help.stdout).toContain('--batch-size');
      const args = [
        '--data',
        'synthetic',
        '--epochs',
        '2',
        '--limit',
        '240',
        '--test-limit',
        '80',
        '--batch-size',
        '16',
        '--json',
      ];
      const [single] = await trainWith(1, out, [...args, '--out', join(out, 'run1')]);
      const [rank0, rank1] = await trainWith(2, out, args);
      const done = (events: unknown[]) =>
        events.filter((e) => (e as DoneEvent).event === 'done') as DoneEvent[];
      expect(done(single!)).toHaveLength(1);
      expect(done(rank0!)).toHaveLength(1);
      expect(rank1).toEqual([]); // rank 0 alone reports: one run, one set of events
      expect(
        Math.abs(done(rank0!)[0]!.testAccuracy - done(single!)[0]!.testAccuracy),
      ).toBeLessThanOrEqual(0.02);
      expect(existsSync(join(out, 'run1', 'model.pt'))).toBe(true);
    },
    240_000,
  );
});
