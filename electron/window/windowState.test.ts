import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
  clampWindowState,
  loadWindowState,
  saveWindowState,
  saveWindowStateSync,
} from './windowState.ts';

const LAPTOP = { x: 0, y: 0, width: 1920, height: 1050 };
const RIGHT_MONITOR = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('clampWindowState', () => {
  it('keeps a window that fits on its display unchanged', () => {
    const state = { x: 100, y: 80, width: 1400, height: 900, maximized: false };
    expect(clampWindowState(state, [LAPTOP])).toEqual(state);
  });

  it('moves a window that hangs off the bottom-right edge back inside', () => {
    const state = { x: 1500, y: 900, width: 1200, height: 800, maximized: false };
    expect(clampWindowState(state, [LAPTOP])).toEqual({
      x: 720,
      y: 250,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('shrinks a window larger than the display to the work area', () => {
    const state = { x: 0, y: 0, width: 4000, height: 3000, maximized: true };
    expect(clampWindowState(state, [LAPTOP])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1050,
      maximized: true,
    });
  });

  it('puts the window on the display it overlaps most', () => {
    const state = { x: 1800, y: 100, width: 1600, height: 900, maximized: false };
    expect(clampWindowState(state, [LAPTOP, RIGHT_MONITOR])).toMatchObject({ x: 1920, y: 100 });
  });

  it('forgets the position of a window last seen on an unplugged monitor', () => {
    const state = { x: 2200, y: 200, width: 1600, height: 900, maximized: false };
    const clamped = clampWindowState(state, [LAPTOP]);
    expect(clamped).toEqual({ width: 1600, height: 900, maximized: false });
  });

  it('never makes the window smaller than the layout minimum when the screen allows it', () => {
    const state = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(clampWindowState(state, [LAPTOP])).toMatchObject({
      width: MIN_WINDOW_WIDTH,
      height: MIN_WINDOW_HEIGHT,
    });
  });
});

describe('window state file', () => {
  it('round-trips through disk and is clamped on load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netd-winstate-'));
    const file = join(dir, 'nested', 'window-state.json');
    await saveWindowState(file, { x: 50, y: 60, width: 1300, height: 850, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 50,
      y: 60,
      width: 1300,
      height: 850,
      maximized: true,
    });
    expect(await loadWindowState(file, [LAPTOP])).toEqual({
      x: 50,
      y: 60,
      width: 1300,
      height: 850,
      maximized: true,
    });
  });

  it('is on disk as soon as the synchronous save (window close on Quit) returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netd-winstate-'));
    const file = join(dir, 'nested', 'window-state.json');
    saveWindowStateSync(file, { x: 10, y: 20, width: 1200, height: 800, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 10, width: 1200 });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
    expect(await loadWindowState(file, [LAPTOP])).toMatchObject({ x: 10, y: 20 });
  });

  it('falls back to the default for a missing or corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netd-winstate-'));
    expect(await loadWindowState(join(dir, 'none.json'), [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"width": "wide"');
    expect(await loadWindowState(corrupt, [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(corrupt, JSON.stringify({ width: -5, height: 'tall' }));
    expect(await loadWindowState(corrupt, [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
