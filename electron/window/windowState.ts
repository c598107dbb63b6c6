/**
 * Remembers the main window's size, position and maximized state between launches (a JSON file in
 * Electron's userData folder, written atomically) and clamps a remembered state onto the displays
 * that exist now, so a window last seen on an unplugged monitor never opens off-screen.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { readJsonOrUndefined, writeJsonAtomic } from '../../main/settings/atomicJson.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_WINDOW_WIDTH = 960;
export const MIN_WINDOW_HEIGHT = 600;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});

/** Returns the state stored in `raw`, or `undefined` when it is missing or malformed. */
export function parseWindowState(raw: unknown): WindowState | undefined {
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampSize(state: WindowState, area: Rect): { width: number; height: number } {
  // Never larger than the work area, never smaller than the minimum the layout needs — unless the
  // screen itself is smaller, in which case the screen wins.
  const width = Math.min(Math.max(state.width, MIN_WINDOW_WIDTH), area.width);
  const height = Math.min(Math.max(state.height, MIN_WINDOW_HEIGHT), area.height);
  return { width: Math.round(width), height: Math.round(height) };
}

/**
 * Fits `state` onto the given display work areas (the first is the primary display). The window
 * goes on the display it overlaps most, moved and shrunk to lie wholly inside it; a window that
 * overlaps no display keeps its size (clamped to the primary display) and loses its position, so
 * the OS centres it.
 */
export function clampWindowState(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { ...state };
  if (state.x === undefined || state.y === undefined) {
    return { ...clampSize(state, primary), maximized: state.maximized };
  }
  const saved: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (!best) return { ...clampSize(state, primary), maximized: state.maximized };
  const size = clampSize(state, best);
  const x = Math.min(Math.max(state.x, best.x), best.x + best.width - size.width);
  const y = Math.min(Math.max(state.y, best.y), best.y + best.height - size.height);
  return { x: Math.round(x), y: Math.round(y), ...size, maximized: state.maximized };
}

/** Reads the remembered state and clamps it onto `workAreas`; the default state when none. */
export async function loadWindowState(
  file: string,
  workAreas: readonly Rect[],
): Promise<WindowState> {
  const stored = parseWindowState(await readJsonOrUndefined(file)) ?? DEFAULT_WINDOW_STATE;
  return clampWindowState(stored, workAreas);
}

/**
 * Writes the state atomically. Failures are swallowed: losing the window position is not worth
 * an error dialog on quit.
 */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeJsonAtomic(file, state).catch(() => undefined);
}

/**
 * Writes the state atomically and synchronously — for the window's `close`, which on quit is
 * followed by the process exiting before an asynchronous write could finish. Never throws.
 */
export function saveWindowStateSync(file: string, state: WindowState): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}
