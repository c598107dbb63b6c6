/** Inline stroke icons (16 px grid, currentColor) so the app needs no icon font or network. */
import type { LayerGroup } from '../../main/network/types.ts';

const PATHS = {
  new: 'M4 2h5l3 3v9H4z M9 2v3h3 M8 7v5 M5.5 9.5h5',
  open: 'M2 4h4l1.5 1.5H14v7.5H2z M2 7h12',
  save: 'M3 2h8l2 2v10H3z M5 2v4h5V2 M5 14v-4h6v4',
  import: 'M8 2v8 M5 7l3 3 3-3 M2 10v4h12v-4',
  saveAs: 'M3 2h7l2 2v4 M5 2v3h4V2 M3 2v12h5 M10 14l4-4-1.5-1.5-4 4V14z',
  undo: 'M5 3L2 6l3 3 M2 6h7a4 4 0 010 8H6',
  redo: 'M11 3l3 3-3 3 M14 6H7a4 4 0 000 8h3',
  layout: 'M6 2h4v3H6z M2 11h4v3H2z M10 11h4v3h-4z M8 5v3 M4 11V8h8v3',
  fit: 'M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4 M5.5 5.5h5v5h-5z',
  templates: 'M2 2h5v5H2z M9 2h5v5H9z M2 9h5v5H2z M9 9h5v5H9z',
  image: 'M2 3h12v10H2z M2 11l3.5-3.5 3 3 2-2L14 12 M10.5 6.5a1 1 0 100-.01',
  sun: 'M8 5a3 3 0 100 6 3 3 0 000-6z M8 1v2 M8 13v2 M1 8h2 M13 8h2 M3 3l1.4 1.4 M11.6 11.6L13 13 M3 13l1.4-1.4 M11.6 4.4L13 3',
  moon: 'M13 10A6 6 0 016 3a6 6 0 107 7z',
  system: 'M2 3h12v8H2z M6 14h4 M8 11v3',
  train: 'M4 2.5v11l9-5.5z',
  search: 'M7 2.5a4.5 4.5 0 100 9 4.5 4.5 0 000-9z M10.5 10.5L14 14',
  close: 'M4 4l8 8 M12 4l-8 8',
  chevronDown: 'M4 6l4 4 4-4',
  chevronRight: 'M6 4l4 4-4 4',
  up: 'M4 10l4-4 4 4',
  down: 'M4 6l4 4 4-4',
  error: 'M8 1.5l6.5 12h-13z M8 6v3.5 M8 11.5v.5',
  warning: 'M8 1.5a6.5 6.5 0 100 13 6.5 6.5 0 000-13z M8 4.5v4.5 M8 11v.5',
  check: 'M3 8.5l3 3 7-7',
  wrench:
    'M10 2a4 4 0 00-3.7 5.4L2 11.7 4.3 14l4.3-4.3A4 4 0 0014 6l-2.3 2.3-2-.3-.3-2L12 3.4A4 4 0 0010 2z',
  expand: 'M2 2h5v5H2z M9 9h5v5H9z M7 4.5h2.5v4.5 M9 11.5H6.5V7',
  folder: 'M2 4h4l1.5 1.5H14v7.5H2z',
  file: 'M4 2h5l3 3v9H4z M9 2v3h3',
  trash: 'M3 4h10 M6 4V2.5h4V4 M4.5 4l.7 9.5h5.6l.7-9.5',
  copy: 'M5 5h8v9H5z M3 11V2h8',
  table: 'M2 3h12v10H2z M2 6.5h12 M2 10h12 M6 3v10',
  compare: 'M2 3h5v10H2z M9 3h5v10H9z M4.5 6v4 M11.5 6v4',
  recent: 'M8 2a6 6 0 100 12A6 6 0 008 2z M8 5v3.5l2.5 1.5',
  help: 'M8 1.5a6.5 6.5 0 100 13 6.5 6.5 0 000-13z M6.1 6.2a2 2 0 113.9.6c0 1.2-2 1.4-2 2.8 M8 11.6v.4',
  // layer groups
  Input: 'M2 4h8v8H2z M10 8h4 M12 6l2 2-2 2',
  Convolution: 'M2 2h8v8H2z M6 6h8v8H6z M6 6l-4-4 M14 14l-4-4',
  Pooling: 'M2 2h12v12H2z M8 2v12 M2 8h12 M10 10h2v2h-2z',
  Normalization: 'M2 12c2 0 2.5-8 6-8s4 8 6 8 M2 14h12',
  Activation: 'M2 13h5l4-10h3',
  Regularization: 'M3 3h2v2H3z M7 3h2v2H7z M11 7h2v2h-2z M3 11h2v2H3z M7 7h2v2H7z M11 11h2v2h-2z',
  Merge: 'M3 2v4l5 4 5-4V2 M8 10v4',
  Blocks: 'M2 2h12v4H2z M2 10h12v4H2z M5 6v4 M11 6v4',
  Classifier: 'M2 4h3v8H2z M11 3h3v2h-3z M11 7h3v2h-3z M11 11h3v2h-3z M5 8l6-4 M5 8l6 0 M5 8l6 4',
} as const;

export type IconName = keyof typeof PATHS;

/** One icon; decorative unless `label` is given. */
export function Icon({
  name,
  size = 16,
  label,
}: {
  name: IconName | LayerGroup;
  size?: number;
  label?: string;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={label ? undefined : true}
      role={label ? 'img' : undefined}
      aria-label={label}
      className="icon"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
