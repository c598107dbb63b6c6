import { beforeEach, describe, expect, it } from 'vitest';
import { inputConv } from '../../main/network/testDocs.ts';
import { setParam } from '../graph/ops.ts';
import { endCoalesce, redo, undo, useDocStore } from './docStore.ts';
import { sameStructure } from './analysisSync.ts';

const start = inputConv('Test', { filters: 4, kernelSize: 3 });

const filters = () => useDocStore.getState().doc.nodes[1]?.params['filters'];
const past = () => useDocStore.temporal.getState().pastStates.length;

describe('document history', () => {
  beforeEach(() => useDocStore.getState().reset(start));

  it('undoes and redoes a finished edit', () => {
    useDocStore.getState().edit((d) => setParam(d, 'conv1', 'filters', 8));
    expect(filters()).toBe(8);
    undo();
    expect(filters()).toBe(4);
    redo();
    expect(filters()).toBe(8);
  });

  it('merges typing in one field into one undo step', () => {
    const { edit } = useDocStore.getState();
    edit((d) => setParam(d, 'conv1', 'filters', 1), 'conv1.filters');
    edit((d) => setParam(d, 'conv1', 'filters', 12), 'conv1.filters');
    edit((d) => setParam(d, 'conv1', 'filters', 128), 'conv1.filters');
    expect(past()).toBe(1);
    endCoalesce();
    edit((d) => setParam(d, 'conv1', 'filters', 64), 'conv1.filters');
    expect(past()).toBe(2);
    undo();
    expect(filters()).toBe(128);
    undo();
    expect(filters()).toBe(4);
  });

  it('records a finished drag as one step of its own, and an unmoved drop as none', () => {
    const s = useDocStore.getState();
    s.edit((d) => setParam(d, 'conv1', 'filters', 8), 'conv1.filters');
    s.commitMove(new Map([['conv1', { x: 30, y: 150 }]]));
    expect(past()).toBe(2);
    s.commitMove(new Map([['conv1', { x: 30, y: 150 }]]));
    expect(past()).toBe(2);
    expect(useDocStore.getState().doc.nodes[1]?.position).toEqual({ x: 30, y: 150 });
    undo();
    expect(useDocStore.getState().doc.nodes[1]?.position).toEqual({ x: 0, y: 120 });
    expect(filters()).toBe(8);
  });

  it('starts a fresh history when a document is opened', () => {
    useDocStore.getState().edit((d) => setParam(d, 'conv1', 'filters', 8));
    useDocStore.getState().reset(start);
    expect(past()).toBe(0);
  });

  it('needs no re-analysis when only positions change', () => {
    const s = useDocStore.getState();
    const before = s.doc;
    s.commitMove(new Map([['conv1', { x: 50, y: 50 }]]));
    expect(sameStructure(before, useDocStore.getState().doc)).toBe(true);
    useDocStore.getState().edit((d) => setParam(d, 'conv1', 'filters', 9));
    expect(sameStructure(before, useDocStore.getState().doc)).toBe(false);
  });
});
