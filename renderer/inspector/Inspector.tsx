/** The right-hand inspector: the selected layer, the selected group, or the network itself. */
import { useSelectionStore } from '../state/selectionStore.ts';
import { NodeInspector } from './NodeInspector.tsx';
import { NetworkInspector } from './NetworkInspector.tsx';
import { SelectionInspector } from './SelectionInspector.tsx';
import './inspector.css';

export function Inspector() {
  const nodes = useSelectionStore((s) => s.nodes);
  const single = nodes.size === 1 ? [...nodes][0] : undefined;
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {single ? (
        <NodeInspector key={single} nodeId={single} />
      ) : nodes.size > 1 ? (
        <SelectionInspector ids={nodes} />
      ) : (
        <NetworkInspector />
      )}
    </aside>
  );
}
