/** Network files: parsing errors users can act on, stable serialisation, atomic round trips. */
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../network/testDocs.ts';
import {
  NetworkFileError,
  parseNetworkText,
  readNetworkFile,
  serializeNetwork,
  writeNetworkFile,
} from './index.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netd-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tiny = () => {
  const doc = chain(
    [32, 32, 3],
    ['Conv2D', { padding: 'same', kernelSize: 3, filters: 16 }, 'c1'],
    ['GlobalAvgPool2D', {}, 'gap'],
    ['Dense', { units: 10, activation: 'softmax' }, 'fc'],
  );
  doc.nodes[0]!.position = { x: 10, y: 20 };
  doc.nodes[1]!.label = 'first conv';
  return doc;
};

function errorOf(fn: () => unknown): NetworkFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof NetworkFileError) return err;
    throw err;
  }
  throw new Error('expected a NetworkFileError');
}

describe('parseNetworkText', () => {
  it('reads the DESIGN.md example', () => {
    const doc = parseNetworkText(serializeNetwork(tiny()));
    expect(doc.nodes.map((n) => n.id)).toEqual(['in', 'c1', 'gap', 'fc']);
    expect(doc.nodes[1]!.label).toBe('first conv');
  });

  it('names the line and column of broken JSON', () => {
    const e = errorOf(() =>
      parseNetworkText('{\n  "format": "netdesigner.network",\n  "version" 1\n}', 'a.netd.json'),
    );
    expect(e.kind).toBe('not-json');
    expect(e.message).toMatch(/^a\.netd\.json: not valid JSON at line 3, column \d+/);
    expect(e.message).not.toContain('\n');
  });

  it('refuses other JSON files and newer versions clearly', () => {
    expect(errorOf(() => parseNetworkText('{"name": "x"}', 'p.json')).message).toBe(
      'p.json: not a NetDesigner network (expected "format": "netdesigner.network", found none)',
    );
    expect(errorOf(() => parseNetworkText('[1]')).kind).toBe('wrong-format');
    const newer = errorOf(() =>
      parseNetworkText('{"format": "netdesigner.network", "version": 2, "nodes": []}', 'n.json'),
    );
    expect(newer.kind).toBe('newer-version');
    expect(newer.message).toContain('written by a newer NetDesigner');
  });

  it('points at the bad part with a schema path', () => {
    const text = JSON.stringify({
      format: 'netdesigner.network',
      version: 1,
      name: 'x',
      nodes: [{ id: 'a', type: 'Input', params: 3 }],
      edges: [],
    });
    const e = errorOf(() => parseNetworkText(text, 'x.json'));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/^x\.json: nodes\[0\]\.params: /);
  });

  it('says what is missing or of the wrong kind, in words', () => {
    const head = '"format": "netdesigner.network", "version": 1';
    expect(errorOf(() => parseNetworkText(`{${head}, "edges": []}`, 'a.json')).message).toBe(
      'a.json: nodes: is missing (expected a list [ … ])',
    );
    expect(
      errorOf(() => parseNetworkText(`{${head}, "nodes": {}, "edges": []}`, 'a.json')).message,
    ).toBe('a.json: nodes: must be a list [ … ], not an object');
    expect(
      errorOf(() => parseNetworkText('{"format": "netdesigner.network", "version": "1"}', 'a.json'))
        .message,
    ).toMatch(/^a\.json: version: must be a number, not the text "1" \(and 2 more problems\)$/);
  });

  it('does not echo the bytes of a binary file', () => {
    const e = errorOf(() => parseNetworkText('\u0000\u0001\u0002binary', 'b.json'));
    expect(e.kind).toBe('not-json');
    expect(e.message).toMatch(/^b\.json: not valid JSON/);
    expect(e.message).not.toContain('binary');
    const secret = errorOf(() => parseNetworkText('root:*:19000:0:99999:7:::\n', 's.json'));
    expect(secret.message).not.toContain('root:');
    expect([...e.message].filter((c) => c < ' ')).toEqual([]);
  });

  it('keeps unknown types and bad params for analysis to report', () => {
    const text = JSON.stringify({
      format: 'netdesigner.network',
      version: 1,
      name: 'x',
      nodes: [{ id: 'a', type: 'Conv9D', params: { k: 'big' } }],
      edges: [],
    });
    expect(parseNetworkText(text).nodes[0]).toEqual({
      id: 'a',
      type: 'Conv9D',
      params: { k: 'big' },
    });
  });
});

describe('serializeNetwork', () => {
  it('writes a stable key order, 2-space indentation and a trailing newline', () => {
    const text = serializeNetwork(tiny());
    expect(text.endsWith('}\n')).toBe(true);
    expect(
      text.startsWith('{\n  "format": "netdesigner.network",\n  "version": 1,\n  "name": "test",'),
    ).toBe(true);
    // params in catalog order whatever order they were set in
    expect(text.indexOf('"filters"')).toBeLessThan(text.indexOf('"kernelSize"'));
    expect(text.indexOf('"kernelSize"')).toBeLessThan(text.indexOf('"padding"'));
    expect(serializeNetwork(parseNetworkText(text))).toBe(text);
  });
});

describe('files on disk', () => {
  it('round-trips: read → write → read gives the same network', async () => {
    const path = join(dir, 'tiny.netd.json');
    await writeNetworkFile(path, tiny());
    const first = await readNetworkFile(path);
    await writeNetworkFile(path, first);
    const second = await readNetworkFile(path);
    expect(second).toEqual(first);
    expect(first).toEqual(tiny());
  });

  it('writes atomically, leaving no temp files behind', async () => {
    const sub = join(dir, 'atomic');
    await mkdir(sub);
    const path = join(sub, 'n.netd.json');
    await writeFile(path, 'old content');
    await writeNetworkFile(path, tiny());
    expect(await readdir(sub)).toEqual(['n.netd.json']);
    expect(await readFile(path, 'utf8')).toBe(serializeNetwork(tiny()));
  });

  it('leaves the old content and no temp file when the final rename fails', async () => {
    const sub = join(dir, 'failing');
    await mkdir(join(sub, 'taken.netd.json'), { recursive: true });
    await writeFile(join(sub, 'taken.netd.json', 'keep.txt'), 'old');
    await expect(writeNetworkFile(join(sub, 'taken.netd.json'), tiny())).rejects.toMatchObject({
      kind: 'write-failed',
    });
    expect(await readdir(sub)).toEqual(['taken.netd.json']);
    expect(await readFile(join(sub, 'taken.netd.json', 'keep.txt'), 'utf8')).toBe('old');
  });

  it('reports a missing file and an unwritable path in one line', async () => {
    const missing = join(dir, 'nope.netd.json');
    await expect(readNetworkFile(missing)).rejects.toThrow(`${missing}: file not found`);
    await expect(
      writeNetworkFile(join(dir, 'no-dir', 'x.netd.json'), tiny()),
    ).rejects.toMatchObject({ kind: 'write-failed' });
    await expect(readNetworkFile(dir)).rejects.toMatchObject({ kind: 'unreadable' });
    await expect(readNetworkFile('')).rejects.toThrow(/^no file name given$/);
  });
});
