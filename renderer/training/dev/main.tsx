/**
 * Dev harness for the training dashboard (not shipped: no index.html references it). Open
 * /training/dev/ on the Vite dev server; `?theme=dark`, `?fail=30` (NaN at step 30), `?fast=1`, `?width=840`.
 */
import { createRoot } from 'react-dom/client';
import '../../app/theme.css';
import '../../app/app.css';
import type { NetworkDoc } from '../../../main/network/types.ts';
import { createFakeHost } from './fakeHost.ts';

const params = new URLSearchParams(window.location.search);
const fail = params.get('fail');
window.netd = createFakeHost({
  batchMs: params.get('fast') ? 8 : 40,
  ...(fail ? { failAtStep: Number(fail) } : {}),
});
document.documentElement.dataset['theme'] = params.get('theme') === 'dark' ? 'dark' : 'light';

const doc: NetworkDoc = {
  format: 'netdesigner.network',
  version: 1,
  name: 'LeNet-5',
  nodes: [
    { id: 'in', type: 'Input', params: { shape: [32, 32, 3] } },
    { id: 'c1', type: 'Conv2D', params: { filters: 6, kernelSize: 5, activation: 'relu' } },
    { id: 'gap', type: 'GlobalAvgPool2D', params: {} },
    { id: 'fc', type: 'Dense', params: { units: 10, activation: 'softmax' } },
  ],
  edges: [
    { source: 'in', target: 'c1' },
    { source: 'c1', target: 'gap' },
    { source: 'gap', target: 'fc' },
  ],
};

// Imported after window.netd is set: the API client resolves the host on first use.
const [{ TrainingPanel }, { useDocStore }, { startAnalysisSync }] = await Promise.all([
  import('../TrainingPanel.tsx'),
  import('../../state/docStore.ts'),
  import('../../state/analysisSync.ts'),
]);
useDocStore.getState().reset(doc);
startAnalysisSync();

const root = document.getElementById('root');
const width = params.get('width');
if (root && width) root.style.width = `${width}px`;
if (root) createRoot(root).render(<TrainingPanel />);
