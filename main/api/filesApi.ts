/**
 * Files half of the API: open/save network files on the host's disk, the recent-files list, the
 * folder listing behind the web host's file browser, and the crash-recovery file.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NetworkFileError, readNetworkFile, writeNetworkFile } from '../files/index.ts';
import { importModelFile } from '../interchange/importModelFile.ts';
import { OnnxError } from '../interchange/onnx/errors.ts';
import { TfjsImportError } from '../interchange/tfjs/layers.ts';
import type { NetworkDoc } from '../network/types.ts';
import { assertWeightsFit } from '../weights/check.ts';
import { findDesignWeights, readWeightsFile, writeDesignWeights } from '../weights/sidecar.ts';
import { WeightsError } from '../weights/types.ts';
import type { RecentFilesStore, RecoveryStore } from '../settings/index.ts';
import type { DirEntry, NetdApi } from './contract.ts';
import { ApiError } from './errors.ts';
import { resolveUserPath, withNetworkExtension } from './paths.ts';

type FileMethods = Pick<
  NetdApi,
  | 'filesOpen'
  | 'filesSave'
  | 'filesRecent'
  | 'filesImport'
  | 'filesList'
  | 'filesWeights'
  | 'recoveryRead'
  | 'recoveryWrite'
  | 'recoveryClear'
>;

export interface FilesApiDeps {
  homeDir: string;
  recent: RecentFilesStore;
  recovery: RecoveryStore;
}

/** The file methods of `NetdApi`; relative paths resolve against `homeDir`. */
export function createFilesApi({ homeDir, recent, recovery }: FilesApiDeps): FileMethods {
  const resolvePath = (path: string) => resolveUserPath(path, homeDir);
  return {
    async filesOpen({ path }) {
      const absolute = resolvePath(path);
      const doc = await readNetworkFile(absolute).catch(async (error: unknown) => {
        // A recent file that was moved or deleted should not stay in the menu.
        if (error instanceof NetworkFileError && error.kind === 'not-found') {
          await recent.remove(absolute);
        }
        throw error;
      });
      await recent.add({ path: absolute, name: displayName(doc, absolute) });
      return { path: absolute, doc };
    },
    async filesSave({ path, doc, weights }) {
      const absolute = withNetworkExtension(resolvePath(path));
      // Weights are read and checked first, so a misfit leaves the design file untouched.
      const tensors = weights ? await readFittingWeights(resolvePath(weights), doc) : null;
      await writeNetworkFile(absolute, doc);
      if (tensors) {
        await writeDesignWeights(absolute, tensors).catch((error: unknown) => {
          throw weightsApiError(error);
        });
      }
      await recent.add({ path: absolute, name: displayName(doc, absolute) });
      return { path: absolute };
    },
    filesRecent: () => recent.list(),
    async filesImport({ path }) {
      try {
        const imported = await importModelFile(resolvePath(path));
        await recent.add({ path: imported.path, name: displayName(imported.doc, imported.path) });
        return imported;
      } catch (error) {
        // One sentence per problem, joined: the notification shows them all.
        if (error instanceof OnnxError || error instanceof TfjsImportError)
          throw new ApiError('file-error', error.lines.join(' · '));
        throw error;
      }
    },
    filesWeights: async ({ path }) => ({
      weightsPath: await findDesignWeights(resolvePath(path)),
    }),
    filesList: async (req) => listFolder(resolvePath(req?.dir?.trim() ? req.dir : homeDir)),
    recoveryRead: () => recovery.read(),
    recoveryWrite: async ({ doc, path }) =>
      recovery.write(doc, path === null ? null : resolvePath(path)),
    recoveryClear: () => recovery.clear(),
  };
}

function displayName(doc: NetworkDoc, path: string): string {
  return doc.name.trim() || basename(path).replace(/\.netd\.json$|\.json$/i, '');
}

/**
 * Lists sub-folders, JSON files (where networks live) and ONNX models (for *Import…*) of `dir`;
 * hidden entries are skipped.
 */
async function listFolder(
  dir: string,
): Promise<{ dir: string; parent: string | null; entries: DirEntry[] }> {
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new ApiError('not-found', `'${dir}' is not a folder.`);
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('not-found', `Cannot list folder '${dir}': ${errnoText(error)}.`);
  }
  const entries: DirEntry[] = [];
  await Promise.all(
    names
      .filter((name) => !name.startsWith('.'))
      .map(async (name) => {
        const path = join(dir, name);
        // stat (not the dirent) so symlinked folders are browsable; broken links are skipped.
        const info = await stat(path).catch(() => null);
        if (info?.isDirectory()) entries.push({ name, path, kind: 'dir' });
        else if (info?.isFile() && /\.json$|\.onnx$/i.test(name))
          entries.push({ name, path, kind: 'file' });
      }),
  );
  entries.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1,
  );
  const parent = dirname(dir);
  return { dir, parent: parent === dir ? null : parent, entries };
}

function errnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** The tensors of a weights file that fits `doc`; an ApiError naming every misfit otherwise. */
async function readFittingWeights(path: string, doc: NetworkDoc) {
  try {
    const { tensors } = await readWeightsFile(path);
    assertWeightsFit(doc, tensors, path);
    return tensors;
  } catch (error) {
    throw weightsApiError(error);
  }
}

function weightsApiError(error: unknown): unknown {
  return error instanceof WeightsError ? new ApiError('file-error', error.message) : error;
}
