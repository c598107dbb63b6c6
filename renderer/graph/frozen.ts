/** Freezing a layer or block: its weights are kept as they are while the rest of the network trains. */
import type { NetworkDoc } from '../../main/network/types.ts';
import { mapNode } from './ops.ts';

/** Sets or clears a node's `frozen` flag (cleared = the key is removed, as in version-1 files). */
export function setFrozen(doc: NetworkDoc, nodeId: string, frozen: boolean): NetworkDoc {
  return mapNode(doc, nodeId, (n) => {
    if ((n.frozen === true) === frozen) return n;
    const next = { ...n };
    if (frozen) next.frozen = true;
    else delete next.frozen;
    return next;
  });
}
