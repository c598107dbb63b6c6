/** The designer window: toolbar, palette, canvas, inspector, bottom panels and summary bar. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ConnectionBanner } from '../api/ConnectionBanner.tsx';
import { Canvas } from '../canvas/Canvas.tsx';
import { CompareView } from '../compare/CompareView.tsx';
import { FileBrowserDialog } from '../files/FileBrowserDialog.tsx';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { RecoveryBanner } from '../files/RecoveryBanner.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { BottomPanel } from '../panels/BottomPanel.tsx';
import { Palette } from '../palette/Palette.tsx';
import { useDocStore } from '../state/docStore.ts';
import { useDirty } from '../state/fileStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import { SummaryBar } from '../summary/SummaryBar.tsx';
import { TemplateGallery } from '../templates/TemplateGallery.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Splitter } from '../ui/Splitter.tsx';
import { Toasts } from '../ui/Toasts.tsx';
import { AboutDialog } from './AboutDialog.tsx';
import { bootstrap } from './bootstrap.ts';
import { Toolbar } from './Toolbar.tsx';
import { useShortcuts } from './useShortcuts.ts';
import { useApplyTheme } from './useTheme.ts';
import { windowTitle } from './windowTitle.ts';
import './app.css';

// The dashboard (charts, run history) is its own chunk, loaded the first time it is shown.
const TrainingPanel = lazy(() =>
  import('../training/TrainingPanel.tsx').then((m) => ({ default: m.TrainingPanel })),
);

/**
 * Training with the window to itself. Once shown it stays mounted (hidden while the designer is
 * shown) so a live run's view is there when the user comes back.
 */
function TrainingView({ shown }: { shown: boolean }) {
  const [seen, setSeen] = useState(shown);
  useEffect(() => {
    if (shown) setSeen(true);
  }, [shown]);
  if (!seen && !shown) return null;
  return (
    <main className="training-view" hidden={!shown} aria-label="Training">
      <Suspense fallback={<p className="training-view__loading">Loading training…</p>}>
        <TrainingPanel />
      </Suspense>
    </main>
  );
}

export function App() {
  useApplyTheme();
  useShortcuts();
  useEffect(() => void bootstrap(), []);
  const name = useDocStore((s) => s.doc.name);
  const dirty = useDirty();
  useEffect(() => {
    document.title = windowTitle(name, dirty);
  }, [name, dirty]);
  const { paletteWidth, inspectorWidth, bottomHeight, panels, setSize, view } = useUiStore();
  // Hidden panels take their column (and splitter) out of the grid.
  const columns = [
    panels.palette ? 'var(--palette-w) 5px' : '',
    'minmax(320px, 1fr)',
    panels.inspector ? '5px var(--inspector-w)' : '',
  ].join(' ');

  return (
    <ReactFlowProvider>
      <div
        className="app"
        style={
          {
            '--palette-w': `${paletteWidth}px`,
            '--inspector-w': `${inspectorWidth}px`,
            '--bottom-h': `${bottomHeight}px`,
          } as React.CSSProperties
        }
      >
        <Toolbar />
        <div className="banners">
          <ConnectionBanner />
          <RecoveryBanner />
        </div>
        {/* The designer stays mounted while training is shown: its canvas keeps its viewport. */}
        <main
          className="workspace"
          style={{ gridTemplateColumns: columns }}
          hidden={view !== 'designer'}
          aria-label="Designer"
        >
          {panels.palette && (
            <>
              <Palette />
              <Splitter
                orientation="vertical"
                label="Resize palette"
                value={paletteWidth}
                min={170}
                max={420}
                direction={1}
                onChange={(v) => setSize('paletteWidth', v)}
              />
            </>
          )}
          <div
            className="centre"
            style={panels.bottom ? undefined : { gridTemplateRows: 'minmax(160px, 1fr)' }}
          >
            <Canvas />
            {panels.bottom && (
              <>
                <Splitter
                  orientation="horizontal"
                  label="Resize bottom panel"
                  value={bottomHeight}
                  min={90}
                  max={640}
                  direction={-1}
                  onChange={(v) => setSize('bottomHeight', v)}
                />
                <BottomPanel />
              </>
            )}
          </div>
          {panels.inspector && (
            <>
              <Splitter
                orientation="vertical"
                label="Resize inspector"
                value={inspectorWidth}
                min={260}
                max={560}
                direction={-1}
                onChange={(v) => setSize('inspectorWidth', v)}
              />
              <Inspector />
            </>
          )}
        </main>
        <TrainingView shown={view === 'training'} />
        <SummaryBar />
        <TemplateGallery />
        <CompareView />
        <ExportDialog />
        <FileBrowserDialog />
        <AboutDialog />
        <ConfirmDialog />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
