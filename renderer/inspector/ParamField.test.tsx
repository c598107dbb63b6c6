// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layerInfos } from '../../main/network/catalog/registry.ts';
import type { NetworkDoc, ParamSpec } from '../../main/network/types.ts';
import { emptyDoc, useDocStore } from '../state/docStore.ts';
import { render, type Rendered } from '../testing/render.tsx';
import { ParamField } from './ParamField.tsx';

const PADDING = layerInfos()
  .find((l) => l.type === 'Conv2D')
  ?.params.find((p) => p.kind === 'padding') as ParamSpec;

const DOC: NetworkDoc = {
  ...emptyDoc('One conv'),
  nodes: [{ id: 'conv1', type: 'Conv2D', params: { filters: 4 }, position: { x: 0, y: 0 } }],
  edges: [],
};

describe('padding menu', () => {
  let view: Rendered;
  const options = () =>
    [...view.container.querySelectorAll('option')].map((o) => o.textContent ?? '');
  const select = () => view.container.querySelector('select')!;

  beforeEach(() => useDocStore.getState().reset(DOC));
  afterEach(() => view.unmount());

  it('lists each mode once and marks the default', () => {
    view = render(<ParamField nodeId="conv1" spec={PADDING} value={undefined} />);
    const labels = options();
    expect(labels.filter((l) => l.startsWith('valid'))).toHaveLength(1);
    expect(labels.filter((l) => l.startsWith('same'))).toHaveLength(1);
    expect(labels.find((l) => l.includes('default'))).toMatch(
      new RegExp(`^${String(PADDING.default)}`),
    );
    // Unset shows the default it stands for.
    expect(select().value).toBe(PADDING.default);
  });

  it('shows a set value, and choosing the default clears the param', () => {
    const other = PADDING.default === 'same' ? 'valid' : 'same';
    useDocStore.getState().reset({
      ...DOC,
      nodes: [{ ...DOC.nodes[0]!, params: { filters: 4, padding: other } }],
    });
    view = render(<ParamField nodeId="conv1" spec={PADDING} value={other} />);
    expect(select().value).toBe(other);
    view.update(() => {
      select().value = String(PADDING.default);
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(useDocStore.getState().doc.nodes[0]?.params).not.toHaveProperty('padding');
  });
});
