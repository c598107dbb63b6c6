/** The whole network as a table, like Keras' model.summary() plus MACs and receptive field. */
import { formatInt, formatMacs, formatShape } from '../graph/format.ts';
import { useAnalysisStore } from '../state/analysisStore.ts';
import { useDocStore } from '../state/docStore.ts';
import { frozenParamsByNode } from '../../main/network/frozen.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { revealNode } from './ProblemRow.tsx';

export function TableView() {
  const analysis = useAnalysisStore((s) => s.analysis);
  const doc = useDocStore((s) => s.doc);
  const selected = useSelectionStore((s) => s.nodes);
  if (!analysis) return <p className="panel-empty">Checking the network…</p>;
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
  const t = analysis.totals;
  const frozen = frozenParamsByNode(doc, analysis);
  let frozenTotal = 0;
  for (const p of frozen.values()) frozenTotal += p;
  return (
    <div className="table-wrap">
      <table className="net-table" aria-label="Layer table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Layer</th>
            <th scope="col">Type</th>
            <th scope="col">Output shape</th>
            <th scope="col" className="num">
              Trainable
            </th>
            <th scope="col" className="num">
              Non-trainable
            </th>
            <th scope="col" className="num">
              MACs
            </th>
            <th scope="col" className="num">
              Receptive field
            </th>
          </tr>
        </thead>
        <tbody>
          {analysis.order.map((id, i) => {
            const n = analysis.nodes[id];
            if (!n) return null;
            const rf = n.receptiveField;
            const label = labels.get(id);
            return (
              <tr
                key={id}
                className={selected.has(id) ? 'is-selected' : undefined}
                onClick={() => revealNode(id)}
              >
                <td className="muted">{i + 1}</td>
                <td>
                  <button type="button" className="link-btn" onClick={() => revealNode(id)}>
                    {id}
                  </button>
                  {label && <span className="muted"> {label}</span>}
                </td>
                <td>
                  {n.type}
                  {frozen.has(id) && <span className="muted"> · frozen</span>}
                </td>
                <td className={n.outputShape ? undefined : 'text-error'}>
                  {formatShape(n.outputShape)}
                </td>
                <td className="num">{formatInt(n.trainableParams)}</td>
                <td className="num">
                  {n.nonTrainableParams > 0 ? formatInt(n.nonTrainableParams) : ''}
                </td>
                <td className="num">{n.macs ? formatMacs(n.macs) : '—'}</td>
                <td className="num">{rf ? `${rf.size[0]}×${rf.size[1]}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Total
              {frozenTotal > 0 && <> (frozen {formatInt(frozenTotal)} of the trainable)</>}
            </th>
            <td className="num">{formatInt(t.trainableParams)}</td>
            <td className="num">{formatInt(t.nonTrainableParams)}</td>
            <td className="num">{formatMacs(t.macs)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
