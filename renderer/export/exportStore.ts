/**
 * Which *Export* the dialog is showing: the current design, or the design with a run's trained
 * weights (*Export… with this run's weights* in run history). Null when the dialog is closed.
 */
import { create } from 'zustand';

export interface ExportTarget {
  /** Export with this run's weights; absent → the design (with its own weights, if any). */
  runId?: string;
  /** How the run is named to the user ("run 3 · 91.2%"). */
  runLabel?: string;
}

interface ExportState {
  target: ExportTarget | null;
}

export const useExportStore = create<ExportState>()(() => ({ target: null }));

/** Opens the Export dialog for the design, or for a run's weights. */
export function openExport(target: ExportTarget = {}): void {
  useExportStore.setState({ target });
}

/** Closes the Export dialog. */
export function closeExport(): void {
  useExportStore.setState({ target: null });
}
