/**
 * A fake host for the dashboard's dev harness (never shipped): streams a plausible training run
 * from timers, keeps runs in memory, and answers the few other calls the dashboard makes.
 */
import { diffAnalysis } from '../../../main/api/analysisUpdate.ts';
import type { NetdApi } from '../../../main/api/contract.ts';
import type { NetworkAnalysis, NetworkDoc } from '../../../main/network/types.ts';
import type { DataDescription, RunDetail, TrainingEvent } from '../../../main/training/types.ts';
import { stubAnalysis } from '../../testing/analysisStub.ts';
import {
  CIFAR10_CLASSES,
  DEFAULT_TRAINING_OPTIONS,
  FASHION_MNIST_CLASSES,
} from '../../../main/training/vocabulary.ts';
import { TEST_DATA } from '../testEvents.ts';

function describe(spec: string): DataDescription {
  if (spec === 'synthetic') return { ...TEST_DATA, trainCount: 2000, testCount: 500 };
  if (spec === 'fashion-mnist')
    return {
      spec,
      format: 'idx',
      path: '/usr/share/datasets/fashion-mnist',
      inputShape: [28, 28, 1],
      classes: [...FASHION_MNIST_CLASSES],
      trainCount: 60000,
      testCount: 10000,
    };
  if (spec.startsWith('/data/cifar'))
    return {
      spec,
      format: 'cifar10',
      path: spec,
      inputShape: [32, 32, 3],
      classes: [...CIFAR10_CLASSES],
      trainCount: 50000,
      testCount: 10000,
    };
  throw new Error(`Data folder not found: ${spec}`);
}

/** Just enough analysis for the dashboard: the Input's shape and the last Dense's units. */
function analyze(doc: NetworkDoc): NetworkAnalysis {
  return stubAnalysis(
    Object.fromEntries(
      doc.nodes.map((n) => [
        n.id,
        n.type === 'Input'
          ? (n.params.shape as number[])
          : n.type === 'Dense'
            ? [n.params.units as number]
            : [1, 1, 1],
      ]),
    ),
  );
}

function confusionFor(classes: number, accuracy: number, perClass: number): number[][] {
  return Array.from({ length: classes }, (_, i) =>
    Array.from({ length: classes }, (_, j) => {
      if (i === j) return Math.round(perClass * (accuracy - 0.08 * Math.sin(i * 1.7)));
      const spill = Math.round(
        (perClass * (1 - accuracy) * (1 + Math.cos(i * 3 + j))) / (classes - 1),
      );
      return Math.max(0, spill);
    }),
  );
}

