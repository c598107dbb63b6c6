// @vitest-environment happy-dom
/**
 * On the desktop the host writes an export only where its native dialogs answered (an injected
 * script must not pick a path): Export model and Export take their destination from those dialogs.
 * In the browser (serve mode) the typed path and the in-app file browser stay.
 */
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetdApi } from '../../main/api/contract.ts';
import { inputConv } from '../../main/network/testDocs.ts';
import { fileDialogs, setFileDialogs, type FileDialogs } from '../files/dialogs.ts';
import { useDocStore } from '../state/docStore.ts';
import { render, type Rendered } from '../testing/render.tsx';
import { ResultCard } from '../training/ResultCard.tsx';
import type { RunView } from '../training/runView.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { closeExport, openExport } from './exportStore.ts';

const runsExportModel = vi.fn(async ({ dir }: { dir: string }) => ({ path: `${dir}/Tiny-r1` }));
const exportDesign = vi.fn(async ({ out }: { out: string }) => ({
  written: true as const,
  paths: [out],
  message: 'written',
}));

beforeAll(() => {
  // The desktop preload's `window.netd`: the renderer's API client uses it when present.
  (window as unknown as { netd: Partial<NetdApi> }).netd = {
    runsExportModel,
    exportDesign,
  } as unknown as NetdApi;
});

const view: RunView = {
  runId: 'r1',
  status: 'done',
  live: false,
  backend: null,
  options: null,
  batchPoints: [],
  epochs: [],
  confusion: null,
  classes: [],
  testAccuracy: 0.9,
  valAccuracy: 0.9,
  message: null,
  hint: null,
  hasModel: true,
};

const browserDialogs = fileDialogs();
let rendered: Rendered | null = null;
beforeEach(() => {
  runsExportModel.mockClear();
  exportDesign.mockClear();
});
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  setFileDialogs(browserDialogs);
  closeExport();
});

function desktopDialogs(answers: { folder?: string | null; export?: string | null }) {
  const dialogs: FileDialogs = {
    openDialog: async () => null,
    saveDialog: async () => null,
    folderDialog: vi.fn(async () => answers.folder ?? null),
    exportDialog: vi.fn(async () => answers.export ?? null),
  };
  setFileDialogs(dialogs);
  return dialogs;
}

async function click(el: Element | null | undefined): Promise<void> {
  expect(el).toBeTruthy();
  await act(async () => {
    (el as HTMLElement).click();
  });
}

describe('Export model', () => {
  it('on the desktop, exports into the folder chosen in the native dialog, with no typed path', async () => {
    const dialogs = desktopDialogs({ folder: '/home/u/models' });
    rendered = render(<ResultCard view={view} />);
    expect(rendered.container.querySelector('#tr-export-dir')).toBeNull();
    await click(rendered.container.querySelector('[data-testid="export-model-native"]'));
    expect(dialogs.folderDialog).toHaveBeenCalledOnce();
    expect(runsExportModel).toHaveBeenCalledWith({ runId: 'r1', dir: '/home/u/models' });
    expect(rendered.container.textContent).toContain('Saved to /home/u/models/Tiny-r1');
  });

  it('on the desktop, a cancelled dialog exports nothing', async () => {
    desktopDialogs({ folder: null });
    rendered = render(<ResultCard view={view} />);
    await click(rendered.container.querySelector('[data-testid="export-model-native"]'));
    expect(runsExportModel).not.toHaveBeenCalled();
  });

  it('in the browser, keeps the typed folder and the in-app browser', () => {
    rendered = render(<ResultCard view={view} />);
    expect(rendered.container.querySelector('#tr-export-dir')).not.toBeNull();
    expect(rendered.container.querySelector('[data-testid="export-model-native"]')).toBeNull();
  });
});

describe('Export (the design)', () => {
  it('on the desktop, confirms the destination in the native Save dialog before writing', async () => {
    useDocStore.getState().reset(inputConv('Tiny'));
    const dialogs = desktopDialogs({ export: '/home/u/out/tiny.onnx' });
    rendered = render(<ExportDialog />);
    rendered.update(() => openExport({}));
    await click(rendered.container.querySelector('[data-testid="export-run"]'));
    expect(dialogs.exportDialog).toHaveBeenCalledOnce();
    expect(exportDesign).toHaveBeenCalledOnce();
    expect(exportDesign.mock.calls[0]![0]).toMatchObject({ out: '/home/u/out/tiny.onnx' });
    // Exporting again to the path just chosen does not ask a second time.
    await click(rendered.container.querySelector('[data-testid="export-run"]'));
    expect(dialogs.exportDialog).toHaveBeenCalledOnce();
    expect(exportDesign).toHaveBeenCalledTimes(2);
  });

  it('on the desktop, a cancelled Save dialog writes nothing', async () => {
    useDocStore.getState().reset(inputConv('Tiny'));
    desktopDialogs({ export: null });
    rendered = render(<ExportDialog />);
    rendered.update(() => openExport({}));
    await click(rendered.container.querySelector('[data-testid="export-run"]'));
    expect(exportDesign).not.toHaveBeenCalled();
  });
});
