#!/usr/bin/env node
// Draws the NetDesigner app icon (a rounded tile with three layers of a small network) into
// icon.png (512×512, what electron-builder converts to .ico/.icns) with pngjs. Anti-aliased by
// 4×4 supersampling. Run: node assets/icons/generate-icon.mjs
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const SS = 4;
const here = dirname(fileURLToPath(import.meta.url));

// Geometry in a 512 box (mirrors icon.svg).
const TILE = { x: 32, y: 32, w: 448, h: 448, r: 96 };
const layers = [
  [
    { x: 136, y: 176 },
    { x: 136, y: 336 },
  ],
  [
    { x: 256, y: 136 },
    { x: 256, y: 256 },
    { x: 256, y: 376 },
  ],
  [{ x: 376, y: 256 }],
];
const NODE_R = 34;
const EDGE_W = 12;
const edges = [];
for (let l = 0; l + 1 < layers.length; l++) {
  for (const a of layers[l]) for (const b of layers[l + 1]) edges.push([a, b]);
}

function inRoundedRect(x, y, { x: rx, y: ry, w, h, r }) {
  if (x < rx || y < ry || x > rx + w || y > ry + h) return false;
  const cx = Math.min(Math.max(x, rx + r), rx + w - r);
  const cy = Math.min(Math.max(y, ry + r), ry + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/** Colour (RGBA 0..255) of one sample point. */
function sample(x, y) {
  if (!inRoundedRect(x, y, TILE)) return [0, 0, 0, 0];
  for (const layer of layers) {
    for (const n of layer) {
      const d = Math.hypot(x - n.x, y - n.y);
      if (d <= NODE_R - 7) return [255, 255, 255, 255];
      if (d <= NODE_R) return [255, 196, 61, 255];
    }
  }
  for (const [a, b] of edges)
    if (distToSegment(x, y, a, b) <= EDGE_W / 2) return [173, 198, 255, 255];
  // Diagonal gradient, deep indigo → blue.
  const t = (x + y) / (2 * SIZE);
  return [
    Math.round(49 + t * (37 - 49)),
    Math.round(46 + t * (99 - 46)),
    Math.round(129 + t * (235 - 129)),
    255,
  ];
}

const png = new PNG({ width: SIZE, height: SIZE });
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        // Premultiplied accumulation so transparent samples do not darken the edges.
        acc[0] += (c[0] * c[3]) / 255;
        acc[1] += (c[1] * c[3]) / 255;
        acc[2] += (c[2] * c[3]) / 255;
        acc[3] += c[3];
      }
    }
    const n = SS * SS;
    const alpha = acc[3] / n;
    const i = (py * SIZE + px) * 4;
    png.data[i] = alpha ? Math.round((acc[0] / n / alpha) * 255) : 0;
    png.data[i + 1] = alpha ? Math.round((acc[1] / n / alpha) * 255) : 0;
    png.data[i + 2] = alpha ? Math.round((acc[2] / n / alpha) * 255) : 0;
    png.data[i + 3] = Math.round(alpha);
  }
}
writeFileSync(join(here, 'icon.png'), PNG.sync.write(png));
console.log(`wrote ${join(here, 'icon.png')}`);
