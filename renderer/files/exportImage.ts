/**
 * Exports the whole diagram (not just the visible part) as PNG or SVG: html-to-image renders the
 * React Flow viewport with a transform that fits every node into the image.
 */
import { toPng, toSvg } from 'html-to-image';
import { getNodesBounds, type Node } from '@xyflow/react';

/** Margin around the diagram, in canvas units (a quarter of a card's width). */
const PADDING_UNITS = 50;

/** Renders the diagram of `nodes` and downloads it as `<fileBase>.png|svg`. Throws when there is no canvas. */
export async function exportDiagram(
  nodes: Node[],
  format: 'png' | 'svg',
  fileBase: string,
): Promise<void> {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('the canvas is not shown');
  if (nodes.length === 0) throw new Error('the network is empty');
  const bounds = getNodesBounds(nodes);
  // 2 px per unit at most keeps text sharp; very large nets are scaled down to a sane image size.
  const scale = Math.min(2, 4000 / Math.max(bounds.width, bounds.height));
  // The same margin on every side (a fraction of the longer side would leave a tall network
  // with a wide band above and below and almost none beside it).
  const margin = Math.round(PADDING_UNITS * scale);
  const width = Math.ceil(bounds.width * scale) + 2 * margin;
  const height = Math.ceil(bounds.height * scale) + 2 * margin;
  const vp = {
    x: margin - bounds.x * scale,
    y: margin - bounds.y * scale,
    zoom: scale,
  };
  const background =
    getComputedStyle(document.documentElement).getPropertyValue('--canvas-bg').trim() || '#ffffff';
  const options = {
    backgroundColor: background,
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
    },
  };
  // html-to-image does not resolve CSS variables inside SVG (edges, edge labels): inline the
  // computed paint for the duration of the capture.
  const restore = inlineSvgPaint(viewport);
  let url: string;
  try {
    url = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  } finally {
    restore();
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fileBase}.${format}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

const PAINTED = [
  '.react-flow__edge-path',
  '.react-flow__edge-textbg',
  '.react-flow__edge-text',
  '.react-flow__connection-path',
];
const PROPS = [
  'stroke',
  'fill',
  'stroke-width',
  'font-family',
  'font-size',
  'font-weight',
] as const;

/** Copies computed SVG paint into inline styles; returns a function that puts the old styles back. */
function inlineSvgPaint(root: HTMLElement): () => void {
  const saved: [SVGElement, string][] = [];
  for (const el of root.querySelectorAll<SVGElement>(PAINTED.join(','))) {
    saved.push([el, el.getAttribute('style') ?? '']);
    const cs = getComputedStyle(el);
    for (const prop of PROPS) el.style.setProperty(prop, cs.getPropertyValue(prop));
  }
  return () => {
    for (const [el, style] of saved) {
      if (style) el.setAttribute('style', style);
      else el.removeAttribute('style');
    }
  };
}
