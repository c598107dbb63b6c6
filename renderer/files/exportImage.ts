/**
 * Exports the whole diagram (not just the visible part) as SVG or PNG: the SVG is drawn from the
 * same view as the canvas (layout, folded stages, routed wires) in the current theme's colours;
 * the PNG is that SVG rasterised at twice its size, so both show the same picture, title and totals.
 */
import type { LayerGroup, NetworkAnalysis, NetworkDoc } from '../../main/network/types.ts';
import { diagramSvg, type SvgTheme } from '../diagram/svg.ts';
import { buildView } from '../diagram/view.ts';

const GROUPS: (LayerGroup | 'unknown')[] = [
  'Input',
  'Convolution',
  'Pooling',
  'Normalization',
  'Activation',
  'Regularization',
  'Merge',
  'Blocks',
  'Classifier',
  'unknown',
];

/** The current theme's colours, read from the CSS custom properties. */
function currentTheme(): SvgTheme {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--canvas-bg', '#ffffff'),
    panel: v('--panel', '#ffffff'),
    panel2: v('--panel-2', '#f5f6f8'),
    border: v('--border', '#dfe2e8'),
    borderStrong: v('--border-strong', '#c9ced7'),
    text: v('--text', '#1b2130'),
    text2: v('--text-2', '#535c6e'),
    text3: v('--text-3', '#8a92a2'),
    error: v('--error', '#d0343a'),
    warning: v('--warning', '#d98a09'),
    merge: v('--group-Merge', '#d6458f'),
    groups: Object.fromEntries(GROUPS.map((g) => [g, v(`--group-${g}`, '#9aa3b2')])),
  };
}

/** Largest side of the PNG in pixels (browsers refuse bigger canvases). */
const PNG_MAX_SIDE = 16000;

async function toPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(2, PNG_MAX_SIDE / Math.max(width, height));
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw images');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the image is too large to encode'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(img.src);
  }
}

/**
 * Draws the diagram of `doc` and downloads it as `<fileBase>.png|svg`.
 * @throws Error when the network is empty or the image cannot be encoded.
 */
export async function exportDiagram(
  doc: NetworkDoc,
  analysis: NetworkAnalysis | null,
  groups: ReadonlyMap<string, LayerGroup>,
  format: 'png' | 'svg',
  fileBase: string,
): Promise<void> {
  if (doc.nodes.length === 0) throw new Error('the network is empty');
  const drawing = diagramSvg({
    name: doc.name || 'Untitled',
    view: buildView(doc, analysis),
    analysis,
    groups,
    theme: currentTheme(),
  });
  const blob =
    format === 'svg'
      ? new Blob([drawing.svg], { type: 'image/svg+xml' })
      : await toPng(drawing.svg, drawing.width, drawing.height);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fileBase}.${format}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
