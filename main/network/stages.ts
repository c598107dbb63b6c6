/**
 * Stages: the runs of consecutive layers a reader folds a big network into — a template's named
 * groups (`layer1`…`layer4`, `inception3`, VGG's `conv1_1`/`conv1_2` as `conv1`) and, elsewhere,
 * consecutive layers with the same output size. Read-only and pure: computed from a document and
 * its analysis, for folding on the canvas and for comparing two designs stage by stage.
 */
import type { NetworkAnalysis, NetworkDoc, ReceptiveField, Shape, Totals } from './types.ts';

/**
 * One stage of a network (see `computeStages`): a named group of a template (`layer1`,
 * `inception3`) or a run of consecutive layers with the same output size, with its totals.
 */
export interface Stage {
  /**
   * Unique within the network: the group name (`layer1`, `inception4`, `conv3`), `input`,
   * `classifier` for the layers after the last spatial map, or the output size of an unnamed run
   * (`56×56`, `56×56 (2)` when that size recurs).
   */
  name: string;
  /** True when the stage comes from a named group in the node ids, not from output sizes. */
  named: boolean;
  nodeIds: string[];
  /** Output of the stage's last layer (null when it cannot be computed). */
  outputShape: Shape | null;
  receptiveField: ReceptiveField | null;
  /** Sums over the stage's layers; every field set. */
  totals: Required<Totals>;
}

/** Pools end the stage they follow (torchvision's VGG, GoogLeNet and ResNet stems do). */
const CLOSING_POOLS = new Set(['MaxPool2D', 'AvgPool2D']);

/**
 * The named group a node id belongs to, or null: `layer1.0` and `layer1.0/conv1` → `layer1`, an
 * expanded block's `res/conv1` → `res`. Ids numbered by stage and then within it (`conv4_2`,
 * `inception3a`, `bn1_2`) group by the stage number: the key is `#4`, and the stage is named after
 * the prefix its members share (`conv4`, `inception3`) or `stage 4` (`conv1_1`, `bn1_1`, …).
 */
export function stageGroupOf(id: string): string | null {
  const slash = id.indexOf('/');
  const root = slash < 0 ? id : id.slice(0, slash);
  const dot = root.indexOf('.');
  if (dot > 0) return root.slice(0, dot);
  const numbered = /^[A-Za-z]+?(\d+)(?:_\d+|[a-z])$/.exec(root);
  if (numbered) return `#${numbered[1]}`;
  return slash > 0 ? root : null;
}

/** Display name of a named run: the group, or for a `#N` key the common prefix (`inception3`). */
function groupName(group: string, ids: readonly string[]): string {
  if (!group.startsWith('#')) return group;
  const n = group.slice(1);
  const prefixes = new Set(
    ids.filter((id) => stageGroupOf(id) === group).map((id) => /^[A-Za-z]+?(?=\d)/.exec(id)?.[0]),
  );
  return prefixes.size === 1 ? `${[...prefixes][0]}${n}` : `stage ${n}`;
}

/** `56×56` for a map, `vector` after Flatten/GAP/Dense, null when unknown. */
function sizeClass(shape: Shape | null | undefined): string | null {
  if (!shape) return null;
  return shape.length === 3 ? `${shape[0]}×${shape[1]}` : 'vector';
}

interface Open {
  kind: 'input' | 'named' | 'size';
  group: string | null;
  size: string | null;
  closed: boolean;
  ids: string[];
}

function zeroTotals(): Required<Totals> {
  return {
    trainableParams: 0,
    nonTrainableParams: 0,
    macs: 0,
    activationBytes: 0,
    trainingActivationBytes: 0,
  };
}

/**
 * Splits a network into stages, in topological order (`analysis.order`). Inputs are stages of
 * their own; a named group continues while the ids keep its name; an unnamed run continues while
 * the output size stays the same; a max/avg pool joins the stage before it and closes it.
 */
export function computeStages(doc: NetworkDoc, analysis: NetworkAnalysis): Stage[] {
  const types = new Map(doc.nodes.map((n) => [n.id, n.type]));
  const runs: Open[] = [];
  let cur: Open | null = null;
  for (const id of analysis.order) {
    const type = types.get(id) ?? '';
    const size = sizeClass(analysis.nodes[id]?.outputShape);
    const group = type === 'Input' ? null : stageGroupOf(id);
    const pool = CLOSING_POOLS.has(type);
    let join = false;
    if (cur && cur.kind !== 'input' && type !== 'Input') {
      if (group !== null) join = group === cur.group;
      else if (pool) join = !cur.closed;
      else
        join =
          cur.kind === 'size' &&
          !cur.closed &&
          (size === null || cur.size === null || size === cur.size);
    }
    if (!join) {
      cur = {
        kind: type === 'Input' ? 'input' : group !== null ? 'named' : 'size',
        group,
        size,
        closed: false,
        ids: [],
      };
      runs.push(cur);
    }
    cur!.ids.push(id);
    if (cur!.size === null) cur!.size = size;
    if (pool && group === null) cur!.closed = true;
  }
  return nameStages(runs).map(({ run, name }) => toStage(run, name, analysis));
}

function nameStages(runs: Open[]): { run: Open; name: string }[] {
  const seen = new Map<string, number>();
  return runs.map((run) => {
    const base =
      run.kind === 'input'
        ? 'input'
        : run.kind === 'named'
          ? groupName(run.group!, run.ids)
          : run.size === 'vector'
            ? 'classifier'
            : (run.size ?? 'layers');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { run, name: n === 1 ? base : `${base} (${n})` };
  });
}

function toStage(run: Open, name: string, analysis: NetworkAnalysis): Stage {
  const totals = zeroTotals();
  for (const id of run.ids) {
    const a = analysis.nodes[id];
    if (!a) continue;
    totals.trainableParams += a.trainableParams;
    totals.nonTrainableParams += a.nonTrainableParams;
    totals.macs += a.macs;
    totals.activationBytes += a.activationBytes;
    totals.trainingActivationBytes += a.trainingActivationBytes ?? a.activationBytes;
  }
  const last = analysis.nodes[run.ids[run.ids.length - 1]!];
  return {
    name,
    named: run.kind === 'named',
    nodeIds: run.ids,
    outputShape: last?.outputShape ?? null,
    receptiveField: last?.receptiveField ?? null,
    totals,
  };
}
