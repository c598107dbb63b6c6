/** Inspector of one layer: identity, params, inputs order, numbers, formulas and problems. */
import { useState } from 'react';
import type { NodeAnalysis } from '../../main/network/types.ts';
import { formatBytes, formatInt, formatMacs, formatShape } from '../graph/format.ts';
import { isValidNodeId } from '../graph/ids.ts';
import { moveInput, renameNode, setLabel } from '../graph/ops.ts';
import { setFrozen } from '../graph/frozen.ts';
import { useAnalysisStore, useNodeProblems } from '../state/analysisStore.ts';
import { expandNode } from '../state/commands.ts';
import { endCoalesce, useDocStore } from '../state/docStore.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { ProblemRow } from '../panels/ProblemRow.tsx';
import { Icon } from '../ui/Icon.tsx';
import { InspectorHead } from './InspectorHead.tsx';
import { ParamField } from './ParamField.tsx';

export function NodeInspector({ nodeId }: { nodeId: string }) {
  const node = useDocStore((s) => s.doc.nodes.find((n) => n.id === nodeId));
  const edges = useDocStore((s) => s.doc.edges);
  const info = useAnalysisStore((s) => (node ? s.catalogByType.get(node.type) : undefined));
  const analysis = useAnalysisStore((s) => s.analysis?.nodes[nodeId]);
  const problems = useNodeProblems(nodeId);
  if (!node) return <p className="inspector__empty">This layer no longer exists.</p>;
  const inputs = edges.filter((e) => e.target === nodeId).map((e) => e.source);
  const merge = (info?.maxInputs ?? 1) > 1;
  const paramProblem = (name: string) =>
    problems.find((p) => p.param === name && p.severity === 'error')?.message;

  return (
    <div className="inspector__body">
      <InspectorHead
        className={`group-${info?.group ?? 'unknown'}`}
        icon={info?.group ?? 'Blocks'}
        title={node.type}
        text={info?.description ?? 'Unknown layer type.'}
      />

      {problems.length > 0 && (
        <ul className="inspector__problems" aria-label="Problems of this layer">
          {problems.map((p, i) => (
            <ProblemRow key={`${p.code}-${i}`} problem={p} showNode={false} />
          ))}
        </ul>
      )}

      <section className="inspector__section" aria-label="Layer">
        <h3>Layer</h3>
        <IdField nodeId={nodeId} />
        <div className="field">
          <label htmlFor="layer-label">Label</label>
          <input
            id="layer-label"
            type="text"
            value={node.label ?? ''}
            placeholder="optional display name"
            onChange={(e) =>
              useDocStore
                .getState()
                .edit((d) => setLabel(d, nodeId, e.target.value), `${nodeId}.label`)
            }
            onBlur={endCoalesce}
          />
        </div>
        {(node.frozen === true ||
          info?.composite === true ||
          (analysis !== undefined &&
            analysis.trainableParams + analysis.nonTrainableParams > 0)) && (
          <div className="field">
            <label
              htmlFor="layer-frozen"
              title="Keep this layer's weights as they are while the rest of the network trains (fine-tuning)"
            >
              Frozen
            </label>
            <input
              id="layer-frozen"
              type="checkbox"
              data-testid="inspector-frozen"
              checked={node.frozen === true}
              onChange={(e) =>
                useDocStore.getState().edit((d) => setFrozen(d, nodeId, e.target.checked))
              }
            />
          </div>
        )}
      </section>

      {info && info.params.length > 0 && (
        <section className="inspector__section" aria-label="Parameters">
          <h3>Parameters</h3>
          {info.params.map((spec) => (
            <ParamField
              key={spec.name}
              nodeId={nodeId}
              spec={spec}
              value={node.params[spec.name]}
              problem={paramProblem(spec.name)}
            />
          ))}
        </section>
      )}

      {info?.composite && (
        <section className="inspector__section">
          <button type="button" className="btn btn--wide" onClick={() => void expandNode(nodeId)}>
            <Icon name="expand" /> Expand block into layers
          </button>
          <p className="inspector__hint">
            Replaces this block by its primitive layers, wired in place (undo with Ctrl+Z).
          </p>
        </section>
      )}

      {merge && (
        <section className="inspector__section" aria-label="Inputs">
          <h3>Inputs (in order)</h3>
          {inputs.length === 0 && (
            <p className="inspector__hint">Connect two or more layers to this one.</p>
          )}
          <ol className="inputs-list">
            {inputs.map((src, i) => (
              <li key={`${src}-${i}`}>
                <span className="inputs-list__n">{i + 1}</span>
                <span className="inputs-list__id">{src}</span>
                <span className="inputs-list__shape">
                  {formatShape(analysis?.inputShapes[i] ?? null)}
                </span>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Move input ${src} up`}
                  disabled={i === 0}
                  onClick={() => useDocStore.getState().edit((d) => moveInput(d, nodeId, i, -1))}
                >
                  <Icon name="up" size={14} />
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Move input ${src} down`}
                  disabled={i === inputs.length - 1}
                  onClick={() => useDocStore.getState().edit((d) => moveInput(d, nodeId, i, 1))}
                >
                  <Icon name="down" size={14} />
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}

      <NumbersSection analysis={analysis} frozen={node.frozen === true} />
    </div>
  );
}

function NumbersSection({
  analysis,
  frozen,
}: {
  analysis: NodeAnalysis | undefined;
  frozen: boolean;
}) {
  if (!analysis) return <p className="inspector__hint">Computing…</p>;
  const rf = analysis.receptiveField;
  return (
    <>
      <section className="inspector__section" aria-label="Numbers">
        <h3>Numbers</h3>
        <dl className="facts">
          <dt>Input</dt>
          <dd>
            {analysis.inputShapes.length === 0
              ? '—'
              : analysis.inputShapes.map((s) => formatShape(s)).join(', ')}
          </dd>
          <dt>Output</dt>
          <dd data-testid="inspector-output-shape">{formatShape(analysis.outputShape)}</dd>
          <dt>{frozen ? 'Params (frozen)' : 'Trainable params'}</dt>
          <dd
            data-testid="inspector-params"
            title={frozen ? 'Counted, but kept as they are while the rest trains' : undefined}
          >
            {formatInt(analysis.trainableParams)}
          </dd>
          {analysis.nonTrainableParams > 0 && (
            <>
              <dt>Non-trainable</dt>
              <dd>{formatInt(analysis.nonTrainableParams)}</dd>
            </>
          )}
          <dt>MACs</dt>
          <dd title={`${formatInt(analysis.macs)} multiply-accumulates`}>
            {formatMacs(analysis.macs)}
          </dd>
          <dt>Activation memory</dt>
          <dd title="float32 output of this layer for one example">
            {formatBytes(analysis.activationBytes)}
          </dd>
          {analysis.trainingActivationBytes !== undefined &&
            analysis.trainingActivationBytes > analysis.activationBytes && (
              <>
                <dt>Activations kept for training</dt>
                <dd
                  data-testid="inspector-training-activations"
                  title="float32 outputs of every layer inside this block for one example: the backward pass keeps them all"
                >
                  {formatBytes(analysis.trainingActivationBytes)}
                </dd>
              </>
            )}
          <dt>Receptive field</dt>
          <dd>{rf ? `${rf.size[0]}×${rf.size[1]} px, jump ${rf.jump[0]}×${rf.jump[1]}` : '—'}</dd>
        </dl>
      </section>
      {analysis.formulas.length > 0 && (
        <section className="inspector__section" aria-label="Formulas">
          <h3>How these are computed</h3>
          <ul className="formulas">
            {analysis.formulas.map((f, i) => (
              <li key={i}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The node id, renamed on Enter or blur when the new id is valid and free. */
function IdField({ nodeId }: { nodeId: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const taken = useDocStore((s) =>
    draft !== null && draft !== nodeId ? s.doc.nodes.some((n) => n.id === draft) : false,
  );
  const error =
    draft === null || draft === nodeId
      ? null
      : !isValidNodeId(draft)
        ? 'Use letters, digits, _ . : or -.'
        : taken
          ? 'Another layer has this id.'
          : null;
  const apply = () => {
    if (draft !== null && draft !== nodeId && error === null) {
      useDocStore.getState().edit((d) => renameNode(d, nodeId, draft));
      useSelectionStore.getState().select([draft]);
    }
    setDraft(null);
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor="layer-id">Id</label>
      <input
        id="layer-id"
        type="text"
        value={draft ?? nodeId}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          // An invalid id stays in the field with its message; leaving the field reverts it.
          if (e.key === 'Enter' && error === null) apply();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {error && (
        <p className="field__msg" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
