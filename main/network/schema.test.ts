/** The file envelope schema: structural checks only, clear version message. */
import { describe, expect, it } from 'vitest';
import { networkDocSchema } from './schema.ts';

const base = { format: 'netdesigner.network', version: 1, name: 'n', nodes: [], edges: [] };

describe('networkDocSchema', () => {
  it('accepts a minimal document and fills optional parts', () => {
    const doc = networkDocSchema.parse({
      ...base,
      name: undefined,
      nodes: [{ id: 'a', type: 'Input' }],
    });
    expect(doc.name).toBe('Untitled');
    expect(doc.nodes[0]!.params).toEqual({});
  });

  it('leaves layer types and params to analysis', () => {
    const nodes = [{ id: 'a', type: 'Whatever', params: { x: [1, 'y'] } }];
    expect(networkDocSchema.safeParse({ ...base, nodes }).success).toBe(true);
  });

  it('says when a file comes from a newer NetDesigner', () => {
    const r = networkDocSchema.safeParse({ ...base, version: 3 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('newer NetDesigner');
  });

  it.each([
    ['wrong format', { ...base, format: 'onnx' }, ['format']],
    ['empty id', { ...base, nodes: [{ id: '', type: 'Input' }] }, ['nodes', 0, 'id']],
    [
      'bad position',
      { ...base, nodes: [{ id: 'a', type: 'Input', position: { x: 'left', y: 0 } }] },
      ['nodes', 0, 'position', 'x'],
    ],
    ['edge without target', { ...base, edges: [{ source: 'a' }] }, ['edges', 0, 'target']],
  ])('rejects %s at its path', (_n, doc, path) => {
    const r = networkDocSchema.safeParse(doc);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(path);
  });
});
