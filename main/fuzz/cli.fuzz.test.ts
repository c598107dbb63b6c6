/**
 * Fuzz: `netd` arguments and input files. Random command lines over every command, with hostile
 * values and hostile files (mutated designs, binary junk, FIFOs-by-name, missing paths). Every
 * run must return 0, 1 or 2 without throwing, print one bounded line on stderr when it fails,
 * and write nothing raw to the terminal (output passes through the same escaping as the process
 * streams).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeOutput } from '../cli/format/terminal.ts';
import { main } from '../cli/main.ts';
import type { CliContext } from '../cli/context.ts';
import { serializeNetwork } from '../files/index.ts';
import { buildTemplate } from '../templates/index.ts';
import { removeTempDirs, tempDir } from '../training/data/testing/fixtures.ts';
import { HOSTILE_STRINGS, RAW_CONTROL, fuzzer, mutateBytes } from './random.ts';

afterAll(removeTempDirs);

/** Command lines per run (README "Security"). */
export const CLI_CASES = 400;

/** A context that escapes like `processContext` and records what reached the "terminal". */
function terminalContext(): CliContext & { out_: string; err_: string } {
  const ctx = {
    out_: '',
    err_: '',
    exitCode: 0,
    isTTY: false,
    out: (t: string) => void (ctx.out_ += escapeOutput(t)),
    err: (t: string) => void (ctx.err_ += escapeOutput(t)),
  };
  return ctx;
}

describe('fuzz: command line', () => {
  it(`answers ${CLI_CASES} hostile command lines with 0, 1 or 2 and clean output`, async () => {
    const f = fuzzer(0xc11);
    const dir = tempDir('netd-cli-fuzz-');
    const good = serializeNetwork(buildTemplate('lenet5').doc);
    const files: string[] = [];
    for (let i = 0; i < 40; i++) {
      const path = join(dir, `f${i}.netd.json`);
      const text =
        i % 4 === 0
          ? good.replace(/"conv1"/g, JSON.stringify(f.pick(HOSTILE_STRINGS)))
          : mutateBytes(f, Buffer.from(good)).toString('latin1');
      writeFileSync(path, text);
      files.push(path);
    }
    files.push(join(dir, 'missing.netd.json'), dir, '/dev/null', '');
    const value = () =>
      f.pick([
        ...HOSTILE_STRINGS,
        '0x0',
        '32x32x3',
        '-1',
        '1e9',
        'nan',
        '--json',
        '-o',
        'synthetic',
      ]);
    const file = () => f.pick(files);
    const commands: (() => string[])[] = [
      () => ['templates', ...(f.chance(0.5) ? ['--json'] : [])],
      () => [
        'template',
        f.pick(['lenet5', 'resnet18', value()]),
        '--input',
        value(),
        '--classes',
        value(),
      ],
      () => [
        'inspect',
        file(),
        ...(f.chance(0.5) ? ['--json'] : []),
        ...(f.chance(0.3) ? ['--expand'] : []),
      ],
      () => ['compare', file(), file(), ...(f.chance(0.5) ? ['--json'] : [])],
      () => [
        'export',
        file(),
        '--to',
        f.pick(['pytorch', 'keras', value()]),
        '-o',
        join(dir, 'out', value().replace(/\//g, '_')),
      ],
      () => ['import', file(), '-o', join(dir, 'imp.netd.json')],
      // Training data that cannot exist: argument and input checks only, never a real run.
      () => ['train', file(), '--data', join(dir, 'no-such-data'), '--epochs', value()],
      () => [value(), value()],
      () => Array.from({ length: f.int(6) }, value),
    ];
    const codes = new Map<number, number>();
    for (let i = 0; i < CLI_CASES; i++) {
      const argv = f.pick(commands)();
      const ctx = terminalContext();
      const code = await main(argv, ctx);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      expect([0, 1, 2], `exit code of ${JSON.stringify(argv)}`).toContain(code);
      expect(RAW_CONTROL.test(ctx.out_ + ctx.err_)).toBe(false);
      if (code === 2) expect(ctx.err_.length, JSON.stringify(argv)).toBeLessThan(5000);
      expect(ctx.err_).not.toMatch(/\n\s+at .*\.ts:\d+/); // never a stack trace
    }
    expect(codes.get(2)).toBeGreaterThan(CLI_CASES / 10);
  });
});
