/** Finds the layer whose width is the number of classes, in any network, for Adapt. */
import { classifierOf, networkOutput, type Classifier } from '../network/outputs.ts';
import type { NetworkDoc } from '../network/types.ts';
import { AdaptError } from './errors.ts';

export type { Classifier } from '../network/outputs.ts';

/**
 * The Dense (or Conv2D) layer that sets the class count, behind the network's single output
 * (both decided in network/outputs.ts).
 * @throws AdaptError when there is no single output or no such layer.
 */
export function findClassifier(doc: NetworkDoc): Classifier {
  const output = networkOutput(doc);
  if (output.kind !== 'one') {
    throw new AdaptError(
      output.kind === 'none'
        ? 'cannot change the number of classes: the network has no output layer'
        : `cannot change the number of classes: the network has ${output.nodes.length} outputs ` +
            `(${output.nodes.map((s) => `'${s.id}'`).join(', ')}); keep one`,
    );
  }
  const classifier = classifierOf(doc, output.node);
  if (classifier) return classifier;
  throw new AdaptError(
    `cannot change the number of classes: the output '${output.node.id}' is not fed by a Dense layer`,
  );
}
