import { describe, expect, it } from 'vitest';
import { canvasHint } from './canvasHint.ts';

const input = { id: 'input1', type: 'Input', params: { shape: [32, 32, 3] } };

describe('canvas hint', () => {
  it('says how to start on an empty canvas', () => {
    expect(canvasHint({ nodes: [] })).toMatch(/palette.*template/);
  });

  it('tells a new network (only an Input) what to add next', () => {
    expect(canvasHint({ nodes: [input] })).toMatch(/add a layer after the Input/);
  });

  it('goes away once there is a layer after the Input', () => {
    expect(canvasHint({ nodes: [input, { id: 'c', type: 'Conv2D', params: {} }] })).toBeNull();
  });
});
