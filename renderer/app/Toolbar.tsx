/** The top toolbar: file, edit, view, templates, export, theme and train commands, and the title. */
import { useStore } from 'zustand';
import { importModel, newNetwork, openFile, openPath, save, saveAs } from '../files/fileActions.ts';
import { autoLayout } from '../state/commands.ts';
import { redo, undo, useDocStore } from '../state/docStore.ts';
import { baseName, useDirty, useFileStore } from '../state/fileStore.ts';
import { useUiStore, type ThemePref } from '../state/uiStore.ts';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { Menu } from '../ui/Menu.tsx';
import {
  compareCurrentWithFile,
  compareTwoFiles,
  compareWithOriginal,
  duplicateAsVariant,
} from '../compare/compareActions.ts';
import { useCompareStore } from '../compare/compareStore.ts';
import { exportAs, fitView, openTraining, showAbout } from './appCommands.ts';
import { DiagramMenu } from './DiagramMenu.tsx';
import { openExport } from '../export/exportStore.ts';

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function ToolButton(props: {
  icon: IconName;
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
  primary?: boolean;
  /** Keep the text label on narrower windows (the most used commands). */
  keepLabel?: boolean;
}) {
  const title = props.shortcut ? `${props.label} (${props.shortcut})` : props.label;
  return (
    <button
      type="button"
      className={`tool-btn${props.primary ? ' tool-btn--primary' : ''}${props.keepLabel ? ' tool-btn--keep' : ''}`}
      onClick={props.onClick}
      disabled={props.disabled}
      title={title}
      aria-label={props.label}
      data-testid={props.testId}
    >
      <Icon name={props.icon} />
      <span className="tool-btn__text">{props.label}</span>
    </button>
  );
}

/** Designer | Training: each view has the window to itself, the other one a click away. */
function ViewSwitch() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  return (
    <div className="view-switch" role="group" aria-label="View">
      <button
        type="button"
        className="view-switch__btn"
        aria-pressed={view === 'designer'}
        onClick={() => setView('designer')}
        data-testid="view-designer"
        title="Design the network"
      >
        <Icon name="layout" />
        <span>Designer</span>
      </button>
      <button
        type="button"
        className="view-switch__btn"
        aria-pressed={view === 'training'}
        onClick={openTraining}
        data-testid="cmd-train"
        title="Train the network and compare runs"
      >
        <Icon name="train" />
        <span>Training</span>
      </button>
    </div>
  );
}

