/**
 * The built-in templates (AlexNet, VGG, GoogLeNet, ResNet, LeNet-5, a small CIFAR net) and the
 * adaptation of any network to another input shape and class count.
 */
import type { AdaptRequest, AdaptResult, TemplateInfo } from './types.ts';
import { analyzeNetwork } from '../network/analyze.ts';
import { adaptFrom, adaptMessage } from './adapt.ts';
import { findClassifier } from './classifier.ts';
import { fmtShape } from '../network/catalog/format.ts';
import { AdaptError } from './errors.ts';
import { findTemplate, TEMPLATES } from './registry.ts';
import { parseAdaptRequest } from './request.ts';
import type { TemplateMeta } from './types.ts';

export { adaptMessage, adaptNetwork } from './adapt.ts';
export { AdaptError } from './errors.ts';
export { findClassifier } from './classifier.ts';
export type { InputShape, TemplateMeta } from './types.ts';

/** Id, name, description and default input/classes of every template, in gallery order. */
export function listTemplates(): TemplateMeta[] {
  return TEMPLATES.map(({ id, name, description, defaultInput, defaultClasses }) => ({
    id,
    name,
    description,
    defaultInput: [...defaultInput],
    defaultClasses,
  }));
}

/**
 * Builds template `id` for the requested input shape and class count (defaults: the template's
 * own). `changes` lists every structural change made for that input (smaller stem, padding).
 * @throws AdaptError for an unknown id, a malformed request or an input the template cannot take.
 */
export function buildTemplate(id: string, req: AdaptRequest = {}): AdaptResult {
  const def = findTemplate(id);
  if (!def) {
    throw new AdaptError(
      `unknown template '${id}'; available: ${TEMPLATES.map((t) => t.id).join(', ')}`,
    );
  }
  const parsed = parseAdaptRequest(req);
  const input = parsed.input ?? def.defaultInput;
  const classes = parsed.classes ?? def.defaultClasses;
  const built = def.build({ input: [...input], classes });
  const adapted = adaptFrom(built.doc, { input, classes }, new Set());
  const changes = [...built.changes, ...adapted.changes];
  // The message names input and classes against the template's own, like any other Adapt.
  const basics: string[] = [];
  if (input.join() !== def.defaultInput.join())
    basics.push(`Input ${fmtShape(def.defaultInput)} → ${fmtShape(input)}`);
  if (classes !== def.defaultClasses) {
    const { node, param } = findClassifier(adapted.doc);
    basics.push(`${node.id} (${node.type}) ${param} ${def.defaultClasses} → ${classes}`);
  }
  const message = adaptMessage(input, classes, [...basics, ...changes]);
  return { doc: adapted.doc, changes, message };
}

let infoCache: TemplateInfo[] | null = null;

/** `listTemplates()` plus trainable params and MACs at each template's default input (cached). */
export function templateInfos(): TemplateInfo[] {
  infoCache ??= listTemplates().map((meta) => {
    const { totals } = analyzeNetwork(buildTemplate(meta.id).doc);
    return { ...meta, trainableParams: totals.trainableParams, macs: totals.macs };
  });
  return infoCache.map((info) => ({ ...info, defaultInput: [...info.defaultInput] }));
}
