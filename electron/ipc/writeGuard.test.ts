import { describe, expect, it } from 'vitest';
import { createWriteGuard } from './writeGuard.ts';

describe('desktop write guard', () => {
  it('lets files:save write only files chosen in a dialog or opened', () => {
    const guard = createWriteGuard();
    const save = (path: string) => guard.refusal('filesSave', { path, doc: {} });
    expect(save('/home/u/.bashrc')).toMatch(/not chosen in a Save dialog/);
    guard.allow('/home/u/nets/a.netd.json');
    expect(save('/home/u/nets/a.netd.json')).toBeNull();
    expect(save('/home/u/nets/a')).toBeNull(); // the same file once the extension is added
    expect(save('/home/u/nets/../nets/a.netd.json')).toBeNull();
    expect(save('/home/u/nets/b.netd.json')).toMatch(/Save As/);
    // Calls that do not write are not the guard's business.
    expect(guard.refusal('filesOpen', { path: '/etc/passwd' })).toBeNull();
  });
});
