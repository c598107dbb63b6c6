/** Inspector with nothing selected: the network's name, description, totals and overview. */
import { formatBytes, formatInt, formatMacs } from '../graph/format.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { expandAll } from '../state/commands.ts';
import { endCoalesce, useDocStore } from '../state/docStore.ts';
import { Icon } from '../ui/Icon.tsx';
import { InspectorHead } from './InspectorHead.tsx';

export function NetworkInspector() {
  const doc = useDocStore((s) => s.doc);
  const analysis = useAnalysisStore((s) => s.analysis);
  const catalog = useAnalysisStore((s) => s.catalogByType);
  const composites = doc.nodes.filter((n) => catalog.get(n.type)?.composite).length;
  const errors = analysis?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const warnings = analysis?.problems.filter((p) => p.severity === 'warning').length ?? 0;
  const t = analysis?.totals;
  const edit = (patch: { name?: string; description?: string }, key: string) =>
    useDocStore.getState().edit((d) => ({ ...d, ...patch }), key);

  return (
    <div className="inspector__body">
      <InspectorHead
        icon="Blocks"
        title="Network"
        text="Select a layer to edit it. Shift+drag selects several."
      />
      <section className="inspector__section" aria-label="Network">
        <div className="field">
          <label htmlFor="net-name">Name</label>
          <input
            id="net-name"
            type="text"
            value={doc.name}
            onChange={(e) => edit({ name: e.target.value }, 'net.name')}
            onBlur={endCoalesce}
          />
        </div>
        <div className="field">
          <label htmlFor="net-desc">Description</label>
          <textarea
            id="net-desc"
            rows={3}
            value={doc.description ?? ''}
            placeholder="What is this network for?"
            onChange={(e) => edit({ description: e.target.value }, 'net.description')}
            onBlur={endCoalesce}
          />
        </div>
      </section>
      <section className="inspector__section" aria-label="Overview">
        <h3>Overview</h3>
        <dl className="facts">
          <dt>Layers</dt>
          <dd>{formatInt(doc.nodes.length)}</dd>
          <dt>Connections</dt>
          <dd>{formatInt(doc.edges.length)}</dd>
          <dt>Status</dt>
          <dd className={errors > 0 ? 'text-error' : warnings > 0 ? 'text-warning' : 'text-ok'}>
            {!analysis
              ? 'checking…'
              : errors > 0
                ? `${errors} error${errors > 1 ? 's' : ''}`
                : warnings > 0
                  ? `valid, ${warnings} warning${warnings > 1 ? 's' : ''}`
                  : 'valid'}
          </dd>
          {t && (
            <>
              <dt>Trainable params</dt>
              <dd>{formatInt(t.trainableParams)}</dd>
              <dt>Non-trainable</dt>
              <dd>{formatInt(t.nonTrainableParams)}</dd>
              <dt>MACs</dt>
              <dd>{formatMacs(t.macs)}</dd>
              <dt>Activations / example</dt>
              <dd>{formatBytes(t.activationBytes)}</dd>
            </>
          )}
        </dl>
      </section>
      {composites > 0 && (
        <section className="inspector__section">
          <button type="button" className="btn btn--wide" onClick={() => void expandAll()}>
            <Icon name="expand" /> Expand all {composites} blocks
          </button>
          <p className="inspector__hint">
            Turns every Inception and residual block into its primitive layers.
          </p>
        </section>
      )}
      <section className="inspector__section" aria-label="Shortcuts">
        <h3>Shortcuts</h3>
        <dl className="shortcuts">
          <dt>Ctrl+Z / Ctrl+Shift+Z</dt>
          <dd>undo / redo</dd>
          <dt>Ctrl+C / V / D</dt>
          <dd>copy / paste / duplicate</dd>
          <dt>Del</dt>
          <dd>delete selection</dd>
          <dt>Ctrl+A</dt>
          <dd>select all</dd>
          <dt>F</dt>
          <dd>fit to screen</dd>
          <dt>Ctrl+S / Ctrl+O</dt>
          <dd>save / open</dd>
          <dt>F6</dt>
          <dd>next panel</dd>
        </dl>
      </section>
    </div>
  );
}
