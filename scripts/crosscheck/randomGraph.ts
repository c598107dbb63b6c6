/**
 * Random valid networks for the PyTorch cross-check: chains with parallel branches merged by Add
 * or Concat, convs and pools with every padding mode, normalisation layers and composite blocks.
 * Shapes are tracked here (independently of the engine) so every graph is valid by construction.
 */
import { ACTIVATIONS as ALL_ACTIVATIONS } from '../../main/network/catalog/params.ts';
import { NetworkBuilder } from '../../main/templates/builder.ts';
import type { NetworkDoc } from '../../main/network/types.ts';
import type { Rng } from './rng.ts';

type Spatial = [number, number, number];
type Padding = 'valid' | 'same' | number;

interface Cursor {
  id: string;
  shape: Spatial;
}

// Softmax only ends the classifier head (added there), as in the networks students build.
const ACTIVATIONS = ALL_ACTIVATIONS.filter((a) => a !== 'softmax');

/** DESIGN.md's padding rule for one axis. */
function windowOut(size: number, k: number, s: number, p: Padding, d = 1): number {
  if (p === 'same') return Math.ceil(size / s);
  const pad = p === 'valid' ? 0 : p;
  return Math.floor((size + 2 * pad - d * (k - 1) - 1) / s) + 1;
}

class Generator {
  private readonly b = new NetworkBuilder();
  private count = 0;

  constructor(private readonly rng: Rng) {}

  private id(prefix: string): string {
    return `${prefix}${++this.count}`;
  }

  private add(
    prefix: string,
    type: string,
    params: Record<string, unknown>,
    from: string[],
  ): string {
    return this.b.add(this.id(prefix), type, params, { from });
  }

  input(): Cursor {
    const r = this.rng;
    const h = r.pick([12, 16, 20, 28, 32]);
    const w = r.chance(0.25) ? r.pick([12, 16, 24]) : h;
    const c = r.pick([1, 3, 3]);
    const id = this.b.add('input', 'Input', { shape: [h, w, c] });
    return { id, shape: [h, w, c] };
  }

  conv(cur: Cursor, opts: { keepSize?: boolean; filters?: number } = {}): Cursor {
    const r = this.rng;
    const [h, w] = cur.shape;
    const kh = r.pick([1, 3, 3, 5]);
    const kw = r.chance(0.15) ? r.pick([1, 3, 5]) : kh;
    const filters = opts.filters ?? r.int(2, 24);
    const s = opts.keepSize ? 1 : r.chance(0.3) ? 2 : 1;
    const d = !opts.keepSize && r.chance(0.1) ? 2 : 1;
    let padding: Padding = opts.keepSize ? 'same' : r.pick<Padding>(['valid', 'same', 0, 1, 2]);
    if (windowOut(h, kh, s, padding, d) < 1 || windowOut(w, kw, s, padding, d) < 1)
      padding = 'same';
    const params: Record<string, unknown> = {
      filters,
      kernelSize: kh === kw && r.chance(0.7) ? kh : [kh, kw],
      padding,
    };
    if (s !== 1 || r.chance(0.2)) params.strides = s;
    if (d !== 1) params.dilation = d;
    if (r.chance(0.3)) params.useBias = false;
    if (r.chance(0.6)) params.activation = r.pick(ACTIVATIONS);
    const id = this.add('conv', 'Conv2D', params, [cur.id]);
    return {
      id,
      shape: [windowOut(h, kh, s, padding, d), windowOut(w, kw, s, padding, d), filters],
    };
  }

  pool(cur: Cursor): Cursor {
    const r = this.rng;
    const [h, w, c] = cur.shape;
    const k = r.pick([2, 2, 3]);
    const s = r.chance(0.6) ? k : r.pick([1, 2]);
    // PyTorch pools accept at most half the window as padding.
    let padding: Padding = r.pick<Padding>(['valid', 'valid', 'same', Math.floor(k / 2)]);
    if (windowOut(h, k, s, padding) < 1 || windowOut(w, k, s, padding) < 1) padding = 'same';
    const params: Record<string, unknown> = { poolSize: k, padding };
    if (s !== k) params.strides = s;
    const id = this.add('pool', r.pick(['MaxPool2D', 'AvgPool2D']), params, [cur.id]);
    return { id, shape: [windowOut(h, k, s, padding), windowOut(w, k, s, padding), c] };
  }

  simple(cur: Cursor): Cursor {
    const r = this.rng;
    const kind = r.pick(['BatchNorm', 'Activation', 'Dropout', 'LRN'] as const);
    const params: Record<string, unknown> =
      kind === 'Activation'
        ? { fn: r.pick(ACTIVATIONS.filter((a) => a !== 'linear')) }
        : kind === 'Dropout'
          ? { rate: r.pick([0.1, 0.25, 0.5]) }
          : kind === 'LRN'
            ? { depthRadius: r.int(1, 3) }
            : {};
    return { id: this.add(kind.toLowerCase(), kind, params, [cur.id]), shape: cur.shape };
  }

