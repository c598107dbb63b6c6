/**
 * One folder on the host's disk listed through `api.filesList`, for the folder and file pickers
 * (the browser cannot see the disk itself).
 */
import { useCallback, useState } from 'react';
import type { DirEntry } from '../../main/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';

export interface FolderListing {
  dir: string;
  parent: string | null;
  entries: DirEntry[];
}

/**
 * Hook: the folder last listed, the last listing error and whether a listing is in flight. `load`
 * lists `dir` (the host's home folder when omitted) and resolves to the listing, or null when it
 * failed (the error is then in `error`, and the previous listing stays); `clear` forgets the listing.
 */
export function useFolderListing() {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (dir?: string): Promise<FolderListing | null> => {
    setLoading(true);
    try {
      const next = await api.filesList(dir === undefined ? {} : { dir });
      setListing(next);
      setError(null);
      return next;
    } catch (err) {
      setError(errorMessage(err));
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  const clear = useCallback(() => setListing(null), []);

  return { listing, error, loading, load, clear };
}
