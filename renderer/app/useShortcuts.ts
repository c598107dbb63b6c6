/**
 * Global keyboard shortcuts. Text fields keep their own keys (typing "f" or Ctrl+Z in a field
 * edits the field); Ctrl/Cmd+S, Ctrl/Cmd+O and F6 (next region) work everywhere. Escape on the canvas
 * clears the selection.
 */
import { useEffect } from 'react';
import { openFile, save, saveAs } from '../files/fileActions.ts';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  paste,
  selectAll,
} from '../state/commands.ts';
import { redo, undo } from '../state/docStore.ts';
import { usePromptStore } from '../state/promptStore.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import { focusNextRegion } from './regionFocus.ts';

function isTextTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'range'].includes(t.type);
  return false;
}

/** Installs the shortcuts for the lifetime of the calling component. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const modal =
        useUiStore.getState().dialog !== null ||
        usePromptStore.getState().confirm ||
        usePromptStore.getState().browse;
      if (mod && key === 's') {
        e.preventDefault();
        if (!modal) void (e.shiftKey ? saveAs() : save());
        return;
      }
      if (mod && key === 'o') {
        e.preventDefault();
        if (!modal) void openFile();
        return;
      }
      if (e.key === 'F6' && !modal) {
        e.preventDefault();
        focusNextRegion(e.shiftKey ? -1 : 1);
        return;
      }
      if (modal || isTextTarget(e.target)) return;
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        redo();
      } else if (mod && key === 'c') {
        copySelection();
      } else if (mod && key === 'v') {
        e.preventDefault();
        paste();
      } else if (mod && key === 'd') {
        e.preventDefault();
        duplicateSelection();
      } else if (mod && key === 'a') {
        e.preventDefault();
        selectAll();
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault();
        deleteSelection();
      } else if (e.key === 'Escape') {
        useSelectionStore.getState().clear();
      } else if (!mod && !e.altKey && key === 'f') {
        e.preventDefault();
        useUiStore.getState().requestFit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
