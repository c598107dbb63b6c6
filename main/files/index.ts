/** Public API of network file I/O. */
export { NetworkFileError, type NetworkFileErrorKind } from './errors.ts';
export { parseNetworkText, serializeNetwork, formatIssuePath } from './parse.ts';
export {
  readNetworkFile,
  writeNetworkFile,
  writeFileAtomic,
  type AtomicWriteOptions,
} from './io.ts';
export {
  ensureDir,
  ensureDirSync,
  ensurePrivateDir,
  readRegularFile,
  removeStaleTemps,
  UnsafePathError,
} from './safeFs.ts';
