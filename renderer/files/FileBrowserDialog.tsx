/**
 * The web host's file browser over `api.filesList`: folders to navigate, `.netd.json` files (or
 * `.onnx` models, to import) to pick, and a path field to type any path directly (or a new file
 * name when saving). In `folder` mode it picks a folder instead: the one the user settles in.
 */
import { useEffect, useState } from 'react';
import type { DirEntry } from '../../main/api/contract.ts';
import { usePromptStore } from '../state/promptStore.ts';
import { splitSuggestion } from './savePath.ts';
import { useFolderListing } from './useFolderListing.ts';
import { Icon } from '../ui/Icon.tsx';
import { Modal } from '../ui/Modal.tsx';

const NETWORK_FILE = /\.netd\.json$|\.json$/i;
// What Import takes: an ONNX model, or a TensorFlow.js model.json (a run's saved model).
const MODEL_FILE = /\.onnx$|(?<!\.netd)\.json$/i;

const TITLES = {
  open: 'Open network',
  save: 'Save network as',
  import: 'Import ONNX model or TensorFlow.js model.json',
  folder: 'Choose a folder',
};
const ACTIONS = { open: 'Open', save: 'Save', import: 'Import', folder: 'Use this folder' };

function join(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

export function FileBrowserDialog() {
  const req = usePromptStore((s) => s.browse);
  const { listing, error, load, clear } = useFolderListing();
  const [path, setPath] = useState('');

  useEffect(() => {
    if (!req) return;
    clear();
    // A suggested full path (Save As of a file that has one) starts in that file's folder.
    const { dir, name } = splitSuggestion(req.suggestedName ?? 'network.netd.json');
    const startDir =
      req.mode === 'save'
        ? dir
        : req.mode === 'folder'
          ? req.startDir?.trim() || undefined
          : undefined;
    void load(startDir)
      .then((l) => l ?? (startDir === undefined ? null : load()))
      .then((l) => {
        if (l && req.mode === 'save') setPath(join(l.dir, name));
        else if (l && req.mode === 'folder') setPath(l.dir);
        else setPath('');
      });
  }, [req, load, clear]);

  if (!req) return null;
  const saving = req.mode === 'save';
  const folders = req.mode === 'folder';
  const finish = (p: string | null) => req.resolve(p && p.trim() ? p.trim() : null);
  const enter = (e: DirEntry) => {
    if (e.kind === 'dir') {
      void load(e.path).then((l) => {
        if (l && saving) setPath(join(l.dir, path.split(/[\\/]/).pop() || 'network.netd.json'));
        if (l && folders) setPath(l.dir);
      });
    } else finish(e.path);
  };
  const pickable = req.mode === 'import' ? MODEL_FILE : NETWORK_FILE;
  const entries = (listing?.entries ?? []).filter(
    (e) => e.kind === 'dir' || (!folders && pickable.test(e.name)),
  );
  const goUp = () =>
    listing?.parent &&
    void load(listing.parent).then((l) => {
      if (l && folders) setPath(l.dir);
    });

  return (
    <Modal
      title={req.title ?? TITLES[req.mode]}
      onClose={() => finish(null)}
      wide
      testId="file-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => finish(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--accent"
            disabled={!path.trim()}
            onClick={() => finish(path)}
            data-testid="file-dialog-ok"
          >
            {req.actionLabel ?? ACTIONS[req.mode]}
          </button>
        </>
      }
    >
      <div className="file-browser">
        <div className="file-browser__bar">
          <button
            type="button"
            className="icon-btn"
            aria-label="Parent folder"
            disabled={!listing?.parent}
            onClick={goUp}
          >
            <Icon name="up" />
          </button>
          <span className="file-browser__dir" title={listing?.dir}>
            <bdi>{listing?.dir ?? '…'}</bdi>
          </span>
        </div>
        {error && (
          <p className="field__msg" role="alert">
            {error}
          </p>
        )}
        <ul
          className="file-browser__list"
          aria-label={folders ? 'Sub-folders' : 'Files and folders'}
        >
          {listing && entries.length === 0 && (
            <li className="panel-empty">
              {folders
                ? 'No sub-folders.'
                : `No folders or ${req.mode === 'import' ? 'ONNX models' : 'network files'} here.`}
            </li>
          )}
          {entries.map((e) => (
            <li key={e.path}>
              <button
                type="button"
                className={`file-browser__entry file-browser__entry--${e.kind}`}
                onClick={() => (e.kind === 'file' ? setPath(e.path) : enter(e))}
                onDoubleClick={() => enter(e)}
                data-testid={`file-entry-${e.name}`}
              >
                <Icon name={e.kind === 'dir' ? 'folder' : 'file'} />
                {e.name}
              </button>
            </li>
          ))}
        </ul>
        <div className="field">
          <label htmlFor="file-path">{saving ? 'Save to' : folders ? 'Folder' : 'Path'}</label>
          <input
            id="file-path"
            type="text"
            value={path}
            spellCheck={false}
            placeholder={
              saving
                ? '/path/to/network.netd.json'
                : folders
                  ? '/path/to/folder'
                  : req.mode === 'import'
                    ? 'type the path of a .onnx model or pick one above'
                    : 'type a path or pick a file above'
            }
            data-testid="file-path"
            data-autofocus
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && path.trim()) finish(path);
            }}
          />
        </div>
      </div>
    </Modal>
  );
}
