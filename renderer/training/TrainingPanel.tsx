/** Placeholder until the training dashboard lands; the app layout mounts it as the "Training" tab. */
export function TrainingPanel() {
  return <div>Training</div>;
}
