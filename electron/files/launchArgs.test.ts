import { describe, expect, it } from 'vitest';
import { findNetworkFileArg, withNetworkFileExtension } from './launchArgs.ts';

describe('findNetworkFileArg', () => {
  it('finds a network file among Electron arguments and resolves it against the cwd', () => {
    expect(findNetworkFileArg(['.', '--inspect=0', 'nets/model.netd.json'], '/home/ana')).toBe(
      '/home/ana/nets/model.netd.json',
    );
    expect(findNetworkFileArg(['/abs/Model.NETD.JSON'], '/home/ana')).toBe('/abs/Model.NETD.JSON');
  });

  it('ignores flags and other files', () => {
    expect(
      findNetworkFileArg(['.', '--enable-logging', 'package.json', 'notes.txt'], '/x'),
    ).toBeNull();
    expect(findNetworkFileArg(['--file=a.netd.json'], '/x')).toBeNull();
  });
});

describe('withNetworkFileExtension', () => {
  it.each([
    ['/a/model', '/a/model.netd.json'],
    ['/a/model.json', '/a/model.netd.json'],
    ['/a/model.netd', '/a/model.netd.json'],
    ['/a/model.netd.json', '/a/model.netd.json'],
    ['/a/v1.2', '/a/v1.2.netd.json'],
  ])('%s → %s', (input, expected) => {
    expect(withNetworkFileExtension(input)).toBe(expected);
  });
});
