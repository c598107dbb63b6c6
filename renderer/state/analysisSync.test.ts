/**
 * The renderer's side of the compact analysis reply, against the real host service (through JSON,
 * as over the socket): after each edit the store shows exactly the host's from-scratch analysis,
 * an edit of one layer is answered by a delta, unchanged layers keep their objects, and a host
 * that lost track (restarted) or a malformed reply never leaves a wrong analysis on screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalysisService, type AnalysisService } from '../../main/api/analysisService.ts';
import type { AnalysisUpdate, DocEdit } from '../../main/api/analysisUpdate.ts';
import { analyzeNetwork } from '../../main/network/analyze.ts';
import { computeStages } from '../../main/network/stages.ts';
import { chain } from '../../main/network/testDocs.ts';
import type { NetworkDoc } from '../../main/network/types.ts';

type Request = { doc?: NetworkDoc; edit?: DocEdit; since?: number };
const host: {
  service: AnalysisService;
  replies: AnalysisUpdate[];
  since: (number | undefined)[];
  requests: Request[];
  tamper?: (reply: Record<string, unknown>) => void;
} = { service: createAnalysisService(), replies: [], since: [], requests: [] };

vi.mock('../api/client.ts', () => ({
  api: {
    networkAnalyzeUpdate: async (req: Request) => {
      host.since.push(req.since);
      const wireReq = JSON.parse(JSON.stringify(req)) as Request;
      host.requests.push(wireReq);
      const reply = host.service.update(wireReq);
      host.replies.push(reply);
      const wire = JSON.parse(JSON.stringify(reply)) as Record<string, unknown>;
      host.tamper?.(wire);
      return wire;
    },
  },
}));

const { startAnalysisSync } = await import('./analysisSync.ts');
const { useAnalysisStore } = await import('./analysisStore.ts');
const { useDocStore } = await import('./docStore.ts');

const doc = chain(
  [16, 16, 3],
  ['Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }, 'c1'],
  ['Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }, 'c2'],
  ['GlobalAvgPool2D', {}, 'gap'],
  ['Dense', { units: 10 }, 'fc'],
);

function setFilters(id: string, filters: number): void {
  const d = useDocStore.getState().doc;
  useDocStore.setState({
    doc: {
      ...d,
      nodes: d.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, filters } } : n)),
    },
  });
}

/** Resolves once the store shows an analysis of the current doc. */
async function settled(): Promise<void> {
  await vi.waitFor(() => {
    const s = useAnalysisStore.getState();
    if (s.pending || !s.analysis) throw new Error('pending');
  });
}

function expectFresh(): void {
  const d = useDocStore.getState().doc;
  const a = analyzeNetwork(d);
  expect(useAnalysisStore.getState().analysis).toEqual({ ...a, stages: computeStages(d, a) });
}

let stop: () => void = () => undefined;
beforeEach(async () => {
  host.replies = [];
  host.since = [];
  host.requests = [];
  host.tamper = undefined;
  useDocStore.setState({ doc });
  stop = startAnalysisSync();
  await settled();
});
afterEach(() => stop());

describe('analysis sync', () => {
  it('shows the host analysis after each edit, sent as a delta that keeps unchanged layers', async () => {
    expectFresh();
    const before = useAnalysisStore.getState().analysis!;
    setFilters('c2', 12);
    await settled();
    expectFresh();
    const last = host.replies.at(-1)!;
    expect(last.kind).toBe('delta');
    expect(last.kind === 'delta' && Object.keys(last.nodes).sort()).toEqual(['c2', 'fc', 'gap']);
    const after = useAnalysisStore.getState().analysis!;
    expect(after.nodes['c1']).toBe(before.nodes['c1']);
    // The document went as an edit: the one changed node, not the whole network.
    const request = host.requests.at(-1)!;
    expect(request.doc).toBeUndefined();
    expect(request.edit?.nodes.map((n) => n.id)).toEqual(['c2']);
    expect(after.nodes['c2']).not.toBe(before.nodes['c2']);
  });

  it('shows only the last state of several edits made in one task', async () => {
    setFilters('c1', 4);
    setFilters('c1', 6);
    setFilters('c2', 5);
    await settled();
    expectFresh();
    expect(useAnalysisStore.getState().analysis!.nodes['c2']!.outputShape).toEqual([16, 16, 5]);
  });

  it('sends the document whole and gets a whole analysis when the host was restarted', async () => {
    host.service = createAnalysisService();
    setFilters('c1', 7);
    await settled();
    expectFresh();
    expect(host.replies.slice(-2).map((r) => r.kind)).toEqual(['stale', 'full']);
    expect(host.requests.at(-1)!.doc).toBeDefined();
  });

  it('asks again whole when a delta does not apply to what it holds', async () => {
    let once = true;
    host.tamper = (reply) => {
      if (reply.kind === 'delta' && once) reply.base = 1;
      once = false;
    };
    setFilters('c1', 3);
    await settled();
    expectFresh();
    expect(host.since.at(-1)).toBeUndefined();
    expect(host.replies.at(-1)!.kind).toBe('full');
  });

  it('reports a malformed reply instead of showing it', async () => {
    const shownBefore = useAnalysisStore.getState().analysis;
    host.tamper = (reply) => {
      reply.totals = 'lots';
    };
    setFilters('c1', 9);
    await vi.waitFor(() => expect(useAnalysisStore.getState().hostError).toMatch(/malformed/));
    expect(useAnalysisStore.getState().analysis).toBe(shownBefore);
  });
});
