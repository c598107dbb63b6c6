import type { EnvironmentReport } from '../../main/training/types.ts';

/** The diagnosis as a sentence: what is used and, if a faster backend is not, the first fix. */
export function environmentSummary(report: EnvironmentReport): string {
  const order: EnvironmentReport['selected'][] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];
  const faster = order
    .slice(0, order.indexOf(report.selected))
    .map((n) => report.backends.find((b) => b.name === n));
  const missing = faster.find((b) => b && !b.available);
  const used = `Training runs on ${report.selected}.`;
  if (!missing) return `${used} This is the fastest backend there is.`;
  const reason = missing.reason.replace(/\.$/, '');
  return `${used} The faster ${missing.name} backend is not available (${reason})${missing.remedy ? `; to get it: ${missing.remedy}` : '.'}`;
}
