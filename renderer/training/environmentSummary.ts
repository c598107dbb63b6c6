import type { BackendStatus, EnvironmentReport } from '../../main/training/types.ts';

const FASTEST_FIRST: EnvironmentReport['selected'][] = [
  'tensorflow-gpu',
  'tensorflow',
  'wasm',
  'cpu',
];

/** The GPU backend helps only where there is a GPU: without one, installing it changes nothing. */
function couldHelp(report: EnvironmentReport, backend: BackendStatus): boolean {
  return backend.name !== 'tensorflow-gpu' || report.gpus.length > 0;
}

/**
 * The backends in the order a user should read them: the one in use, then the faster ones that
 * would help on this machine, then the rest; a GPU backend on a machine without a GPU comes last.
 */
export function backendsByUse(report: EnvironmentReport): BackendStatus[] {
  const rank = (b: BackendStatus): number => {
    if (b.name === report.selected) return 0;
    const faster = FASTEST_FIRST.indexOf(b.name) < FASTEST_FIRST.indexOf(report.selected);
    if (faster && couldHelp(report, b)) return 1;
    return couldHelp(report, b) ? 2 : 3;
  };
  return [...report.backends].sort(
    (a, b) => rank(a) - rank(b) || FASTEST_FIRST.indexOf(a.name) - FASTEST_FIRST.indexOf(b.name),
  );
}

/**
 * The diagnosis as a sentence: what is used and, if a faster backend that would help on this
 * machine is missing, its fix. The GPU backend is not suggested where no GPU was detected.
 */
export function environmentSummary(report: EnvironmentReport): string {
  const faster = FASTEST_FIRST.slice(0, FASTEST_FIRST.indexOf(report.selected))
    .map((n) => report.backends.find((b) => b.name === n))
    .filter((b): b is BackendStatus => b !== undefined);
  const missing = faster.find((b) => !b.available && couldHelp(report, b));
  const used = `Training runs on ${report.selected}.`;
  const noGpu = faster.some((b) => !couldHelp(report, b))
    ? ' (No GPU was detected, so the GPU backend would not help here.)'
    : '';
  if (!missing)
    return faster.length === 0
      ? `${used} This is the fastest backend there is.`
      : `${used} This is the fastest backend for this machine.${noGpu}`;
  const reason = missing.reason.replace(/\.$/, '');
  return `${used} The faster ${missing.name} backend is not available (${reason})${missing.remedy ? `; to get it: ${missing.remedy}` : '.'}${noGpu}`;
}
