/** What a template is: metadata plus a builder for a given input shape and class count. */
import type { NetworkDoc } from '../network/types.ts';

/** Channels-last image shape `[H, W, C]`. */
export type InputShape = [number, number, number];

export interface TemplateRequest {
  input: InputShape;
  classes: number;
}

export interface TemplateBuild {
  doc: NetworkDoc;
  /** Structural changes the builder made for this input (beyond input shape and classes). */
  changes: string[];
}

/** What `listTemplates()` returns for one template. */
export interface TemplateMeta {
  id: string;
  name: string;
  description: string;
  defaultInput: InputShape;
  defaultClasses: number;
}

export interface TemplateDef extends TemplateMeta {
  build(req: TemplateRequest): TemplateBuild;
}

/**
 * Below this side length the ImageNet stems (7×7/2 conv + 3×3/2 max pool, or AlexNet's 11×11/4)
 * would throw away most of the image before the first block, so templates switch to a small stem.
 */
export const SMALL_INPUT_SIDE = 64;

/** True when the input is too small for an ImageNet-style stem. */
export function isSmallInput([h, w]: InputShape): boolean {
  return Math.min(h, w) < SMALL_INPUT_SIDE;
}

/** A gallery entry as the API serves it. */
export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  /** Counts at the template's default input shape and classes. */
  trainableParams: number;
  macs: number;
  defaultInput: [number, number, number];
  defaultClasses: number;
}

export interface AdaptRequest {
  input?: [number, number, number];
  classes?: number;
}

export interface AdaptResult {
  doc: NetworkDoc;
  /** What the adaptation changed beyond input and classes (e.g. "smaller stem for 32×32 input"). */
  changes: string[];
  /**
   * One message listing every change, input and classes included ("Adapted to 32×32×3 and 10
   * classes: Input 224×224×3 → 32×32×3; …"), the same wording in the gallery, the training tab
   * and `netd train --adapt`.
   */
  message: string;
}
