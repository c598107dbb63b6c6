import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNetworkText } from '../files/index.ts';
import { buildTemplate } from '../templates/index.ts';
import { main } from './main.ts';
import { captureContext } from './testing.ts';

async function run(...argv: string[]) {
  const ctx = captureContext();
  const code = await main(argv, ctx);
  return { code, stdout: ctx.stdout(), stderr: ctx.stderr() };
}

/** A user error is exactly one line, prefixed with the program name, and never a stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr).toMatch(/^netd[^\n]*: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
}

let dir: string;
/** Stands for the temp folder in test tables (built before `beforeAll` runs). */
const dirPlaceholder = '<temp folder>';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netd-cli-'));
});

describe('netd templates', () => {
  it('lists ids, names and counts in aligned columns', async () => {
    const { code, stdout } = await run('templates');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 13);
    const resnet50 = lines.find((l) => l.startsWith('resnet50 '))!;
    expect(resnet50).toMatch(/ResNet-50\s+224×224×3\s+1000\s+25,557,032\s+4\.09 G$/);
    // Every row's name column starts where the header's does.
    const nameCol = lines[0]!.indexOf('name');
    for (const line of lines.slice(2)) expect(line[nameCol - 1]).toBe(' ');
    expect(new Set(lines.slice(2).map((l) => l.indexOf(l.trim().split(/\s{2,}/)[1]!)))).toEqual(
      new Set([nameCol]),
    );
  });

  it('--json adds descriptions for scripts', async () => {
    const { code, stdout } = await run('templates', '--json');
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as {
      id: string;
      description: string;
      trainableParams: number;
    }[];
    expect(list.find((t) => t.id === 'vgg16')).toMatchObject({ trainableParams: 138_357_544 });
    expect(list.find((t) => t.id === 'alexnet')!.description).toMatch(/single-tower/);
  });
});

