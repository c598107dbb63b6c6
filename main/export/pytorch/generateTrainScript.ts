/**
 * The standalone `train.py` of `netd export --with-training`: NetDesigner's data loading and trainer
 * (the netd_torch modules in {@link DATA_MODULES}, weights.py and trainer.py, copied in whole —
 * the very code the app's PyTorch engine runs) plus the exported model, so the user can
 * leave NetDesigner with two files and keep going with `python train.py` or `torchrun`.
 */
import type { GeneratedModel } from './generateModel.ts';
import { pythonSource } from './pythonSources.ts';

/** netd_torch's data modules, each after the ones it imports. */
export const DATA_MODULES = ['images.py', 'splits.py', 'image_folder.py', 'data.py', 'loader.py'];

/** A package module's text without its docstring and its imports (collected separately). */
function body(text: string): { imports: string[]; code: string } {
  const withoutDoc = text.replace(/^"""[\s\S]*?"""\n/, '');
  const imports: string[] = [];
  const code: string[] = [];
  for (const line of withoutDoc.split('\n')) {
    if (/^(import |from \S+ import )/.test(line)) {
      // The package's own modules are inlined into this file.
      if (!line.startsWith('from .')) imports.push(line);
    } else code.push(line);
  }
  return { imports, code: code.join('\n').replace(/^\n+/, '').trimEnd() };
}

/** Standard-library imports first, then third-party, each once, as isort would order them. */
function sortImports(lines: string[]): string[] {
  const fromImports = new Map<string, Set<string>>();
  const plain = new Set<string>();
  for (const line of lines) {
    const m = /^from (\S+) import (.+)$/.exec(line);
    if (!m) plain.add(line);
    else {
      const names = fromImports.get(m[1]!) ?? new Set<string>();
      for (const n of m[2]!.split(',')) names.add(n.trim());
      fromImports.set(m[1]!, names);
    }
  }
  const all = [
    ...[...plain].sort(),
    ...[...fromImports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([mod, names]) => `from ${mod} import ${[...names].sort().join(', ')}`),
  ];
  const third = (l: string) => /^(import|from) (numpy|torch)\b/.test(l);
  return [...all.filter((l) => !third(l)), '', ...all.filter(third)];
}

/**
 * The text of `train.py` for `model`, which lives in `modelFile` (a sibling file name).
 */
export function generateTrainScript(model: GeneratedModel, modelFile: string): string {
  const moduleName = modelFile.replace(/\.py$/, '');
  const data = DATA_MODULES.map((m) => body(pythonSource(m)));
  const weights = body(pythonSource('weights.py'));
  const trainer = body(pythonSource('trainer.py'));
  return [
    `"""Train ${model.className} (${moduleName}.py) — written by NetDesigner's \`netd export --with-training\`.`,
    '',
    'Same data specifications, splits (for the same --seed) and options as `netd train`:',
    `    python train.py --data synthetic --epochs 10`,
    `    python train.py --data fashion-mnist --batch-size 128 --out runs/1   # runs/1/model.pt + weights.safetensors`,
    `    torchrun --nproc_per_node 4 train.py --data /path/to/cifar-10-batches-bin   # DDP, 4 GPUs or processes`,
    `    torchrun --nnodes 2 --node_rank 0 --nproc_per_node 8 --master_addr HOST --master_port 29500 train.py …`,
    'Picks CUDA, then Apple MPS, then the CPU (or --device); on CUDA it trains with bf16 autocast (fp16 on GPUs',
    'without bf16) and channels_last. `python train.py --help` lists every option.',
    '"""',
    ...sortImports([
      ...data.flatMap((d) => d.imports),
      ...weights.imports,
      ...trainer.imports,
      'import sys',
    ]),
    '',
    `from ${moduleName} import DESIGN_LAYERS, ${model.className}`,
    '',
    '# --- data: the same images, splits and normalisation as NetDesigner -------------------------',
    '',
    data.map((d) => d.code).join('\n\n\n'),
    '',
    '',
    "# --- weights: NetDesigner's weights.safetensors (TensorFlow.js layouts) ↔ this model --------",
    '',
    weights.code,
    '',
    '',
    '# --- training ------------------------------------------------------------------------------',
    '',
    trainer.code,
    '',
    '',
    'if __name__ == "__main__":',
    `    sys.exit(train(${model.className}, layers=DESIGN_LAYERS))`,
    '',
  ].join('\n');
}
