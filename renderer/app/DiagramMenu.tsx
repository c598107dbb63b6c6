/**
 * The toolbar's Diagram menu: flow direction, wrapping of long chains and folding of stages — all
 * kept in the network file (`layout`), so a saved design opens the way it was left.
 */
import { useAnalysisStore } from '../state/analysisStore.ts';
import { foldAllStages, setDiagramLayout, setStageFolded } from '../state/commands.ts';
import { useDocStore } from '../state/docStore.ts';
import { layoutSettings } from '../graph/layout.ts';
import { Menu, type MenuItem } from '../ui/Menu.tsx';

export function DiagramMenu() {
  const layout = useDocStore((s) => s.doc.layout);
  const stages = useAnalysisStore((s) => s.analysis?.stages);
  const { direction, wrap, folded } = layoutSettings({ layout } as Parameters<
    typeof layoutSettings
  >[0]);
  const foldable = (stages ?? []).filter((s) => s.nodeIds.length > 1);
  const isFolded = new Set(folded);
  const items: MenuItem[] = [
    {
      label: 'Top to bottom',
      checked: direction === 'down',
      onSelect: () => setDiagramLayout({ direction: 'down' }),
      testId: 'layout-down',
    },
    {
      label: 'Left to right',
      checked: direction === 'right',
      onSelect: () => setDiagramLayout({ direction: 'right' }),
      testId: 'layout-right',
    },
    {
      label: 'Wrap long chains',
      checked: wrap,
      onSelect: () => setDiagramLayout({ wrap: !wrap }),
      testId: 'layout-wrap',
    },
    {
      label: 'Fold all stages',
      onSelect: () => foldAllStages(true),
      testId: 'fold-all',
    },
    {
      label: 'Unfold all stages',
      onSelect: () => foldAllStages(false),
      testId: 'unfold-all',
    },
    ...foldable.map((s) => ({
      label: `Stage ${s.name} (${s.nodeIds.length} layers)`,
      checked: isFolded.has(s.name),
      onSelect: () => setStageFolded(s.name, !isFolded.has(s.name)),
      testId: `fold-${s.name}`,
    })),
  ];
  return <Menu label="Diagram" icon="layout" testId="cmd-diagram" items={items} />;
}
