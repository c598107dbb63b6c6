/** Help › About: what NetDesigner is, its version, and the keyboard shortcuts. */
import { version } from '../../package.json';
import { useUiStore } from '../state/uiStore.ts';
import { Modal } from '../ui/Modal.tsx';

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

const SHORTCUTS: [string, string][] = [
  [`${MOD}Z`, 'Undo'],
  [`${MOD}Shift+Z`, 'Redo'],
  [`${MOD}C / ${MOD}V`, 'Copy / paste layers'],
  [`${MOD}D`, 'Duplicate the selection'],
  [`${MOD}A`, 'Select all'],
  ['Del', 'Delete the selection'],
  [`${MOD}S / ${MOD}Shift+S`, 'Save / save as'],
  [`${MOD}O`, 'Open'],
  ['F', 'Fit the network in view'],
  ['Shift+drag', 'Box select'],
  ['Arrow keys', 'Nudge the selected layers'],
  ['F6 / Shift+F6', 'Next / previous panel'],
];

export function AboutDialog() {
  const open = useUiStore((s) => s.dialog === 'about');
  if (!open) return null;
  const close = () => useUiStore.getState().openDialog(null);
  const host = window.netdDesktop ? 'desktop app' : 'local web host';
  return (
    <Modal
      title="About NetDesigner"
      onClose={close}
      testId="about-dialog"
      footer={
        <button type="button" className="btn btn--accent" onClick={close} data-autofocus>
          Close
        </button>
      }
    >
      <p className="about__lead">
        <strong>NetDesigner {version}</strong> — design convolutional networks visually, see every
        shape and count live, and train them on your own machine.
      </p>
      <p className="about__meta">
        Running as the {host}. MIT licence. Network files are plain JSON (<code>*.netd.json</code>
        ); the <code>netd</code> command line reads the same files.
      </p>
      <h3 className="about__heading">Keyboard shortcuts</h3>
      <dl className="about__keys">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
