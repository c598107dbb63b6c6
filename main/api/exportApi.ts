/**
 * The app's *Export* and *Continue from this run* on the host. Both reuse the engine as it is:
 * export runs the very targets `netd export` runs (PyTorch code, ONNX, Keras code), and continuing
 * from a run is `continueFromRun`. Nothing is re-implemented here; this file only decides where
 * files go and never overwrites one the user has not agreed to replace.
 */
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CliContext } from '../cli/context.ts';
import { exportTarget, type ExportTargetId } from '../export/registerExportCommand.ts';
import { analyzeNetwork } from '../network/analyze.ts';
import type { NetworkDoc } from '../network/types.ts';
import { isValidRunId } from '../training/runs/paths.ts';
import { continueFromRun } from '../weights/adapt.ts';
import { WeightsError } from '../weights/index.ts';
import type { ExportDesignRequest, ExportDesignResult, NetdApi } from './contract.ts';
import { ApiError } from './errors.ts';

type ExportMethods = Pick<NetdApi, 'exportDesign' | 'runsContinue'>;

export interface ExportApiDeps {
  /** Resolves a user-given path (relative, `~/…`) to an absolute one. */
  resolvePath: (path: string) => string;
  /** Where the host keeps its runs (`dataPaths(dataDir).runs`). */
  runsDir: string;
}

/** A CLI context that keeps what a target prints, so its lines become the API's message. */
function captureContext(): CliContext & { lines: () => string[] } {
  let text = '';
  return {
    out: (t) => (text += t),
    err: (t) => (text += t),
    exitCode: 0,
    isTTY: false,
    lines: () =>
      text
        .split('\n')
        .map((l) => l.replace(/^netd export: /, '').trim())
        .filter(Boolean),
  };
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function designErrors(doc: NetworkDoc): string | null {
  const analysis = analyzeNetwork(doc);
  if (analysis.valid) return null;
  const first = analysis.problems.find((p) => p.severity === 'error');
  const where = first?.nodeId ? `${first.nodeId}: ` : '';
  return `The design has errors (${where}${first?.message ?? 'see the Problems panel'}); fix them before exporting.`;
}

/**
 * Runs `to`'s target into a private folder beside `out`, then moves what it wrote into place:
 * so the exact set of files is known before anything is replaced, whatever the target writes
 * (a weights file, `train.py`).
 */
async function exportDesign(
  req: ExportDesignRequest,
  { resolvePath, runsDir }: ExportApiDeps,
): Promise<ExportDesignResult> {
  const problem = designErrors(req.doc);
  if (problem) throw new ApiError('bad-request', problem);
  if (req.runId !== undefined && !isValidRunId(req.runId))
    throw new ApiError('bad-request', `'${req.runId}' is not a run id.`);
  const out = resolvePath(req.out);
  const folder = dirname(out);
  if (!(await isFolder(folder)))
    throw new ApiError('not-found', `Folder '${folder}' does not exist.`);
  const load = exportTarget(req.to as ExportTargetId);
  if (!load) throw new ApiError('bad-request', `Export to ${req.to} is not available.`);
  const target = await load();

  const staging = await mkdtemp(join(folder, '.netd-export-'));
  try {
    const ctx = captureContext();
    // An unsaved design has no sidecar: a path inside the empty staging folder has none either.
    const file = req.designPath ? resolvePath(req.designPath) : join(staging, 'design.netd.json');
    const code = await target.run(
      {
        file,
        doc: req.doc,
        analysis: analyzeNetwork(req.doc),
        ...(req.runId !== undefined ? { runId: req.runId } : {}),
        runsDir,
        withTraining: Boolean(req.withTraining),
        out: join(staging, basename(out)),
      },
      ctx,
    );
    if (code !== 0) throw new ApiError('file-error', ctx.lines().join(' · ') || 'Export failed.');
    const names = (await readdir(staging)).sort();
    const paths = names.map((name) => join(folder, name));
    const existing = (
      await Promise.all(paths.map(async (p) => ((await exists(p)) ? p : null)))
    ).filter((p): p is string => p !== null);
    if (existing.length > 0 && !req.overwrite) return { written: false, existing };
    for (const name of names) await rename(join(staging, name), join(folder, name));
    const message = ctx
      .lines()
      .map((l) => l.split(staging).join(folder))
      .join('\n');
    return { written: true, paths, message };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The export methods of `NetdApi`. */
export function createExportApi(deps: ExportApiDeps): ExportMethods {
  return {
    exportDesign: (req) => exportDesign(req, deps),
    async runsContinue({ runId, doc, path }) {
      if (!isValidRunId(runId)) throw new ApiError('bad-request', `'${runId}' is not a run id.`);
      const designPath = deps.resolvePath(path);
      try {
        const weightsPath = await continueFromRun(designPath, doc, join(deps.runsDir, runId));
        return { weightsPath };
      } catch (err) {
        if (err instanceof WeightsError) throw new ApiError('file-error', err.message);
        throw err;
      }
    },
  };
}
