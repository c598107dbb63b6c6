/**
 * Freshly initialised weights for an untrained design, as PyTorch initialises its layers (so an
 * exported untrained model behaves like `torchvision.models.x()`): convolution and linear weights
 * and biases uniform in ±1/√fan_in, BatchNorm γ = 1, β = 0, mean 0, variance 1. Seeded.
 */
import type { NetworkDoc } from '../../../network/types.ts';
import { createRng } from '../../../training/data/rng.ts';
import { expectedWeights, type Weights } from '../../../weights/index.ts';

/** Weights for every tensor the design expects, reproducible from `seed`. */
export function freshWeights(doc: NetworkDoc, seed = 0): Weights {
  const rng = createRng(seed);
  const specs = expectedWeights(doc);
  const fanIn = new Map<string, number>();
  for (const s of specs)
    if (s.weight === 'kernel')
      fanIn.set(
        s.nodeId,
        s.shape.slice(0, -1).reduce((a, b) => a * b, 1),
      );
  const out: Weights = new Map();
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    if (s.weight === 'kernel' || s.weight === 'bias') {
      const bound = 1 / Math.sqrt(fanIn.get(s.nodeId) ?? 1);
      for (let i = 0; i < n; i++) data[i] = (rng.next() * 2 - 1) * bound;
    } else if (s.weight === 'gamma' || s.weight === 'moving_variance') data.fill(1);
    out.set(s.name, { shape: [...s.shape], data });
  }
  return out;
}
