/** The in-app confirmation asked by `askConfirm`. */
import { usePromptStore } from '../state/promptStore.ts';
import { Modal } from './Modal.tsx';

export function ConfirmDialog() {
  const req = usePromptStore((s) => s.confirm);
  if (!req) return null;
  return (
    <Modal
      title={req.title}
      onClose={() => req.resolve(false)}
      testId="confirm-dialog"
      footer={
        <>
          <button
            type="button"
            className="btn"
            onClick={() => req.resolve(false)}
            data-testid="confirm-cancel"
          >
            {req.cancelLabel ?? 'Cancel'}
          </button>
          <button
            type="button"
            className={`btn ${req.danger ? 'btn--danger' : 'btn--accent'}`}
            onClick={() => req.resolve(true)}
            data-testid="confirm-ok"
            data-autofocus
          >
            {req.confirmLabel}
          </button>
        </>
      }
    >
      <p>{req.message}</p>
    </Modal>
  );
}
