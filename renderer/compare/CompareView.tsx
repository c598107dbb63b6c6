/**
 * The compare view: two designs side by side — where each came from, the explanation of an example
 * pair, the totals with B − A, and both diagrams aligned stage by stage with the differences
 * highlighted where they arise. Every figure is the host's (`network:compare`).
 */
import { confirmDiscard, loadDocument } from '../files/fileActions.ts';
import { Icon } from '../ui/Icon.tsx';
import { Modal } from '../ui/Modal.tsx';
import { swapSides } from './compareActions.ts';
import { CompareStages } from './CompareStages.tsx';
import { CompareTotals } from './CompareTotals.tsx';
import { useCompareStore, type CompareSide } from './compareStore.ts';
import './compare.css';

const ORIGIN: Record<CompareSide['origin'], string> = {
  current: 'the design on the canvas',
  original: 'before “Duplicate as variant”',
  file: 'file',
  example: 'example',
};

async function openInDesigner(side: CompareSide): Promise<void> {
  if (!(await confirmDiscard('Open this design'))) return;
  useCompareStore.getState().close();
  loadDocument(side.doc, side.origin === 'file' ? (side.path ?? null) : null, true);
}

function SideHead({ which, side }: { which: 'A' | 'B'; side: CompareSide }) {
  return (
    <div className={`compare-side compare-side--${which.toLowerCase()}`}>
      <span className="compare-side__badge" aria-hidden="true">
        {which}
      </span>
      <span className="compare-side__text">
        <strong data-testid={`compare-name-${which.toLowerCase()}`}>{side.doc.name}</strong>
        <span className="compare-side__origin" title={side.path ?? undefined}>
          {side.origin === 'file' && side.path ? side.path : ORIGIN[side.origin]}
        </span>
      </span>
      {side.origin !== 'current' && (
        <button type="button" className="btn btn--small" onClick={() => void openInDesigner(side)}>
          Open in designer
        </button>
      )}
    </div>
  );
}

export function CompareView() {
  const { open, a, b, example, result, loading, error, close } = useCompareStore();
  if (!open || !a || !b) return null;
  return (
    <Modal
      title={example ? example.title : 'Compare designs'}
      onClose={close}
      full
      testId="compare-view"
    >
      {example && example.explanation && (
        <section className="compare-explain" data-testid="compare-explanation">
          <p className="compare-explain__question">{example.question}</p>
          <p>{example.explanation}</p>
        </section>
      )}
      <div className="compare-sides">
        <SideHead which="A" side={a} />
        <button
          type="button"
          className="icon-btn"
          onClick={() => void swapSides()}
          title="Swap A and B"
          aria-label="Swap A and B"
          data-testid="compare-swap"
        >
          <Icon name="compare" />
        </button>
        <SideHead which="B" side={b} />
      </div>
      {loading && <p className="panel-empty">Comparing…</p>}
      {error && (
        <p className="field__msg" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="compare-body" data-testid="compare-result">
          {(!result.comparison.a.valid || !result.comparison.b.valid) && (
            <p className="compare-warn" role="note">
              <Icon name="warning" />
              {!result.comparison.a.valid && !result.comparison.b.valid
                ? 'Both designs have errors'
                : `Design ${result.comparison.a.valid ? 'B' : 'A'} has errors`}
              : layers after an error are not counted. Open it in the designer to see them.
            </p>
          )}
          <CompareTotals c={result.comparison} />
          <CompareStages result={result} a={a} b={b} />
        </div>
      )}
    </Modal>
  );
}
