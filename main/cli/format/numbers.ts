/**
 * The CLI's names for the engine's one formatting module (main/network/catalog/format.ts), so the
 * CLI and the designer print the same figures.
 */
export { fmtSi as compact, fmtShape as shape } from '../../network/catalog/format.ts';
