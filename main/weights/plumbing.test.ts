/** The starting weights of a training request survive every boundary on the way to the trainer. */
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../api/schemas.ts';
import { parentToChildSchema } from '../training/process/messages.ts';
import { smallBnNet } from '../network/testDocs.ts';

describe('a training request with starting weights', () => {
  it('is accepted by the API (training:start) with its weights path', () => {
    const parsed = requestSchemas.trainingStart.parse({
      doc: smallBnNet(),
      data: 'synthetic',
      weights: 'nets/tiny.weights.safetensors',
    });
    expect(parsed.weights).toBe('nets/tiny.weights.safetensors');
  });

  it('keeps its weights path on the way to the trainer process', () => {
    const msg = parentToChildSchema.parse({
      type: 'start',
      runId: 'r',
      runsDir: '/runs',
      request: { doc: smallBnNet(), data: 'synthetic', options: {}, weights: '/w.safetensors' },
    });
    expect(msg.type === 'start' && msg.request.weights).toBe('/w.safetensors');
  });
});
