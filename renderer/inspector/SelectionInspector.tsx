/** Inspector for several selected layers: what they add up to, and bulk actions. */
import { formatBytes, formatInt, formatMacs } from '../graph/format.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { deleteSelection, duplicateSelection } from '../state/commands.ts';
import { Icon } from '../ui/Icon.tsx';
import { InspectorHead } from './InspectorHead.tsx';

export function SelectionInspector({ ids }: { ids: ReadonlySet<string> }) {
  const analysis = useAnalysisStore((s) => s.analysis);
  let trainable = 0;
  let nonTrainable = 0;
  let macs = 0;
  let bytes = 0;
  for (const id of ids) {
    const a = analysis?.nodes[id];
    if (!a) continue;
    trainable += a.trainableParams;
    nonTrainable += a.nonTrainableParams;
    macs += a.macs;
    bytes += a.activationBytes;
  }
  return (
    <div className="inspector__body">
      <InspectorHead
        icon="copy"
        title={`${ids.size} layers selected`}
        text="Drag to move them together; Ctrl+D duplicates, Del deletes."
      />
      <section className="inspector__section" aria-label="Selection totals">
        <dl className="facts">
          <dt>Trainable params</dt>
          <dd>{formatInt(trainable)}</dd>
          <dt>Non-trainable params</dt>
          <dd>{formatInt(nonTrainable)}</dd>
          <dt>MACs</dt>
          <dd>{formatMacs(macs)}</dd>
          <dt>Activations / example</dt>
          <dd>{formatBytes(bytes)}</dd>
        </dl>
        <div className="btn-row">
          <button type="button" className="btn" onClick={duplicateSelection}>
            <Icon name="copy" /> Duplicate
          </button>
          <button type="button" className="btn btn--danger" onClick={deleteSelection}>
            <Icon name="trash" /> Delete
          </button>
        </div>
      </section>
    </div>
  );
}
