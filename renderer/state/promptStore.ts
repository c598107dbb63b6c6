/**
 * In-app modal prompts that resolve a promise: confirmation and the web host's file browser.
 * (Browser `confirm()` blocks the page and is dismissed by test drivers, so we never use it.)
 */
import { create } from 'zustand';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
}

export interface BrowseRequest {
  /**
   * `import` picks an ONNX model instead of a network file; `folder` picks a folder (a data set,
   * where to export a model) and resolves the folder the user settles in.
   */
  mode: 'open' | 'save' | 'import' | 'folder';
  suggestedName?: string;
  /** Overrides the dialog's title and its OK button's label (folder pickers name their purpose). */
  title?: string;
  actionLabel?: string;
  /** Where a folder picker starts (the host's home folder when empty or unreadable). */
  startDir?: string;
}

interface PromptState {
  confirm: (ConfirmRequest & { resolve: (ok: boolean) => void }) | null;
  browse: (BrowseRequest & { resolve: (path: string | null) => void }) | null;
}

// A prompt closes only through its own `resolve`, so no caller is left awaiting forever.
export const usePromptStore = create<PromptState>()(() => ({
  confirm: null,
  browse: null,
}));

/** Asks the user to confirm; resolves true on confirm, false on cancel or Escape. */
export function askConfirm(req: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    usePromptStore.setState({
      confirm: {
        ...req,
        resolve: (ok) => {
          usePromptStore.setState({ confirm: null });
          resolve(ok);
        },
      },
    });
  });
}

/** Opens the in-app file browser; resolves the chosen path, or null when cancelled. */
export function askPath(req: BrowseRequest): Promise<string | null> {
  return new Promise((resolve) => {
    usePromptStore.setState({
      browse: {
        ...req,
        resolve: (path) => {
          usePromptStore.setState({ browse: null });
          resolve(path);
        },
      },
    });
  });
}
