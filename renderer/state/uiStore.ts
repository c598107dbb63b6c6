/**
 * Window-level UI state: theme, panel sizes, the active bottom tab, open dialogs, canvas requests
 * (fit, centre on a node) and notifications. Sizes and theme persist per
 * browser. (The memory estimate's batch size and optimizer are the training form's.)
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemePref = 'system' | 'light' | 'dark';
export type BottomTab = 'problems' | 'table';
/** The two views of the window: the designer, and training with the whole window to itself. */
export type AppView = 'designer' | 'training';
export type Dialog = 'templates' | 'open' | 'saveAs' | 'about' | null;
/** The side panels that can be hidden (View menu of the desktop shell). */
export type PanelId = 'palette' | 'inspector' | 'bottom';

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
  /** Which side panels are shown. */
  panels: Record<PanelId, boolean>;
  bottomTab: BottomTab;
  /** Not persisted: the app always opens on the designer. */
  view: AppView;
  dialog: Dialog;
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
  setView: (view: AppView) => void;
  togglePanel: (panel: PanelId) => void;
  openDialog: (d: Dialog) => void;
  requestFit: (mode?: 'all' | 'start') => void;
  requestCenter: (id: string) => void;
  notify: (text: string, kind?: Toast['kind']) => void;
  dismiss: (id: number) => void;
}

let toastSeq = 0;

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, value)));
}

export const useUiStore = create<UiState>()(
  persist(
    (set, get) => ({
      theme: 'system',
      // First-start sizes follow the screen: a laptop keeps most of its room for the canvas, a
      // large monitor gives the palette, inspector and bottom panels room to breathe.
      paletteWidth: clamp((globalThis.innerWidth ?? 1440) * 0.12, 224, 300),
      inspectorWidth: clamp((globalThis.innerWidth ?? 1440) * 0.16, 320, 420),
      bottomHeight: clamp((globalThis.innerHeight ?? 900) * 0.22, 150, 320),
      panels: { palette: true, inspector: true, bottom: true },
      bottomTab: 'problems',
      view: 'designer',
      dialog: null,
      fitSeq: 0,
      fitMode: 'all',
      centerOn: null,
      toasts: [],
      setTheme: (theme) => set({ theme }),
      setSize: (key, px) => set({ [key]: Math.round(px) } as Pick<UiState, typeof key>),
      // Choosing a tab shows the bottom panel if it was hidden.
      setBottomTab: (bottomTab) => set({ bottomTab, panels: { ...get().panels, bottom: true } }),
      setView: (view) => set({ view }),
      togglePanel: (panel) => set({ panels: { ...get().panels, [panel]: !get().panels[panel] } }),
      openDialog: (dialog) => set({ dialog }),
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
        panels: s.panels,
        bottomTab: s.bottomTab,
      }),
    },
  ),
);
