/**
 * A minimal training host, run as its own process so a test can SIGKILL it mid-epoch: the
 * training service of `npm run serve` on `$NETD_KILL_RUNS_DIR`, one synthetic run started at
 * once, every event printed on stdout as one JSON line.
 */
import { createTrainingService } from '../../training/service/index.ts';
import { convPoolNet } from '../../network/testDocs.ts';

async function main(): Promise<void> {
  const service = createTrainingService({ runsDir: process.env['NETD_KILL_RUNS_DIR']! });
  service.onEvent((e) => process.stdout.write(`${JSON.stringify(e)}\n`));
  await service.start({
    doc: convPoolNet([16, 16, 3], 4),
    data: 'synthetic',
    options: { epochs: 500, batchSize: 16, limit: 160, testLimit: 40, backend: 'wasm' },
  });
}

if (process.env['NETD_KILL_RUNS_DIR']) void main();