  /** 2–3 parallel branches of same-size convs merged by Add (equal shapes) or Concat (channels summed). */
  branches(cur: Cursor): Cursor {
    const r = this.rng;
    const add = r.chance(0.5);
    const n = r.int(2, 3);
    const filters = add ? (r.chance(0.5) ? cur.shape[2] : r.int(2, 16)) : 0;
    const ends: Cursor[] = [];
    for (let i = 0; i < n; i++) {
      if (add && filters === cur.shape[2] && i === 0 && r.chance(0.5)) {
        ends.push(cur); // identity shortcut
        continue;
      }
      if (!add && r.chance(0.25)) {
        const id = this.add('bpool', 'MaxPool2D', { poolSize: 3, strides: 1, padding: 'same' }, [
          cur.id,
        ]);
        ends.push({ id, shape: cur.shape });
        continue;
      }
      let b = cur;
      const depth = r.int(1, 2);
      for (let j = 0; j < depth; j++) {
        b = this.conv(b, {
          keepSize: true,
          filters: add && j === depth - 1 ? filters : r.int(2, 16),
        });
        if (r.chance(0.3)) b = this.simple(b);
      }
      ends.push(b);
    }
    const [h, w] = cur.shape;
    const channels = add ? ends[0]!.shape[2] : ends.reduce((sum, e) => sum + e.shape[2], 0);
    const id = this.add(
      add ? 'add' : 'concat',
      add ? 'Add' : 'Concat',
      {},
      ends.map((e) => e.id),
    );
    return { id, shape: [h, w, channels] };
  }

  inception(cur: Cursor): Cursor {
    const r = this.rng;
    const p = {
      b1: r.int(1, 8),
      b3r: r.int(1, 8),
      b3: r.int(1, 8),
      b5r: r.int(1, 8),
      b5: r.int(1, 8),
      poolProj: r.int(1, 8),
      batchNorm: r.chance(0.4),
    };
    const id = this.add('inception', 'Inception', p, [cur.id]);
    return { id, shape: [cur.shape[0], cur.shape[1], p.b1 + p.b3 + p.b5 + p.poolProj] };
  }

  residual(cur: Cursor): Cursor {
    const r = this.rng;
    const variant = r.pick(['basic', 'bottleneck'] as const);
    const filters = r.chance(0.3) && variant === 'basic' ? cur.shape[2] : r.int(2, 12);
    const strides = r.chance(0.3) ? 2 : 1;
    const id = this.add('res', 'ResidualBlock', { variant, filters, strides }, [cur.id]);
    const out = variant === 'bottleneck' ? 4 * filters : filters;
    // 3×3, pad 1, stride s.
    return {
      id,
      shape: [windowOut(cur.shape[0], 3, strides, 1), windowOut(cur.shape[1], 3, strides, 1), out],
    };
  }

  head(cur: Cursor): void {
    const r = this.rng;
    const [h, w, c] = cur.shape;
    const flat = h * w * c <= 4096 && r.chance(0.4);
    let id = this.add(
      flat ? 'flatten' : 'gap',
      flat ? 'Flatten' : r.pick(['GlobalAvgPool2D', 'GlobalMaxPool2D']),
      {},
      [cur.id],
    );
    if (r.chance(0.5)) {
      id = this.add('dense', 'Dense', { units: r.int(4, 48), activation: r.pick(ACTIVATIONS) }, [
        id,
      ]);
      if (r.chance(0.3)) id = this.add('bn', 'BatchNorm', {}, [id]);
      if (r.chance(0.5)) id = this.add('dropout', 'Dropout', { rate: 0.3 }, [id]);
    }
    const params: Record<string, unknown> = { units: r.int(2, 10), activation: 'softmax' };
    if (r.chance(0.2)) params.useBias = false;
    this.add('fc', 'Dense', params, [id]);
  }

  build(name: string): NetworkDoc {
    return this.b.build(name, 'random graph for the PyTorch cross-check');
  }
}

/** One random valid network named `name`, fully determined by `rng`'s state. */
export function randomGraph(rng: Rng, name: string): NetworkDoc {
  const g = new Generator(rng);
  let cur = g.input();
  const steps = rng.int(3, 9);
  for (let i = 0; i < steps; i++) {
    const small = Math.min(cur.shape[0], cur.shape[1]) < 2;
    const roll = rng.next();
    if (roll < 0.3) cur = g.conv(cur);
    else if (roll < 0.42 && !small) cur = g.pool(cur);
    else if (roll < 0.57) cur = g.simple(cur);
    else if (roll < 0.77) cur = g.branches(cur);
    else if (roll < 0.87) cur = g.inception(cur);
    else cur = g.residual(cur);
  }
  g.head(cur);
  return g.build(name);
}
