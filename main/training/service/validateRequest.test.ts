import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeDataSpec } from './validateRequest.ts';

describe('normalizeDataSpec', () => {
  it('keeps built-in names, and makes folders absolute with ~ as the home folder', () => {
    expect(normalizeDataSpec(' Fashion-MNIST ')).toBe('fashion-mnist');
    expect(normalizeDataSpec('SYNTHETIC')).toBe('synthetic');
    expect(normalizeDataSpec('~/data/cifar')).toBe(join(homedir(), 'data/cifar'));
    expect(normalizeDataSpec('~')).toBe(homedir());
    expect(normalizeDataSpec('data/~x')).toBe(resolve('data/~x'));
  });
});
