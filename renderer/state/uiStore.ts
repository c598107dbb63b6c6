/**
 * Window-level UI state: theme, panel sizes, the active bottom tab, open dialogs, canvas requests
 * (fit, centre on a node) and notifications. Sizes, theme and the batch size persist per browser.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemePref = 'system' | 'light' | 'dark';
export type BottomTab = 'problems' | 'table' | 'training';
export type Dialog = 'templates' | 'open' | 'saveAs' | null;
export type OptimizerKind = 'adam' | 'sgd';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface UiState {
  theme: ThemePref;
  paletteWidth: number;
  inspectorWidth: number;
  bottomHeight: number;
  bottomTab: BottomTab;
  dialog: Dialog;
  batchSize: number;
  optimizer: OptimizerKind;
  /** Bumped to ask the canvas to fit the view (after layout/render). */
  fitSeq: number;
  /** 'all' shows the whole network; 'start' shows its top at a readable zoom when it is too tall. */
  fitMode: 'all' | 'start';
  /** A node the canvas should centre on (with a bump so the same node can be asked twice). */
  centerOn: { id: string; seq: number } | null;
  toasts: Toast[];
  setTheme: (t: ThemePref) => void;
  setSize: (key: 'paletteWidth' | 'inspectorWidth' | 'bottomHeight', px: number) => void;
  setBottomTab: (t: BottomTab) => void;
  openDialog: (d: Dialog) => void;
  setBatchSize: (n: number) => void;
  setOptimizer: (o: OptimizerKind) => void;
  requestFit: (mode?: 'all' | 'start') => void;
  requestCenter: (id: string) => void;
  notify: (text: string, kind?: Toast['kind']) => void;
  dismiss: (id: number) => void;
}

let toastSeq = 0;

export const useUiStore = create<UiState>()(
  persist(
    (set, get) => ({
      theme: 'system',
      paletteWidth: 224,
      inspectorWidth: 320,
      // A laptop screen keeps most of its height for the canvas.
      bottomHeight: Math.round(
        Math.min(220, Math.max(150, (globalThis.innerHeight ?? 900) * 0.22)),
      ),
      bottomTab: 'problems',
      dialog: null,
      batchSize: 32,
      optimizer: 'adam',
      fitSeq: 0,
      fitMode: 'all',
      centerOn: null,
      toasts: [],
      setTheme: (theme) => set({ theme }),
      setSize: (key, px) => set({ [key]: Math.round(px) } as Pick<UiState, typeof key>),
      setBottomTab: (bottomTab) => set({ bottomTab }),
      openDialog: (dialog) => set({ dialog }),
      setBatchSize: (batchSize) => set({ batchSize }),
      setOptimizer: (optimizer) => set({ optimizer }),
      requestFit: (fitMode = 'all') => set({ fitSeq: get().fitSeq + 1, fitMode }),
      requestCenter: (id) => set({ centerOn: { id, seq: (get().centerOn?.seq ?? 0) + 1 } }),
      notify: (text, kind = 'info') => {
        const id = ++toastSeq;
        set({ toasts: [...get().toasts, { id, kind, text }].slice(-4) });
        setTimeout(() => get().dismiss(id), kind === 'error' ? 8000 : 4000);
      },
      dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    }),
    {
      name: 'netd.ui',
      partialize: (s) => ({
        theme: s.theme,
        paletteWidth: s.paletteWidth,
        inspectorWidth: s.inspectorWidth,
        bottomHeight: s.bottomHeight,
        bottomTab: s.bottomTab,
        batchSize: s.batchSize,
        optimizer: s.optimizer,
      }),
    },
  ),
);
