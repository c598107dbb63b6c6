/**
 * What "adapt the network to the data" asks for, decided once for the trainer's data-fit check,
 * `netd train --adapt` and the training tab. Pure (type imports only): the renderer imports it by
 * value.
 */
import type { AdaptRequest } from '../templates/types.ts';
import type { DataDescription } from './types.ts';

/**
 * True when the loader draws or resizes the images at the network's input size and channel count
 * (synthetic data, image folders), so only the class count has to match; idx and CIFAR-10 data
 * have a fixed size.
 */
export function resizesToNetwork(format: DataDescription['format']): boolean {
  return format === 'synthetic' || format === 'image-folder';
}

/**
 * The Adapt request for `data`: its class count always, its image shape only when the data has a
 * fixed size (a 224×224 network trains on synthetic data or a folder of photos as it is).
 */
export function adaptRequestFor(data: DataDescription): AdaptRequest {
  return resizesToNetwork(data.format)
    ? { classes: data.classes.length }
    : { input: [...data.inputShape], classes: data.classes.length };
}
