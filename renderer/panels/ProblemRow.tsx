/** One problem (error or warning) with its one-click fixes (a button each); used by the problems panel and inspector. */
import type { Problem } from '../../main/network/types.ts';
import { applyQuickFix } from '../state/commands.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import { Icon } from '../ui/Icon.tsx';

/** Selects the problem's node and centres the canvas on it. */
export function revealNode(nodeId: string | undefined): void {
  if (!nodeId) return;
  useSelectionStore.getState().select([nodeId]);
  useUiStore.getState().requestCenter(nodeId);
}

export function ProblemRow({ problem, showNode = true }: { problem: Problem; showNode?: boolean }) {
  return (
    <li
      className={`problem problem--${problem.severity}`}
      data-testid="problem-item"
      data-code={problem.code}
    >
      <button
        type="button"
        className="problem__main"
        onClick={() => revealNode(problem.nodeId)}
        disabled={!problem.nodeId}
        aria-label={`${problem.severity}: ${problem.message}${problem.nodeId ? ' — show the layer' : ''}`}
      >
        <span className="problem__icon">
          <Icon name={problem.severity === 'error' ? 'error' : 'warning'} size={14} />
        </span>
        {showNode && problem.nodeId && <span className="problem__node">{problem.nodeId}</span>}
        <span className="problem__msg">{problem.message}</span>
      </button>
      {problem.fixes?.map((fix) => (
        <button
          key={fix.label}
          type="button"
          className="btn btn--small btn--accent problem__fix"
          data-testid="problem-fix"
          onClick={() => applyQuickFix(fix)}
        >
          <Icon name="wrench" size={13} />
          {fix.label}
        </button>
      ))}
    </li>
  );
}
