/** After a crash: "Restore unsaved work from …?" with Restore and Discard. */
import { api } from '../api/client.ts';
import { useDocStore } from '../state/docStore.ts';
import { useFileStore } from '../state/fileStore.ts';
import { useUiStore } from '../state/uiStore.ts';
import { layoutDoc } from '../graph/layout.ts';
import { Icon } from '../ui/Icon.tsx';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function RecoveryBanner() {
  const recovery = useFileStore((s) => s.recovery);
  if (!recovery) return null;
  const restore = () => {
    const doc = layoutDoc(recovery.doc, 'missing');
    // Restored work is unsaved by definition: it belongs to its file but differs from it.
    useDocStore.getState().reset(doc);
    useFileStore.getState().markSaved(recovery.path, null);
    useFileStore.getState().setRecovery(null);
    useUiStore.getState().requestFit();
  };
  const discard = () => {
    useFileStore.getState().setRecovery(null);
    void api.recoveryClear().catch(() => undefined);
  };
  return (
    <div className="banner" role="alert" data-testid="recovery-banner">
      <Icon name="recent" />
      <span>
        Restore unsaved work “{recovery.doc.name}”{recovery.path ? ` (${recovery.path})` : ''} from{' '}
        {when(recovery.savedAt)}?
      </span>
      <button
        type="button"
        className="btn btn--small btn--accent"
        onClick={restore}
        data-testid="recovery-restore"
      >
        Restore
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={discard}
        data-testid="recovery-discard"
      >
        Discard
      </button>
    </div>
  );
}
