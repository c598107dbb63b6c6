/**
 * Checks for exported diagrams: the cards an SVG says it drew, PNG decoding, and how much of a
 * region differs from the image's background (so "the cards are there", not "the file is big").
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';

export const RSVG = '/usr/bin/rsvg-convert';
export const hasRsvg = existsSync(RSVG);

export interface CardBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The card boxes an exported SVG declares (`data-box="x y w h"`, in its pixels). */
export function svgCards(svg: string): CardBox[] {
  return [...svg.matchAll(/data-box="([\d.-]+) ([\d.-]+) ([\d.]+) ([\d.]+)"/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));
}

/** The width and height attributes of an SVG document. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
  if (!m) throw new Error('the SVG has no width and height');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Decodes a PNG file (throws when it is not a valid PNG). */
export async function readPng(path: string): Promise<PNG> {
  return PNG.sync.read(await readFile(path));
}

/** Renders an SVG file with librsvg (`rsvg-convert`) and decodes the PNG it writes. */
export function renderWithRsvg(svgPath: string, pngPath: string): Promise<PNG> {
  execFileSync(RSVG, ['--format', 'png', '--output', pngPath, svgPath]);
  return readPng(pngPath);
}

/**
 * The share (0–1) of pixels inside `box` (scaled by `scale`) that differ clearly from the
 * background colour, taken from the image's top-left pixel.
 */
export function inkShare(png: PNG, box: CardBox, scale = 1): number {
  const at = (x: number, y: number) => (y * png.width + x) * 4;
  const bg = [png.data[0]!, png.data[1]!, png.data[2]!];
  let ink = 0;
  let all = 0;
  const x0 = Math.max(0, Math.round(box.x * scale));
  const y0 = Math.max(0, Math.round(box.y * scale));
  const x1 = Math.min(png.width, Math.round((box.x + box.w) * scale));
  const y1 = Math.min(png.height, Math.round((box.y + box.h) * scale));
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = at(x, y);
      all++;
      const d = Math.max(
        Math.abs(png.data[i]! - bg[0]!),
        Math.abs(png.data[i + 1]! - bg[1]!),
        Math.abs(png.data[i + 2]! - bg[2]!),
      );
      if (d > 40) ink++;
    }
  return all === 0 ? 0 : ink / all;
}
