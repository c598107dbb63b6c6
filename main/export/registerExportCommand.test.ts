import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { captureContext } from '../cli/testing.ts';
import { EXPORT_TARGET_IDS, exportTarget } from './registerExportCommand.ts';

const TINY = {
  format: 'netdesigner.network',
  version: 1,
  name: 'Tiny',
  nodes: [
    { id: 'in', type: 'Input', params: { shape: [8, 8, 1] } },
    { id: 'flat', type: 'Flatten', params: {} },
    { id: 'fc', type: 'Dense', params: { units: 3 } },
  ],
  edges: [
    { source: 'in', target: 'flat' },
    { source: 'flat', target: 'fc' },
  ],
};

function tinyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netd-export-'));
  const file = join(dir, 'tiny.netd.json');
  writeFileSync(file, JSON.stringify(TINY));
  return file;
}

describe('netd export', () => {
  it('rejects an unknown format with one line and exit status 2', async () => {
    const ctx = captureContext();
    const code = await main(['export', tinyFile(), '--to', 'caffe'], ctx);
    expect(code).toBe(2);
    expect(ctx.stderr()).toContain('expected one of pytorch, onnx, keras');
    expect(ctx.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('requires --to', async () => {
    const ctx = captureContext();
    expect(await main(['export', tinyFile()], ctx)).toBe(2);
    expect(ctx.stderr()).toContain('--to');
  });

  it.each(EXPORT_TARGET_IDS.filter((id) => !exportTarget(id)))(
    'says clearly that --to %s is not available yet (exit 2)',
    async (id) => {
      const ctx = captureContext();
      expect(await main(['export', tinyFile(), '--to', id], ctx)).toBe(2);
      expect(ctx.stderr()).toBe(`netd export: --to ${id} is not available yet in this version\n`);
    },
  );
});
