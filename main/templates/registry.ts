/** Every built-in template, in the order the gallery and `netd templates` list them. */
import { ALEXNET } from './alexnet.ts';
import { CIFAR_SMALL } from './cifarSmall.ts';
import { GOOGLENET } from './googlenet.ts';
import { LENET5 } from './lenet5.ts';
import { RESNET_TEMPLATES } from './resnet.ts';
import type { TemplateDef } from './types.ts';
import { VGG_TEMPLATES } from './vgg.ts';

export const TEMPLATES: readonly TemplateDef[] = [
  LENET5,
  CIFAR_SMALL,
  ALEXNET,
  ...VGG_TEMPLATES,
  GOOGLENET,
  ...RESNET_TEMPLATES,
];

/** The template with this id (any letter case: `VGG16` finds `vgg16`), or undefined. */
export function findTemplate(id: string): TemplateDef | undefined {
  const wanted = id.trim().toLowerCase();
  return TEMPLATES.find((t) => t.id === wanted);
}
