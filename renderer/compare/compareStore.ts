/**
 * The compare view's state: which two designs are compared, what the host computed for them, and
 * the design as it was before *Duplicate as variant* (so the variant can be compared with it).
 */
import { create } from 'zustand';
import type { Comparison } from '../../main/compare/compareNetworks.ts';
import type { NetworkAnalysis, NetworkDoc } from '../../main/network/types.ts';

/** Where a compared design came from, shown under its name. */
export type SideOrigin = 'current' | 'original' | 'file' | 'example';

export interface CompareSide {
  doc: NetworkDoc;
  origin: SideOrigin;
  /** The file it was read from, for `file` (and `original` when it had one). */
  path?: string | null;
}

/** The text of an example pair: its question and the explanation the host wrote from its numbers. */
export interface ExampleText {
  id: string;
  title: string;
  question: string;
  explanation: string;
}

export interface CompareResult {
  comparison: Comparison;
  analysisA: NetworkAnalysis;
  analysisB: NetworkAnalysis;
}

interface CompareState {
  open: boolean;
  a: CompareSide | null;
  b: CompareSide | null;
  example: ExampleText | null;
  result: CompareResult | null;
  loading: boolean;
  error: string | null;
  /** The design before *Duplicate as variant*; null when no variant was made. */
  original: CompareSide | null;
  /** Which section the template gallery shows: the templates or the example pairs. */
  galleryTab: 'templates' | 'examples';
  setGalleryTab: (tab: 'templates' | 'examples') => void;
  /** Opens the view on A and B (the result follows, see `compareActions`). */
  show: (a: CompareSide, b: CompareSide, example?: ExampleText | null) => void;
  setResult: (result: CompareResult | null, error?: string | null) => void;
  setOriginal: (original: CompareSide | null) => void;
  close: () => void;
}

export const useCompareStore = create<CompareState>()((set) => ({
  open: false,
  a: null,
  b: null,
  example: null,
  result: null,
  loading: false,
  error: null,
  original: null,
  galleryTab: 'templates',
  setGalleryTab: (galleryTab) => set({ galleryTab }),
  show: (a, b, example = null) =>
    set({ open: true, a, b, example, result: null, loading: true, error: null }),
  setResult: (result, error = null) => set({ result, error, loading: false }),
  setOriginal: (original) => set({ original }),
  close: () => set({ open: false, result: null, example: null, error: null, loading: false }),
}));
