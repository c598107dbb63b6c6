/** The human-readable `netd inspect` report: per-node table, totals, then problems. */
import type { NetworkAnalysis, NetworkDoc, ReceptiveField } from '../../network/types.ts';
import { fmtBytes, fmtInt, plural, PARAM_WORDS } from '../../network/catalog/format.ts';
import { frozenParamsByNode } from '../../network/frozen.ts';
import { compact, shape } from './numbers.ts';
import { renderTable, type Column } from './table.ts';

function pairText([a, b]: readonly [number, number]): string {
  return a === b ? String(a) : `${a}×${b}`;
}

function rfText(rf: ReceptiveField | null): [string, string] {
  if (!rf) return ['', ''];
  const [h, w] = rf.size;
  return [`${h}×${w}`, pairText(rf.jump)];
}

/** Renders the report for `doc` and its analysis; ends with a newline. */
export function inspectTable(doc: NetworkDoc, analysis: NetworkAnalysis): string {
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label]));
  const frozen = frozenParamsByNode(doc, analysis);
  let frozenTotal = 0;
  for (const p of frozen.values()) frozenTotal += p;
  const rows = analysis.order.flatMap((id) => {
    const n = analysis.nodes[id];
    if (!n) return [];
    const [rf, jump] = rfText(n.receptiveField);
    const label = labels.get(id);
    return [
      [
        label && label !== id ? `${id} (${label})` : id,
        frozen.has(id) ? `${n.type} (frozen)` : n.type,
        shape(n.outputShape),
        fmtInt(n.trainableParams),
        n.nonTrainableParams > 0 ? fmtInt(n.nonTrainableParams) : '',
        fmtInt(n.macs),
        rf,
        jump,
      ],
    ];
  });
  const t = analysis.totals;
  // Composite blocks keep their inner activations for the backward pass too.
  const kept = t.trainingActivationBytes ?? t.activationBytes;
  const footer = [
    'total',
    plural(rows.length, 'node'),
    '',
    fmtInt(t.trainableParams),
    t.nonTrainableParams > 0 ? fmtInt(t.nonTrainableParams) : '',
    fmtInt(t.macs),
    '',
    '',
  ];
  const columns: Column[] = [
    { header: 'node' },
    { header: 'type' },
    { header: 'output' },
    // The designer's words (PARAM_WORDS): trainable weights, and BatchNorm's running statistics.
    { header: PARAM_WORDS.trainable, align: 'right' },
    { header: PARAM_WORDS.nonTrainable, align: 'right' },
    { header: 'MACs', align: 'right' },
    { header: 'receptive field', align: 'right' },
    { header: 'jump', align: 'right' },
  ];
  // BatchNorm statistics are the only non-trainable params: drop the column when there are none.
  const keep = (_: unknown, i: number) => i !== 4 || t.nonTrainableParams > 0;
  const table = renderTable(
    columns.filter(keep),
    rows.map((r) => r.filter(keep)),
    footer.filter(keep),
  );

  const errors = analysis.problems.filter((p) => p.severity === 'error');
  const warnings = analysis.problems.filter((p) => p.severity === 'warning');
  let text = `${doc.name}\n\n${table}\n`;
  text +=
    `Trainable params:      ${fmtInt(t.trainableParams)}\n` +
    (frozenTotal > 0
      ? `  frozen:              ${fmtInt(frozenTotal)} (kept as loaded; ${fmtInt(t.trainableParams - frozenTotal)} train)\n`
      : '') +
    `Non-trainable params:  ${fmtInt(t.nonTrainableParams)}\n` +
    `MACs per example:      ${fmtInt(t.macs)}${t.macs >= 1000 ? ` (${compact(t.macs)})` : ''}\n` +
    `Activation memory:     ${fmtBytes(t.activationBytes)} per example (float32)\n` +
    (kept > t.activationBytes
      ? `  kept for training:   ${fmtBytes(kept)} per example (incl. the layers inside blocks)\n`
      : '') +
    `Weights memory:        ${fmtBytes((t.trainableParams + t.nonTrainableParams) * 4)} (float32)\n`;
  text += `\n${analysis.valid ? 'Valid' : 'Invalid'}: ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}\n`;
  const problems = [...errors, ...warnings];
  // A loop, not Math.max(...spread): 100k problems would overflow the call stack.
  let idWidth = 0;
  for (const p of problems) idWidth = Math.max(idWidth, [...(p.nodeId ?? '-')].length);
  for (const p of problems) {
    const id = (p.nodeId ?? '-').padEnd(idWidth);
    text += `  ${p.severity === 'error' ? 'error  ' : 'warning'}  ${id}  ${p.message} [${p.code}]\n`;
  }
  return text;
}
