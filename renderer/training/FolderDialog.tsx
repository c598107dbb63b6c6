import { useEffect } from 'react';
import { useFolderListing } from '../files/useFolderListing.ts';
import { Icon } from '../ui/Icon.tsx';
import { TrainingModal } from './TrainingModal.tsx';

interface Props {
  title: string;
  /** Start here (the host's home folder when empty). */
  initialDir: string;
  chooseLabel: string;
  onChoose(path: string): void;
  onClose(): void;
}

/**
 * Picks a folder on the host's disk (the browser cannot see it): lists sub-folders through the API
 * and returns the folder the user settles in.
 */
export function FolderDialog({ title, initialDir, chooseLabel, onChoose, onClose }: Props) {
  const { listing, error, loading, load } = useFolderListing();

  useEffect(() => {
    void load(initialDir.trim() || undefined);
  }, [initialDir, load]);

  const dirs = listing?.entries.filter((e) => e.kind === 'dir') ?? [];
  const files = listing?.entries.filter((e) => e.kind === 'file').length ?? 0;

  return (
    <TrainingModal
      title={title}
      onClose={onClose}
      footer={
        <>
          <span className="tr-muted tr-foot-note">
            {files > 0 ? `${files} file${files === 1 ? '' : 's'} here` : ''}
          </span>
          <button type="button" className="tr-button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="tr-button tr-button-primary"
            disabled={!listing}
            onClick={() => listing && onChoose(listing.dir)}
          >
            {chooseLabel}
          </button>
        </>
      }
    >
      <div className="tr-folder-dialog">
        <div className="tr-folder-path">
          <button
            type="button"
            className="tr-button tr-button-quiet"
            // aria-disabled keeps it focusable: the dialog focuses its first button on open.
            aria-disabled={!listing?.parent || loading}
            onClick={() => listing?.parent && !loading && void load(listing.parent)}
            aria-label="Parent folder"
          >
            <Icon name="up" size={14} /> Up
          </button>
          <code title={listing?.dir}>
            <bdi>{listing?.dir ?? '…'}</bdi>
          </code>
        </div>
        {error && (
          <p className="tr-error-line" role="alert">
            {error}
          </p>
        )}
        <ul className="tr-folder-list" aria-label="Sub-folders" aria-busy={loading}>
          {dirs.map((entry) => (
            <li key={entry.path}>
              <button type="button" onClick={() => void load(entry.path)}>
                <Icon name="folder" size={14} /> {entry.name}
              </button>
            </li>
          ))}
          {listing && dirs.length === 0 && (
            <li className="tr-muted tr-folder-empty">No sub-folders.</li>
          )}
        </ul>
      </div>
    </TrainingModal>
  );
}
