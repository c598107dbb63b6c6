/** The `netd compare --json` object, as DESIGN.md specifies it: `{a, b, delta, stages}`. */
import type { Comparison } from '../../compare/compareNetworks.ts';

export type CompareJson = Pick<Comparison, 'a' | 'b' | 'delta' | 'stages' | 'memoryAssumes'>;

/** The comparison without the view-only `changed` list of the totals (stages keep theirs). */
export function compareJson(c: Comparison): CompareJson {
  return { a: c.a, b: c.b, delta: c.delta, stages: c.stages, memoryAssumes: c.memoryAssumes };
}
