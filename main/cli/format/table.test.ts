import { describe, expect, it } from 'vitest';
import { compact } from './numbers.ts';
import { renderTable } from './table.ts';

describe('renderTable', () => {
  it('aligns text left and numbers right, with a rule under the header and above the footer', () => {
    const text = renderTable(
      [{ header: 'node' }, { header: 'output' }, { header: 'params', align: 'right' }],
      [
        ['conv1', '112×112×64', '9,408'],
        ['fc', '1000', '513,000'],
      ],
      ['total', '', '522,408'],
    );
    expect(text).toBe(
      [
        'node   output       params',
        '─────  ──────────  ───────',
        'conv1  112×112×64    9,408',
        'fc     1000        513,000',
        '─────  ──────────  ───────',
        'total              522,408',
        '',
      ].join('\n'),
    );
  });
});

describe('compact counts', () => {
  it('abbreviates large counts with SI prefixes', () => {
    expect(compact(950)).toBe('950');
    expect(compact(4_089_184_256)).toBe('4.09 G');
    expect(compact(714_188_480)).toBe('714 M');
    expect(compact(7_801_405_440)).toBe('7.80 G');
    expect(compact(999_999)).toBe('1.00 M');
  });
});
