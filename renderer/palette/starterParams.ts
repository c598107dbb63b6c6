/**
 * Params a freshly added layer starts with: what a student would most likely pick, plus any
 * required param the catalog has no default for, so a new layer is valid as soon as it is wired.
 */
import type { LayerInfo } from '../../main/network/types.ts';

const STARTERS: Record<string, Record<string, unknown>> = {
  Input: { shape: [32, 32, 3] },
  Conv2D: { filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' },
  MaxPool2D: { poolSize: 2 },
  AvgPool2D: { poolSize: 2 },
  Dense: { units: 128, activation: 'relu' },
  Activation: { fn: 'relu' },
  Dropout: { rate: 0.5 },
  Inception: { b1: 64, b3r: 96, b3: 128, b5r: 16, b5: 32, poolProj: 32 },
  ResidualBlock: { variant: 'basic', filters: 64 },
};

/** Starting params for a new node of `info.type`. */
export function starterParams(info: LayerInfo | undefined, type: string): Record<string, unknown> {
  // The engine's suggestion first; ours (e.g. 'same' padding, ReLU) refine it for teaching.
  const params: Record<string, unknown> = {
    ...(info?.initialParams ?? {}),
    ...(STARTERS[type] ?? {}),
  };
  for (const spec of info?.params ?? []) {
    if (!spec.required || spec.name in params) continue;
    if (spec.default !== undefined) params[spec.name] = spec.default;
    else if (spec.kind === 'int' || spec.kind === 'float')
      params[spec.name] = Math.max(spec.min ?? 1, 1);
    else if (spec.kind === 'kernel') params[spec.name] = 3;
    else if (spec.kind === 'enum' && spec.options?.[0]) params[spec.name] = spec.options[0];
  }
  return params;
}