describe('netd template', () => {
  it('writes the network file to stdout, and what the adaptation changed to stderr', async () => {
    const { code, stdout, stderr } = await run(
      'template',
      'resnet18',
      '--input',
      '32x32x3',
      '--classes',
      '10',
    );
    expect(code).toBe(0);
    const doc = parseNetworkText(stdout);
    expect(doc).toEqual(buildTemplate('resnet18', { input: [32, 32, 3], classes: 10 }).doc);
    expect(stderr).toMatch(
      /^resnet18: adapted to input 32×32×3, 10 classes:\n {2}- stem: conv1 7×7 stride 2/,
    );
  });

  it('writes to a file with -o and says so on stdout', async () => {
    const file = join(dir, 'lenet.netd.json');
    const { code, stdout, stderr } = await run('template', 'lenet5', '-o', file);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${file} (LeNet-5, 9 nodes)\n`);
    expect(stderr).toBe('');
    expect(parseNetworkText(readFileSync(file, 'utf8'))).toEqual(buildTemplate('lenet5').doc);
  });

  it.each([
    [['template', 'resnet9000'], /unknown template 'resnet9000'/],
    [['template', 'resnet18', '--input', '32x32'], /--input '32x32': expected HxWxC/],
    [['template', 'resnet18', '--input', '0x0x3'], /--input '0x0x3': expected HxWxC/],
    [['template', 'resnet18', '--classes', 'ten'], /--classes 'ten': expected a whole number/],
    [['template', 'resnet18', '--classes', '-1'], /--classes '-1': expected a whole number/],
    [['template', 'resnet18', '--depth', '3'], /unknown option '--depth'/],
    [['template', 'resnet18', '-o', dirPlaceholder], /cannot write: it is a folder/],
    [['template', 'vgg16', '--input', '2048x2048x3'], /cannot adapt 'VGG-16' to 2048×2048×3/],
    [['template'], /missing required argument 'id'/],
    [[], /no command given — try 'netd templates'/],
    [['tempalte', 'x'], /unknown command 'tempalte'.*Did you mean template\?/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(
      ...argv.map((a) => (a === dirPlaceholder ? dir : a)),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr);
    expect(stderr).toMatch(message);
  });
});

describe('netd inspect', () => {
  it('prints a per-node table with totals and exits 0 for a valid network', async () => {
    const file = join(dir, 'resnet50.netd.json');
    await run('template', 'resnet50', '-o', file);
    const { code, stdout } = await run('inspect', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ResNet-50\n/);
    expect(stdout).toMatch(
      /\nlayer2\.0\s+ResidualBlock\s+28×28×512\s+379,392\s+2,560\s+372,506,624\s+/,
    );
    expect(stdout).toMatch(/\ntotal\s+23 nodes\s+25,557,032\s+53,120\s+4,089,184,256\n/);
    expect(stdout).toMatch(/Activation memory: +[\d.]+ MiB per example/);
    // Blocks keep the activations of their inner layers for the backward pass: say how much.
    expect(stdout).toMatch(/\n {2}kept for training: +[\d.]+ MiB per example/);
    expect(stdout).toMatch(/\nValid: 0 errors, 0 warnings\n$/);
  });

  it('--json prints exactly the DESIGN.md object', async () => {
    const file = join(dir, 'lenet-json.netd.json');
    await run('template', 'lenet5', '-o', file);
    const { code, stdout } = await run('inspect', file, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['valid', 'errors', 'warnings', 'nodes', 'totals']);
    expect(json.valid).toBe(true);
    expect(json.totals).toEqual({ trainableParams: 61_706, nonTrainableParams: 0, macs: 416_520 });
    const nodes = json.nodes as Record<string, unknown>[];
    expect(nodes[1]).toEqual({
      id: 'c1',
      type: 'Conv2D',
      outputShape: [28, 28, 6],
      trainableParams: 156,
      nonTrainableParams: 0,
      macs: 117_600,
    });
  });

  it('exits 1 on design errors, still printing the JSON with each error', async () => {
    const file = join(dir, 'broken.netd.json');
    const doc = buildTemplate('lenet5').doc;
    doc.nodes.find((n) => n.id === 'c1')!.params.kernelSize = 40;
    writeFileSync(file, JSON.stringify(doc));
    const { code, stdout } = await run('inspect', file, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as {
      valid: boolean;
      errors: { nodeId: string; code: string }[];
    };
    expect(json.valid).toBe(false);
    expect(json.errors[0]).toMatchObject({ nodeId: 'c1', code: 'kernel-larger-than-input' });

    const table = await run('inspect', file);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(
      /\nInvalid: 1 error, \d+ warnings?\n {2}error +c1 +Conv2D 'C1': kernel 40/,
    );
  });

  it.each([
    ['a missing file', 'missing.netd.json', undefined, /file not found/],
    ['a file that is not JSON', 'garbage.netd.json', '{"format": ', /not valid JSON/],
    ['a file of another format', 'other.netd.json', '{"format": "something-else"}', /format/],
    [
      'a newer format version',
      'v2.netd.json',
      '{"format": "netdesigner.network", "version": 2, "nodes": [], "edges": []}',
      /written by a newer NetDesigner \(format version 2\)/,
    ],
    [
      'a node without an id',
      'noid.netd.json',
      '{"format": "netdesigner.network", "version": 1, "nodes": [{"type": "Input"}], "edges": []}',
      /nodes\[0\]\.id: is missing \(expected text\)/,
    ],
    ['an empty file', 'empty.netd.json', '', /the file is empty/],
    ['binary garbage', 'binary.netd.json', '\u00ff\u0000\u0001garbage', /not valid JSON \(/],
    ['a folder', '.', undefined, /cannot read: it is a folder, not a file/],
  ])('exits 2 with one line for %s', async (_what, name, content, message) => {
    const file = join(dir, name);
    if (content !== undefined) writeFileSync(file, content);
    const { code, stdout, stderr } = await run('inspect', file, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr);
    expect(stderr).toMatch(message);
    // Never echoes the file's bytes (V8 quotes a snippet: '"…" is not valid JSON').
    expect(stderr).not.toContain('is not valid JSON');
    expect([...stderr].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
  });

  it('rejects an unknown option and a missing file argument with exit 2', async () => {
    for (const argv of [['inspect'], ['inspect', 'a.json', '--jsn'], ['inspect', 'a', 'b']]) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expectOneLine(stderr);
    }
  });

  it('--expand shows the primitive layers behind composite blocks with the same totals', async () => {
    const file = join(dir, 'googlenet.netd.json');
    await run('template', 'googlenet', '-o', file);
    const plain = JSON.parse((await run('inspect', file, '--json')).stdout) as {
      totals: unknown;
      nodes: unknown[];
    };
    const expanded = JSON.parse(
      (await run('inspect', file, '--json', '--expand')).stdout,
    ) as typeof plain;
    expect(expanded.totals).toEqual(plain.totals);
    expect(expanded.nodes.length).toBeGreaterThan(plain.nodes.length + 9 * 5);
  });
});

describe('netd', () => {
  it('prints help with exit 0 for --help, and the version for --version', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: netd/);
    for (const cmd of ['templates', 'template', 'inspect', 'train', 'doctor'])
      expect(help.stdout).toContain(cmd);
    const version = await run('--version');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('runs as a real process through bin/netd.mjs', () => {
    const bin = fileURLToPath(new URL('../../bin/netd.mjs', import.meta.url));
    const ok = spawnSync(process.execPath, [bin, 'template', 'cifar-small'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(parseNetworkText(ok.stdout).name).toBe('Small CIFAR CNN');
    const bad = spawnSync(process.execPath, [bin, 'inspect', join(dir, 'nope.netd.json')], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expectOneLine(bad.stderr);
  });
});
