/**
 * Fuzz: TensorFlow.js model.json import (*File → Import…* of a run's saved model). A model.json
 * NetDesigner saved is mutated as JSON (hostile names, values, shapes, layer lists, weight paths)
 * and as bytes, its weights file cut or padded. Every import must end in a design or a
 * TfjsImportError of one-line sentences; no other exception, no hang, memory bounded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTfjsModel, TfjsImportError } from '../interchange/tfjs/importTfjsModel.ts';
import { chain } from '../network/testDocs.ts';
import { initBackend } from '../training/backend/initBackend.ts';
import { compileModel } from '../training/compile/compileModel.ts';
import { saveLayersModel } from '../training/runs/saveModel.ts';
import { HOSTILE_STRINGS, fuzzer, hostileValue, mutateBytes, type Fuzzer } from './random.ts';

/** Inputs per run (README "Security"). */
export const MODEL_JSON_CASES = 200;

const dir = mkdtempSync(join(tmpdir(), 'netd-tfjs-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let modelJson = '';
let weightsBin: Buffer = Buffer.alloc(0);

beforeAll(async () => {
  // The seed: what NetDesigner saves for a run (conv, pooling, a residual block, a classifier).
  const { tf } = await initBackend('cpu');
  const doc = chain(
    [8, 8, 3],
    ['Conv2D', { filters: 4, kernelSize: 3, padding: 1, activation: 'leakyRelu' }, 'c1'],
    ['MaxPool2D', { poolSize: 2 }, 'p1'],
    ['ResidualBlock', { filters: 4 }, 'res'],
    ['Flatten', {}, 'flat'],
    ['Dense', { units: 3, activation: 'softmax' }, 'fc'],
  );
  const compiled = compileModel(tf, doc);
  const folder = join(dir, 'seed');
  await saveLayersModel(tf, compiled.model, folder, {
    inputShape: [8, 8, 3],
    classes: ['a', 'b', 'c'],
    normalization: { mean: [0], std: [1] } as never,
    outputsLogits: false,
  });
  compiled.model.dispose();
  modelJson = readFileSync(join(folder, 'model.json'), 'utf8');
  weightsBin = readFileSync(join(folder, 'weights.bin'));
}, 60_000);

/** Imports `json` (with `weights` as weights.bin) from a fresh folder; fails on an unclean error. */
async function tryImport(
  json: string | Buffer,
  weights: Buffer | 'fifo',
  name: string,
): Promise<'imported' | 'refused'> {
  const folder = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(folder, 'model.json'), json);
  if (weights === 'fifo') execFileSync('mkfifo', [join(folder, 'weights.bin')]);
  else writeFileSync(join(folder, 'weights.bin'), weights);
  try {
    await importTfjsModel(join(folder, 'model.json'));
    return 'imported';
  } catch (err) {
    if (!(err instanceof TfjsImportError))
      throw new Error(`${name}: not a clean refusal: ${(err as Error)?.stack ?? String(err)}`);
    for (const line of err.lines) {
      expect(line, name).not.toMatch(/[\n\r]/);
      expect(line.length, `${name}: ${line.slice(0, 200)}`).toBeLessThanOrEqual(2000);
    }
    return 'refused';
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

type Json = Record<string, unknown>;
const layersOf = (m: Json) => ((m['modelTopology'] as Json)['config'] as Json)['layers'] as Json[];
const manifestOf = (m: Json) => m['weightsManifest'] as Json[];

/** One JSON-level change; the fuzzer picks where and what. */
function mutateJson(f: Fuzzer, m: Json): void {
  let layers: Json[];
  try {
    layers = layersOf(m);
    if (!Array.isArray(layers) || !Array.isArray(manifestOf(m))) return;
  } catch {
    return; // an earlier change replaced the topology itself
  }
  const layer = f.pick(layers);
  const config = layer['config'] as Json;
  switch (f.int(10)) {
    case 0:
      layer['name'] = config['name'] = f.pick(HOSTILE_STRINGS);
      break;
    case 1:
      config[f.pick(Object.keys(config))] = hostileValue(f);
      break;
    case 2:
      layer['class_name'] = f.pick(['Lambda', 'TFOpLambda', '__proto__', 'Conv3D', '', 'Dense']);
      break;
    case 3:
      // Cycles and dangling links through inbound_nodes.
      layer['inbound_nodes'] = [
        [[f.pick(layers)['name'], 0, 0, {}]],
        [[f.pick(HOSTILE_STRINGS), 0, 0, {}]],
      ].slice(0, 1 + f.int(2));
      break;
    case 4: {
      const w = f.pick((f.pick(manifestOf(m))['weights'] as Json[]) ?? [{}]);
      w['shape'] = [f.pick([0, 1, 2 ** 31, 2 ** 53, -1]), f.int(5)];
      break;
    }
    case 5:
      f.pick(manifestOf(m))['paths'] = [
        f.pick(['../../etc/passwd', '/dev/zero', './gone.bin', '', '.', 'weights.bin']),
      ];
      break;
    case 6: {
      const w = f.pick((f.pick(manifestOf(m))['weights'] as Json[]) ?? [{}]);
      w['dtype'] = f.pick(['int32', 'float16', 'string', 'complex64']);
      w['name'] = f.pick(HOSTILE_STRINGS);
      break;
    }
    case 7:
      // Many layers: a long copy of one layer under fresh names.
      for (let i = f.int(1000); i > 0; i--)
        layers.push({ ...layer, name: `dup${i}`, config: { ...config, name: `dup${i}` } });
      break;
    case 8:
      layers.splice(f.int(layers.length), 1 + f.int(3));
      break;
    default:
      m[f.pick(['modelTopology', 'weightsManifest', 'format'])] = hostileValue(f);
  }
}

describe('fuzz: TensorFlow.js model.json import', () => {
  it('imports the unmutated seed', async () => {
    expect(await tryImport(modelJson, weightsBin, 'seed')).toBe('imported');
  });

  it(`imports or refuses ${MODEL_JSON_CASES} mutated model.json files and weights`, async () => {
    const f = fuzzer(0x7f15);
    const rssBefore = process.memoryUsage().rss;
    const outcomes = { imported: 0, refused: 0 };
    for (let i = 0; i < MODEL_JSON_CASES; i++) {
      let json: string | Buffer = modelJson;
      let weights: Buffer = weightsBin;
      if (i % 5 === 0) json = mutateBytes(f, Buffer.from(modelJson));
      else {
        const m = JSON.parse(modelJson) as Json;
        for (let k = 1 + f.int(2); k > 0; k--) mutateJson(f, m);
        json = JSON.stringify(m);
      }
      if (i % 7 === 3) weights = mutateBytes(f, weightsBin);
      outcomes[await tryImport(json, weights, `case-${i}`)]++;
    }
    expect(outcomes.imported + outcomes.refused).toBe(MODEL_JSON_CASES);
    expect(outcomes.refused).toBeGreaterThan(MODEL_JSON_CASES / 2);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 ** 2);
  }, 120_000);

  it('refuses weights that are a FIFO or outside the folder, without blocking', async () => {
    expect(await tryImport(modelJson, 'fifo', 'fifo')).toBe('refused');
    for (const path of ['../weights.bin', '/dev/zero', '.']) {
      const m = JSON.parse(modelJson) as Json;
      manifestOf(m)[0]!['paths'] = [path];
      expect(await tryImport(JSON.stringify(m), weightsBin, 'paths'), path).toBe('refused');
    }
  });
});
