/** The interchange vocabulary the API names (plain data, importable by the renderer). */
import type { NetworkDoc } from '../network/types.ts';

/** What *File → Import…* produced on the host's disk. */
export interface ImportedModelFile {
  /** The design file written (`NAME.netd.json` beside the model). */
  path: string;
  doc: NetworkDoc;
  /** Its weights sidecar. */
  weightsPath: string;
  /** What was recognised ("8 ResidualBlocks"). */
  notes: string[];
}
