import { describe, expect, it, vi } from 'vitest';
import { SAVE_THEN_CLOSE_WINDOW_MS, createCloseGuard } from './closeGuard.ts';
import type { CloseChoice } from './closeGuard.ts';
import { documentNameFromTitle, isDirtyTitle } from './windowTitle.ts';

function setup(choice: CloseChoice) {
  let clock = 0;
  const deps = {
    askToSave: vi.fn(async () => choice),
    requestSave: vi.fn(),
    close: vi.fn(),
    now: () => clock,
  };
  const guard = createCloseGuard(deps);
  // The real window calls back into onClose when deps.close() closes it.
  deps.close.mockImplementation(() => guard.onClose(closeEvent()));
  return { guard, deps, advance: (ms: number) => (clock += ms) };
}

function closeEvent() {
  return { preventDefault: vi.fn() };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('close guard', () => {
  it('lets a clean window close without asking', () => {
    const { guard, deps } = setup('cancel');
    const event = closeEvent();
    expect(guard.onClose(event)).toBe(true);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(deps.askToSave).not.toHaveBeenCalled();
  });

  it('asks before closing with unsaved changes; Cancel keeps the window', async () => {
    const { guard, deps } = setup('cancel');
    guard.setDirty(true);
    const event = closeEvent();
    expect(guard.onClose(event)).toBe(false);
    expect(event.preventDefault).toHaveBeenCalled();
    await flush();
    expect(deps.askToSave).toHaveBeenCalledTimes(1);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it("Don't Save closes at once", async () => {
    const { guard, deps } = setup('discard');
    guard.setDirty(true);
    guard.onClose(closeEvent());
    await flush();
    expect(deps.close).toHaveBeenCalledTimes(1);
  });

  it('Save asks the renderer to save and closes once it reports clean', async () => {
    const { guard, deps } = setup('save');
    guard.setDirty(true);
    guard.onClose(closeEvent());
    await flush();
    expect(deps.requestSave).toHaveBeenCalledTimes(1);
    expect(deps.close).not.toHaveBeenCalled();
    guard.setDirty(false);
    expect(deps.close).toHaveBeenCalledTimes(1);
  });

  it('Save then a cancelled save dialog keeps the window open, even after a later save', async () => {
    const { guard, deps } = setup('save');
    guard.setDirty(true);
    guard.onClose(closeEvent());
    await flush();
    guard.saveCancelled();
    guard.setDirty(false);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('does not close on a save that comes long after a failed "save, then close"', async () => {
    const { guard, deps, advance } = setup('save');
    guard.setDirty(true);
    guard.onClose(closeEvent());
    await flush();
    advance(SAVE_THEN_CLOSE_WINDOW_MS + 1);
    guard.setDirty(false);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('asks once when close is requested twice while the question is open', async () => {
    const { guard, deps } = setup('cancel');
    guard.setDirty(true);
    guard.onClose(closeEvent());
    guard.onClose(closeEvent());
    await flush();
    expect(deps.askToSave).toHaveBeenCalledTimes(1);
  });
});

describe('documentNameFromTitle', () => {
  it.each([
    ['• ResNet-50 — NetDesigner', 'ResNet-50'],
    ['ResNet-50* - NetDesigner', 'ResNet-50'],
    ['NetDesigner', 'this network'],
    ['', 'this network'],
  ])('%j → %j', (title, name) => {
    expect(documentNameFromTitle(title)).toBe(name);
  });
});

describe('isDirtyTitle', () => {
  it('reads the unsaved marker the designer puts in its title', () => {
    expect(isDirtyTitle('• Tiny — NetDesigner')).toBe(true);
    expect(isDirtyTitle('Tiny — NetDesigner')).toBe(false);
    expect(isDirtyTitle('Net • v2 — NetDesigner')).toBe(false);
  });
});
