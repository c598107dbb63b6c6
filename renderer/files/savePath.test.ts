import { describe, expect, it } from 'vitest';
import { splitSuggestion } from './savePath.ts';

describe('splitSuggestion', () => {
  it('offers a bare name in the default folder', () => {
    expect(splitSuggestion('tiny.netd.json')).toEqual({ dir: undefined, name: 'tiny.netd.json' });
  });

  it('starts Save As in the folder of the current file, offering its name', () => {
    expect(splitSuggestion('/home/ana/nets/lenet.netd.json')).toEqual({
      dir: '/home/ana/nets',
      name: 'lenet.netd.json',
    });
    expect(splitSuggestion('C:\\Users\\ana\\vgg.netd.json')).toEqual({
      dir: 'C:\\Users\\ana',
      name: 'vgg.netd.json',
    });
  });

  it('keeps the root folder of a file saved at the root', () => {
    expect(splitSuggestion('/net.netd.json')).toEqual({ dir: '/', name: 'net.netd.json' });
  });
});