export function Toolbar() {
  const name = useDocStore((s) => s.doc.name);
  const path = useFileStore((s) => s.path);
  const recent = useFileStore((s) => s.recent);
  const dirty = useDirty();
  const canUndo = useStore(useDocStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDocStore.temporal, (s) => s.futureStates.length > 0);
  const theme = useUiStore((s) => s.theme);
  const setTheme = useUiStore((s) => s.setTheme);
  const themes: { id: ThemePref; label: string }[] = [
    { id: 'system', label: 'System' },
    { id: 'light', label: 'Light' },
    { id: 'dark', label: 'Dark' },
  ];

  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <div className="toolbar__brand" aria-hidden="true">
        <svg width="22" height="22" viewBox="0 0 22 22">
          <rect x="1" y="1" width="20" height="20" rx="5" fill="var(--accent)" />
          <circle cx="7" cy="7" r="2" fill="#fff" />
          <circle cx="15" cy="7" r="2" fill="#fff" />
          <circle cx="11" cy="15" r="2" fill="#fff" />
          <path d="M7 7L11 15M15 7L11 15" stroke="#fff" strokeWidth="1.3" />
        </svg>
      </div>
      <div className="toolbar__group" aria-label="File">
        <ToolButton icon="new" label="New" onClick={() => void newNetwork()} testId="cmd-new" />
        <ToolButton
          icon="open"
          label="Open"
          shortcut={`${MOD}O`}
          onClick={() => void openFile()}
          testId="cmd-open"
          keepLabel
        />
        <Menu
          label="Recent"
          icon="recent"
          testId="cmd-recent"
          empty="No recent files"
          items={recent.slice(0, 10).map((r) => ({
            label: r.name || baseName(r.path),
            hint: r.path,
            onSelect: () => void openPath(r.path),
          }))}
        />
        <ToolButton
          icon="import"
          label="Import…"
          onClick={() => void importModel()}
          testId="cmd-import"
        />
        <ToolButton
          icon="save"
          label="Save"
          shortcut={`${MOD}S`}
          onClick={() => void save()}
          testId="cmd-save"
          keepLabel
        />
        <ToolButton
          icon="saveAs"
          label="Save As"
          shortcut={`${MOD}Shift+S`}
          onClick={() => void saveAs()}
          testId="cmd-save-as"
        />
      </div>
      <div className="toolbar__group" aria-label="Edit">
        <ToolButton
          icon="undo"
          label="Undo"
          shortcut={`${MOD}Z`}
          onClick={undo}
          disabled={!canUndo}
          testId="cmd-undo"
        />
        <ToolButton
          icon="redo"
          label="Redo"
          shortcut={`${MOD}Shift+Z`}
          onClick={redo}
          disabled={!canRedo}
          testId="cmd-redo"
        />
      </div>
      <div className="toolbar__group" aria-label="View">
        <ToolButton icon="layout" label="Auto layout" onClick={autoLayout} testId="cmd-layout" />
        <ToolButton icon="fit" label="Fit" shortcut="F" onClick={fitView} testId="cmd-fit" />
        <DiagramMenu />
      </div>
      <div className="toolbar__group">
        <ToolButton
          icon="templates"
          label="Templates"
          onClick={() => {
            useCompareStore.getState().setGalleryTab('templates');
            useUiStore.getState().openDialog('templates');
          }}
          testId="cmd-templates"
          keepLabel
        />
        <Menu
          label="Compare"
          icon="compare"
          testId="cmd-compare"
          items={[
            {
              label: 'Duplicate as variant',
              hint: 'keep this design to compare the edited copy with',
              onSelect: duplicateAsVariant,
              testId: 'compare-variant',
            },
            {
              label: 'Variant with original',
              onSelect: () => void compareWithOriginal(),
              testId: 'compare-original',
            },
            {
              label: 'This design with a file…',
              onSelect: () => void compareCurrentWithFile(),
              testId: 'compare-file',
            },
            {
              label: 'Two files…',
              onSelect: () => void compareTwoFiles(),
              testId: 'compare-files',
            },
            {
              label: 'Examples…',
              hint: 'classic comparisons, explained',
              onSelect: () => {
                useCompareStore.getState().setGalleryTab('examples');
                useUiStore.getState().openDialog('templates');
              },
              testId: 'compare-examples',
            },
          ]}
        />
        <Menu
          label="Export"
          icon="image"
          testId="cmd-export"
          items={[
            { label: 'Diagram as PNG', onSelect: () => void exportAs('png'), testId: 'export-png' },
            { label: 'Diagram as SVG', onSelect: () => void exportAs('svg'), testId: 'export-svg' },
            {
              label: 'Code or model…',
              hint: 'PyTorch code (± train.py), ONNX, Keras code',
              onSelect: () => openExport(),
              testId: 'export-model',
            },
          ]}
        />
      </div>
      <div className="toolbar__title" title={path ?? 'Not saved yet'}>
        <span className="toolbar__name" data-testid="doc-title">
          {name || 'Untitled'}
        </span>
        {dirty && (
          <span
            className="toolbar__dirty"
            data-testid="dirty-marker"
            aria-label="unsaved changes"
            title="Unsaved changes"
          >
            •
          </span>
        )}
        <span className="toolbar__path">{path ? baseName(path) : 'not saved'}</span>
      </div>
      <div className="toolbar__group toolbar__group--end">
        <Menu
          label="Theme"
          icon={theme === 'dark' ? 'moon' : theme === 'light' ? 'sun' : 'system'}
          testId="cmd-theme"
          items={themes.map((t) => ({
            label: t.label,
            checked: theme === t.id,
            onSelect: () => setTheme(t.id),
            testId: `theme-${t.id}`,
          }))}
        />
        <button
          type="button"
          className="icon-btn"
          onClick={showAbout}
          aria-label="About and keyboard shortcuts"
          title="About and keyboard shortcuts"
          data-testid="cmd-about"
        >
          <Icon name="help" />
        </button>
        <ViewSwitch />
      </div>
    </header>
  );
}
