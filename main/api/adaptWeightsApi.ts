/**
 * *Adapt to data* on a design that carries weights: `adaptWithWeights` keeps every tensor whose
 * shape still fits and says which layers were re-initialised; the refitted weights are written to
 * a file in the app's data folder and returned, so training starts from them. The design's own
 * sidecar is not touched (the adapted design is not saved yet, and Undo must stay possible).
 */
import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDir } from '../files/safeFs.ts';
import { adaptWithWeights } from '../weights/adapt.ts';
import { readWeightsFile, WeightsError, writeWeightsFile } from '../weights/index.ts';
import type { NetdApi } from './contract.ts';
import { ApiError } from './errors.ts';

/** Refitted weights files kept (older ones are removed): a run reads its file only at start. */
const KEEP_FILES = 5;

async function pruneOld(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const dated = await Promise.all(
    names.map(async (name) => ({
      path: join(dir, name),
      mtime: (await stat(join(dir, name)).catch(() => null))?.mtimeMs ?? 0,
    })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(KEEP_FILES).map((f) => rm(f.path, { force: true })));
}

/**
 * `networkAdapt` that, given `weights` (a weights file that fits `doc`), also refits them.
 * @param plain the design API's own adapt (no weights).
 * @param scratchDir where refitted weights are written (inside the app's data folder).
 */
export function createAdaptWithWeights(
  plain: NetdApi['networkAdapt'],
  resolvePath: (path: string) => string,
  scratchDir: string,
): NetdApi['networkAdapt'] {
  return async ({ weights, ...req }) => {
    // The plain adapt first: its refusals and its list of changes are the ones the user knows.
    const base = await plain(req);
    if (weights === undefined) return base;
    try {
      const own = (await readWeightsFile(resolvePath(weights))).tensors;
      const adapted = adaptWithWeights(req.doc, own, { input: req.input, classes: req.classes });
      await ensureDir(scratchDir);
      await pruneOld(scratchDir);
      const weightsPath = join(scratchDir, `${randomUUID()}.weights.safetensors`);
      await writeWeightsFile(weightsPath, adapted.weights);
      return {
        doc: adapted.doc,
        changes: base.changes,
        message: adapted.message,
        weightsPath,
        reinitialised: adapted.reinitialised,
      };
    } catch (err) {
      if (err instanceof WeightsError) throw new ApiError('file-error', err.message);
      throw err;
    }
  };
}
