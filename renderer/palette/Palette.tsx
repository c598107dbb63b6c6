/**
 * The layer palette: every layer type and composite block from the catalog, grouped and
 * searchable. Drag an item onto the canvas, or click / press Enter to add it.
 */
import { useMemo, useState } from 'react';
import type { LayerGroup, LayerInfo } from '../../main/network/types.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { addLayer } from '../state/commands.ts';
import { Icon } from '../ui/Icon.tsx';
import { PALETTE_MIME } from './dnd.ts';
import './palette.css';

const GROUP_ORDER: LayerGroup[] = [
  'Input',
  'Convolution',
  'Pooling',
  'Normalization',
  'Activation',
  'Regularization',
  'Merge',
  'Blocks',
  'Classifier',
];

/** Filters layers by a search text over type, group and description. */
export function filterLayers(layers: readonly LayerInfo[], query: string): LayerInfo[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...layers];
  return layers.filter((l) => `${l.type} ${l.group} ${l.description}`.toLowerCase().includes(q));
}

export function Palette() {
  const catalog = useAnalysisStore((s) => s.catalog);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const shown = filterLayers(catalog, query);
    return GROUP_ORDER.map((g) => ({ group: g, items: shown.filter((l) => l.group === g) })).filter(
      (g) => g.items.length > 0,
    );
  }, [catalog, query]);

  return (
    <nav className="palette" aria-label="Layer palette">
      <div className="palette__search">
        <Icon name="search" size={14} />
        <input
          type="search"
          placeholder="Search layers"
          aria-label="Search layers"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the search box adds the first match: type "conv", Enter.
            const first = groups[0]?.items[0];
            if (e.key === 'Enter' && first) addLayer(first.type);
          }}
        />
      </div>
      <div className="palette__list">
        {catalog.length === 0 && <p className="palette__note">Loading layers…</p>}
        {catalog.length > 0 && groups.length === 0 && (
          <p className="palette__note">No layer matches “{query}”.</p>
        )}
        {groups.map(({ group, items }) => (
          <section key={group} className="palette__group" aria-label={group}>
            <h3 className="palette__group-title">{group}</h3>
            <ul>
              {items.map((l) => (
                <li key={l.type}>
                  <button
                    type="button"
                    className={`palette-item group-${l.group}`}
                    data-testid={`palette-item-${l.type}`}
                    draggable
                    title={`${l.description}\nClick to add it after the selected layer (or at the centre); drag to place it anywhere.`}
                    aria-label={`Add ${l.type}: ${l.description}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, l.type);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => addLayer(l.type)}
                  >
                    <span className="palette-item__icon">
                      <Icon name={l.group} size={14} />
                    </span>
                    <span className="palette-item__text">
                      <span className="palette-item__type">{l.type}</span>
                      <span className="palette-item__desc">{l.description}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}
