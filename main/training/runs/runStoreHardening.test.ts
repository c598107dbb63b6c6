/**
 * A run folder is data anyone could have written: the record must match its folder, a pid alone
 * does not prove a run is alive, a newer format is named, not dropped, and the metrics log is
 * validated and streamed.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../data/testing/fixtures.ts';
import { convPoolNet } from '../../network/testDocs.ts';
import { isProcessAlive, processStartTime, RUN_FILE } from './record.ts';
import { createRunStore } from './runStore.ts';

afterAll(removeTempDirs);

const req = { doc: convPoolNet([8, 8, 1], 4), data: 'synthetic', options: { epochs: 2 } };

function editRecord(dir: string, edit: (r: Record<string, unknown>) => void): void {
  const path = join(dir, RUN_FILE);
  const r = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(r);
  writeFileSync(path, JSON.stringify(r));
}

describe('run store: untrusted run folders', () => {
  it('does not trust a record whose runId names another folder', async () => {
    const root = tempDir('netd-runs-');
    const store = createRunStore(root);
    store.create('victim', req);
    cpSync(join(root, 'victim'), join(root, 'copy'), { recursive: true });
    await expect(store.get('copy')).rejects.toThrow(/has a record for run victim/);
    await expect(store.exportModel('copy', tempDir())).rejects.toThrow(/record for run victim/);
    expect((await store.list()).map((r) => r.runId)).toEqual(['victim']);
  });

  it('treats absurd and reused pids as ended', async () => {
    expect(isProcessAlive(0)).toBe(false); // would signal the process group
    expect(isProcessAlive(-1)).toBe(false); // would signal every process
    expect(isProcessAlive(2 ** 40)).toBe(false);
    expect(isProcessAlive(process.pid)).toBe(true);
    // Our own pid, but recorded with another start time: a reused pid.
    const start = processStartTime(process.pid);
    if (start !== null) expect(isProcessAlive(process.pid, `${start}9`)).toBe(false);
    const root = tempDir('netd-runs-');
    const store = createRunStore(root);
    store.create('r1', req);
    editRecord(join(root, 'r1'), (r) => (r['pid'] = -1));
    expect((await store.list())[0]).toMatchObject({ runId: 'r1', status: 'interrupted' });
  });

  it('lists a run of a newer format by name and says why it cannot be opened', async () => {
    const root = tempDir('netd-runs-');
    const store = createRunStore(root);
    store.create('r2', req);
    editRecord(join(root, 'r2'), (r) => (r['version'] = 7));
    const [listed] = await store.list();
    expect(listed!.name).toMatch(/newer run format — update NetDesigner/);
    await expect(store.get('r2')).rejects.toThrow(/newer NetDesigner \(run format version 7\)/);
  });

  it('skips malformed metrics lines and thins a long log while streaming it', async () => {
    const root = tempDir('netd-runs-');
    const store = createRunStore(root);
    const w = store.create('r3', req);
    const log = join(w.dir, 'metrics.jsonl');
    const lines = [
      '{"event":"epoch","epoch":"1; DROP","trainLoss":1}',
      '{"event":"epoch","epoch":1,"trainLoss":1,"trainAccuracy":0.5,"valLoss":null,"valAccuracy":null,"learningRate":0.1,"seconds":1,"imagesPerSecond":5,"extra":"<img src=x>"}',
      'not json',
      `{"event":"batch","epoch":1,"batch":1,"batchesPerEpoch":1,"loss":"${'x'.repeat(100_000)}"}`,
    ];
    appendFileSync(log, lines.join('\n') + '\n');
    let batches = '';
    for (let i = 1; i <= 50_000; i++)
      batches += `{"event":"batch","epoch":1,"batch":${i},"batchesPerEpoch":50000,"loss":${1 / i}}\n`;
    appendFileSync(log, batches);
    const detail = await store.get('r3');
    expect(detail.epochHistory).toEqual([
      {
        epoch: 1,
        trainLoss: 1,
        trainAccuracy: 0.5,
        valLoss: null,
        valAccuracy: null,
        learningRate: 0.1,
        seconds: 1,
        imagesPerSecond: 5,
      },
    ]);
    expect(detail.batchLoss.length).toBeLessThanOrEqual(2000);
    expect(detail.batchLoss[0]).toEqual({ step: 1, loss: 1 });
  });

  it('removes the run.json temp files of killed writers when the store is read', async () => {
    const root = tempDir('netd-runs-');
    const store = createRunStore(root);
    const dir = store.create('r4', req).dir;
    // A writer killed between writing its temp and renaming it: its process is gone.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const dead = join(dir, `${RUN_FILE}.${deadPid}.tmp`);
    // A live pid (ours), but its temp is much older than the record: the pid was reused.
    const reused = join(dir, `${RUN_FILE}.${process.pid}.tmp`);
    // Another live writer's temp, newer than the record: it is being renamed right now.
    const live = join(dir, `${RUN_FILE}.${process.ppid}.tmp`);
    for (const path of [dead, reused, live]) writeFileSync(path, '{"half":');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(reused, hourAgo, hourAgo);
    const other = join(dir, 'notes.tmp'); // not ours to remove
    writeFileSync(other, '');

    expect((await store.list())[0]).toMatchObject({ runId: 'r4', status: 'running' });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(reused)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect((await store.get('r4')).runId).toBe('r4');
  });
});
