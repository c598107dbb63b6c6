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

/** A learning rate a tenth of `lr`, written the way a person would type it. */
export function suggestLearningRate(lr: number): string {
  return String(Number((lr / 10).toPrecision(1)));
}

/** The explanation for a loss that stopped being a finite number. */
export function nonFiniteLoss(
  loss: number,
  epoch: number,
  batch: number,
  lr: number,
): TrainingFailure {
  const what = Number.isNaN(loss) ? 'NaN' : loss > 0 ? 'Infinity' : '-Infinity';
  const hint = `the learning rate ${lr} is probably too high; try ${suggestLearningRate(lr)}`;
  return new TrainingFailure(
    `loss became ${what} at epoch ${epoch} batch ${batch} — ${hint}`,
    hint,
  );
}
