/** A training failure the user can act on: a message plus, when there is one, what to try. */
export class TrainingFailure extends Error {
  override name = 'TrainingFailure';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Where to restart from a rate far too high to be a typo of the usual one. */
const USUAL_RATE: Record<string, number> = { adam: 0.001, sgd: 0.01 };

/**
 * A learning rate a tenth of `lr`, written the way a person would type it; for a rate above 1, the
 * usual rate of the optimizer instead (a tenth of 1e6 would not help).
 */
export function suggestLearningRate(lr: number, optimizer = 'adam'): string {
  if (lr > 1) return String(USUAL_RATE[optimizer] ?? 0.001);
  return String(Number((lr / 10).toPrecision(1)));
}

/** The explanation for a loss that stopped being a finite number. */
export function nonFiniteLoss(
  loss: number,
  epoch: number,
  batch: number,
  lr: number,
  optimizer = 'adam',
): TrainingFailure {
  const what = Number.isNaN(loss) ? 'NaN' : loss > 0 ? 'Infinity' : '-Infinity';
  const hint = `the learning rate ${lr} is probably too high; try ${suggestLearningRate(lr, optimizer)}`;
  return new TrainingFailure(
    `loss became ${what} at epoch ${epoch} batch ${batch} — ${hint}`,
    hint,
  );
}