export function createFakeHost(options: { batchMs?: number; failAtStep?: number } = {}): NetdApi {
  const listeners = new Set<(e: TrainingEvent) => void>();
  const runs = new Map<string, RunDetail>();
  const timers = new Map<string, ReturnType<typeof setInterval>>();
  let seq = 0;
  const emit = (e: TrainingEvent) => listeners.forEach((l) => l(e));

  function simulate(detail: RunDetail, data: DataDescription) {
    const { runId, options: o } = detail;
    const perEpoch = Math.ceil(
      ((o.limit || data.trainCount) * (1 - o.validationSplit)) / o.batchSize,
    );
    const total = perEpoch * o.epochs;
    emit({
      event: 'started',
      runId,
      backend: 'wasm',
      backendNote:
        'no native TensorFlow installed — npm install @tensorflow/tfjs-node-gpu for CUDA',
      data,
      options: o,
      totalBatches: total,
    });
    let step = 0;
    const timer = setInterval(() => {
      const epoch = Math.floor(step / perEpoch);
      const batch = step % perEpoch;
      const t = step / total;
      const noise = ((Math.sin(step * 12.9898) * 43758.5453) % 1) - 0.25;
      const loss = 2.3 * Math.exp(-3.2 * t) + 0.25 + 0.45 * noise * Math.exp(-1.5 * t);
      if (options.failAtStep === step) {
        clearInterval(timer);
        detail.status = 'failed';
        detail.message = `The loss became NaN at epoch ${epoch + 1}, batch ${batch + 1}.`;
        emit({
          event: 'failed',
          runId,
          message: detail.message,
          hint: 'The learning rate is probably too high; try 10× lower.',
        });
        return;
      }
      const accuracy = Math.max(0, Math.min(1, 0.1 + 0.82 * (1 - Math.exp(-4 * t)) - 0.25 * noise));
      detail.batchLoss.push({ step: step + 1, loss });
      emit({
        event: 'batch',
        runId,
        epoch,
        batch,
        batchesPerEpoch: perEpoch,
        loss,
        accuracy,
        imagesPerSecond: 2380 + 40 * Math.sin(step),
        etaSeconds: ((total - step) * (options.batchMs ?? 40)) / 1000,
        memoryBytes: 38_500_000 + step * 10,
        numTensors: 62,
      });
      step += 1;
      if (step % perEpoch === 0) {
        const e = step / perEpoch;
        const metrics = {
          epoch: e - 1,
          trainLoss: 2.1 * Math.exp(-0.9 * e) + 0.3,
          trainAccuracy: 0.9 - 0.6 * Math.exp(-0.8 * e),
          valLoss: 2.0 * Math.exp(-0.8 * e) + 0.38,
          valAccuracy: 0.86 - 0.55 * Math.exp(-0.75 * e),
          learningRate: o.learningRate,
          seconds: 1.2,
          imagesPerSecond: 2390,
        };
        detail.epochHistory.push(metrics);
        detail.epochsDone = e;
        detail.bestValAccuracy = Math.max(detail.bestValAccuracy ?? 0, metrics.valAccuracy);
        emit({ event: 'epoch', runId, ...metrics });
      }
      if (step >= total) {
        clearInterval(timer);
        const classes = data.classes.length;
        detail.status = 'done';
        detail.confusion = confusionFor(
          classes,
          0.84,
          Math.round((o.testLimit || data.testCount) / classes),
        );
        detail.classes = data.classes;
        detail.testAccuracy = 0.842;
        detail.hasModel = true;
        emit({
          event: 'done',
          runId,
          stopped: false,
          testAccuracy: 0.842,
          valAccuracy: detail.bestValAccuracy,
          trainLoss: 0.31,
          imagesPerSecond: 2391,
          backend: 'wasm',
          confusion: detail.confusion,
          classes: data.classes,
        });
      }
    }, options.batchMs ?? 40);
    timers.set(runId, timer);
  }

  let analysisVersion = 0;
  const notUsed = async (): Promise<never> => {
    throw new Error('not available in the dashboard harness');
  };

  return {
    hostInfo: async () => ({
      kind: 'web',
      version: 'dev',
      platform: 'linux',
      homeDir: '/home/student',
    }),
    catalogList: async () => [],
    networkAnalyze: async ({ doc }) => analyze(doc),
    networkAnalyzeUpdate: async ({ doc }) => {
      // The harness keeps no documents: an edit is answered 'send it whole'.
      if (!doc) return { kind: 'stale' };
      analysisVersion += 1;
      return diffAnalysis(null, analyze(doc), analysisVersion);
    },
    networkExpandNode: notUsed,
    networkExpandAll: notUsed,
    networkAdapt: async ({ doc, input, classes }) => ({
      doc: {
        ...doc,
        nodes: doc.nodes.map((n) =>
          n.type === 'Input' && input
            ? { ...n, params: { ...n.params, shape: input } }
            : n.type === 'Dense' && classes
              ? { ...n, params: { ...n.params, units: classes } }
              : n,
        ),
      },
      changes: input ? [`Input set to ${input.join('×')}`] : [],
      message: input ? `Adapted to ${input.join('×')}: Input set to ${input.join('×')}.` : '',
    }),
    networkExample: notUsed,
    templatesList: async () => [],
    templatesLoad: notUsed,
    networkCompare: notUsed,
    examplesList: notUsed,
    examplesLoad: notUsed,
    filesOpen: notUsed,
    filesSave: notUsed,
    filesRecent: async () => [],
    filesImport: notUsed,
    filesWeights: async () => ({ weightsPath: null }),
    filesList: async ({ dir } = {}) => {
      const at = dir ?? '/data';
      const children: Record<string, string[]> = {
        '/': ['data', 'home'],
        '/data': ['cifar-10-batches-bin', 'flowers'],
        '/home': ['student'],
      };
      return {
        dir: at,
        parent: at === '/' ? null : at.replace(/\/[^/]+$/, '') || '/',
        entries: (children[at] ?? []).map((name) => ({
          name,
          path: `${at === '/' ? '' : at}/${name}`,
          kind: 'dir' as const,
        })),
      };
    },
    recoveryRead: async () => null,
    recoveryWrite: async () => undefined,
    recoveryClear: async () => undefined,
    trainingEnvironment: async () => ({
      selected: 'wasm',
      node: 'v22.12.0',
      platform: 'linux x64',
      cpus: 16,
      gpus: ['NVIDIA GeForce RTX 4070'],
      backends: [
        {
          name: 'tensorflow-gpu',
          packageName: '@tensorflow/tfjs-node-gpu',
          available: false,
          reason: 'Not installed.',
          remedy: 'npm install @tensorflow/tfjs-node-gpu (needs CUDA 11.8 and cuDNN 8)',
        },
        {
          name: 'tensorflow',
          packageName: '@tensorflow/tfjs-node',
          available: false,
          reason: 'Not installed.',
          remedy: 'npm install @tensorflow/tfjs-node',
        },
        {
          name: 'wasm',
          packageName: '@tensorflow/tfjs-backend-wasm',
          available: true,
          reason:
            'WebAssembly with SIMD and 16 threads; convolution gradients provided by NetDesigner.',
        },
        {
          name: 'cpu',
          packageName: '@tensorflow/tfjs',
          available: true,
          reason: 'Pure JavaScript; slow but always there.',
        },
      ],
    }),
    trainingDescribeData: async ({ spec }) => describe(spec),
    trainingStart: async ({ doc, data, options: partial }) => {
      const description = describe(data);
      seq += 1;
      const runId = `run-${seq}`;
      const detail: RunDetail = {
        runId,
        name: `${doc.name} #${seq}`,
        createdAt: new Date().toISOString(),
        status: 'running',
        data,
        backend: 'wasm',
        epochsDone: 0,
        bestValAccuracy: null,
        testAccuracy: null,
        doc,
        // What the real host does: the trainer's defaults under whatever the form sent.
        options: { ...DEFAULT_TRAINING_OPTIONS, ...partial },
        epochHistory: [],
        batchLoss: [],
        confusion: null,
        classes: description.classes,
        message: null,
        hasModel: false,
      };
      runs.set(runId, detail);
      setTimeout(() => simulate(detail, description), 300);
      return { runId };
    },
    trainingStop: async ({ runId }) => {
      const timer = timers.get(runId);
      const detail = runs.get(runId);
      if (timer) clearInterval(timer);
      if (detail && detail.status === 'running') {
        detail.status = 'stopped';
        detail.hasModel = true;
        emit({
          event: 'done',
          runId,
          stopped: true,
          testAccuracy: 0.61,
          valAccuracy: detail.bestValAccuracy,
          trainLoss: 0.8,
          imagesPerSecond: 2300,
          backend: 'wasm',
          confusion: confusionFor(detail.classes.length, 0.6, 40),
          classes: detail.classes,
        });
      }
    },
    runsList: async () =>
      [...runs.values()]
        .reverse()
        .map(
          ({
            runId,
            name,
            createdAt,
            status,
            data,
            backend,
            epochsDone,
            bestValAccuracy,
            testAccuracy,
          }) => ({
            runId,
            name,
            createdAt,
            status,
            data,
            backend,
            epochsDone,
            bestValAccuracy,
            testAccuracy,
          }),
        ),
    runsGet: async ({ runId }) => {
      const run = runs.get(runId);
      if (!run) throw new Error(`No run ${runId}.`);
      return structuredClone(run);
    },
    runsDelete: async ({ runId }) => {
      runs.delete(runId);
    },
    runsExportModel: async ({ dir }) => ({ path: `${dir}/model.json` }),
    exportDesign: async ({ out }) => ({ written: true, paths: [out], message: `wrote ${out}` }),
    runsContinue: async ({ path }) => ({
      weightsPath: path.replace(/(\.netd)?\.json$/i, '.weights.safetensors'),
    }),
    onTrainingEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
