import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Modal } from '../ui/Modal.tsx';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}

/**
 * The app's modal, portalled to <body>: the dashboard is a size container, which would otherwise
 * trap a fixed-position backdrop inside the bottom panel. The wrapper carries the dashboard's
 * colour variables to the portal.
 */
export function TrainingModal({ children, ...props }: Props) {
  return createPortal(
    <div className="tr-portal">
      <Modal {...props}>{children}</Modal>
    </div>,
    document.body,
  );
}
