/**
 * A tiny chain builder the templates share: nodes are appended in order and, unless told
 * otherwise, wired from the previous node, so a template reads like the paper's layer table.
 */
import { NETWORK_FORMAT, NETWORK_VERSION } from '../network/types.ts';
import type { NetworkDoc, NetworkEdge, NetworkNode } from '../network/types.ts';

export interface AddOptions {
  /** Sources in input order (for Add/Concat); defaults to the previously added node. */
  from?: string[];
  label?: string;
}

/** Builds a template's document node by node (see the module comment). */
export class NetworkBuilder {
  private readonly nodes: NetworkNode[] = [];
  private readonly edges: NetworkEdge[] = [];
  private lastId: string | null = null;

  /** Adds `type` as `id`, wired from `opts.from` or the previous node; returns the id. */
  add(
    id: string,
    type: string,
    params: Record<string, unknown> = {},
    opts: AddOptions = {},
  ): string {
    if (this.nodes.some((n) => n.id === id))
      throw new Error(`template bug: duplicate node id '${id}'`);
    const node: NetworkNode = { id, type, params };
    if (opts.label !== undefined) node.label = opts.label;
    this.nodes.push(node);
    const sources = opts.from ?? (this.lastId === null ? [] : [this.lastId]);
    for (const source of sources) this.edges.push({ source, target: id });
    this.lastId = id;
    return id;
  }

  /** The id of the most recently added node (the current end of the chain). */
  get last(): string {
    if (this.lastId === null) throw new Error('template bug: no node added yet');
    return this.lastId;
  }

  /** The finished network document (no positions: the designer lays it out). */
  build(name: string, description: string): NetworkDoc {
    return {
      format: NETWORK_FORMAT,
      version: NETWORK_VERSION,
      name,
      description,
      nodes: this.nodes,
      edges: this.edges,
    };
  }
}
