import { describe, expect, it } from 'vitest';
import { API_CHANNELS, type ApiMethod } from './contract.ts';
import { dispatchApiCall } from './dispatch.ts';
import { requestSchemas } from './schemas.ts';
import { tinyDoc } from '../network/testDocs.ts';
import { recordingApi } from './testSupport.ts';
import { resolveTrainingOptions } from '../training/trainer/options.ts';

const doc = tinyDoc();
const badParamsDoc = {
  ...doc,
  nodes: [doc.nodes[0], doc.nodes[1], { id: 'gap', type: 'GlobalAvgPool2D', params: 'oops' }],
};

/** Per method: one payload that must pass and bad ones with the message each must produce. */
const cases: Record<ApiMethod, { good: unknown; bad: [unknown, RegExp][] }> = {
  hostInfo: { good: undefined, bad: [[{ x: 1 }, /^this call takes no arguments$/]] },
  catalogList: { good: {}, bad: [[[1], /^this call takes no arguments$/]] },
  networkAnalyze: {
    good: { doc },
    bad: [
      [{}, /^doc: expected object, received undefined$/],
      [{ doc: badParamsDoc }, /^doc\.nodes\[2\]\.params: expected object, received string$/],
      [{ doc: { ...doc, nodes: 'x' } }, /^doc\.nodes: .*expected array/],
    ],
  },
  networkAnalyzeUpdate: {
    good: { doc, since: 3 },
    bad: [
      [{ doc, since: -1 }, /^since: Too small/],
      [{ doc, since: 1.5 }, /^since: expected int/],
      [{ since: 3 }, /^doc: give either doc or edit, not both or neither$/],
      [
        { edit: { base: 1, nodes: [{ id: 'c1', type: 'Conv2D', params: 'x' }] } },
        /^edit\.nodes\[0\]\.params: expected object/,
      ],
    ],
  },
  networkExpandNode: {
    good: { doc, nodeId: 'c1' },
    bad: [[{ doc, nodeId: ' ' }, /^nodeId: must not be empty$/]],
  },
  networkExpandAll: {
    good: { doc },
    bad: [[{ doc, nodeId: 'c1' }, /nodeId/]],
  },
  networkAdapt: {
    good: { doc, input: [64, 64, 3], classes: 10 },
    bad: [
      [{ doc, input: [0, 64, 3] }, /^input\[0\]: Too small/],
      [{ doc, classes: 1.5 }, /^classes: expected int/],
      [{ doc, input: [64, 64] }, /^input: input must be \[height, width, channels\]$/],
      // The templates' own limits, so nothing passes here that adapting then refuses.
      [{ doc, classes: 1 }, /^classes: classes must be at least 2$/],
      [{ doc, input: [9000, 64, 3] }, /^input\[0\]: Too big/],
    ],
  },
  networkExample: { good: null, bad: [[{ id: 1 }, /no arguments/]] },
  networkCompare: {
    good: { a: doc, b: doc, batchSize: 16, optimizer: 'sgd' },
    bad: [
      [{ a: doc }, /^b: expected object, received undefined$/],
      [{ a: doc, b: doc, optimizer: 'rmsprop' }, /^optimizer: .*"adam"\|"sgd"/],
      [{ a: doc, b: doc, batchSize: 0 }, /^batchSize: Batch size must be at least 1$/],
    ],
  },
  examplesList: { good: undefined, bad: [[{ id: 'x' }, /no arguments/]] },
  examplesLoad: { good: { id: 'conv7-vs-3x3' }, bad: [[{}, /^id: expected string/]] },
  templatesList: { good: undefined, bad: [[5, /no arguments/]] },
  templatesLoad: {
    good: { id: 'resnet18', classes: 10 },
    bad: [
      [{ id: 5 }, /^id: expected string, received number$/],
      [{ id: 'x', clases: 3 }, /^Unrecognized key: "clases"$/],
    ],
  },
  filesOpen: { good: { path: 'a.netd.json' }, bad: [[{}, /^path: expected string/]] },
  filesImport: { good: { path: 'm.onnx' }, bad: [[{}, /^path: expected string/]] },
  filesSave: {
    good: { path: 'a.netd.json', doc },
    bad: [[{ path: 'a', doc: null }, /^doc: expected object, received null$/]],
  },
  filesRecent: { good: undefined, bad: [[{ a: 1 }, /no arguments/]] },
  filesList: { good: { dir: '/tmp' }, bad: [[{ dir: 5 }, /^dir: expected string/]] },
  recoveryRead: { good: undefined, bad: [[true, /no arguments/]] },
  recoveryWrite: {
    good: { doc, path: null },
    bad: [[{ doc, path: 3 }, /^path: expected string/]],
  },
  recoveryClear: { good: undefined, bad: [['x', /no arguments/]] },
  trainingEnvironment: { good: undefined, bad: [[{ gpu: true }, /no arguments/]] },
  trainingDescribeData: {
    good: { spec: 'synthetic' },
    bad: [[{ spec: '' }, /^spec: must not be empty$/]],
  },
  trainingStart: {
    good: { doc, data: 'synthetic', options: { epochs: 2, optimizer: 'sgd' } },
    bad: [
      [
        { doc, data: 'synthetic', options: { epochs: 0 } },
        /^options\.epochs: Epochs must be at least 1$/,
      ],
      [
        { doc, data: 'synthetic', options: { optimizer: 'rmsprop' } },
        /^options\.optimizer: Optimizer must be 'adam' or 'sgd'$/,
      ],
      [
        { doc, data: 'synthetic', options: { seed: -1 } },
        /^options\.seed: Seed must be at least 0$/,
      ],
      [
        { doc, data: 'synthetic', options: { earlyStoppingPatience: 3, validationSplit: 0 } },
        /^options\.earlyStoppingPatience: Early stopping needs a validation split above 0$/,
      ],
      [{ doc, data: 'synthetic', options: { bogus: 1 } }, /^options: Unrecognized key: "bogus"$/],
      [{ doc, options: {} }, /^data: expected string/],
    ],
  },
  trainingStop: { good: { runId: 'r1' }, bad: [[{ runId: 1 }, /^runId: expected string/]] },
  runsList: { good: undefined, bad: [[[], /no arguments/]] },
  runsGet: { good: { runId: 'r1' }, bad: [[{}, /^runId: expected string/]] },
  runsDelete: { good: { runId: 'r1' }, bad: [[{ runId: '' }, /^runId: must not be empty$/]] },
  runsExportModel: {
    good: { runId: 'r1', dir: 'out' },
    bad: [[{ runId: 'r1' }, /^dir: expected string/]],
  },
  exportDesign: {
    good: { doc: doc, designPath: null, to: 'onnx', out: 'model.onnx' },
    bad: [[{ doc: doc, designPath: null, to: 'tflite', out: 'm' }, /^to: /]],
  },
  filesWeights: {
    good: { path: 'net.netd.json' },
    bad: [[{}, /^path: expected string/]],
  },
  runsContinue: {
    good: { runId: 'r1', doc: doc, path: 'net.netd.json' },
    bad: [[{ runId: 'r1', doc: doc }, /^path: expected string/]],
  },
};

describe('request validation', () => {
  it('has a schema and a test case for every method', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual(Object.keys(API_CHANNELS).sort());
    expect(Object.keys(cases).sort()).toEqual(Object.keys(API_CHANNELS).sort());
  });

  for (const [method, { good, bad }] of Object.entries(cases) as [
    ApiMethod,
    (typeof cases)[ApiMethod],
  ][]) {
    const channel = API_CHANNELS[method];
    it(`${channel} passes a valid request to the method`, async () => {
      const { api, calls } = recordingApi();
      const result = await dispatchApiCall(api, channel, good);
      expect(result.ok).toBe(true);
      expect(calls.map((c) => c.method)).toEqual([method]);
    });
    for (const [payload, message] of bad) {
      it(`${channel} rejects ${JSON.stringify(payload)?.slice(0, 60)} naming the path`, async () => {
        const { api, calls } = recordingApi();
        const result = await dispatchApiCall(api, channel, payload);
        expect(calls).toEqual([]);
        if (result.ok) throw new Error('expected a validation failure');
        expect(result.error.code).toBe('bad-request');
        expect(result.error.message.startsWith(`Invalid ${channel} request: `)).toBe(true);
        expect(result.error.message.slice(`Invalid ${channel} request: `.length)).toMatch(message);
      });
    }
  }

  it('fills in defaults: training options may be omitted', async () => {
    const { api, calls } = recordingApi();
    await dispatchApiCall(api, 'training:start', { doc, data: 'synthetic' });
    expect(calls[0]?.arg).toMatchObject({ data: 'synthetic', options: {} });
  });

  // The API hands options to the trainer, so it must refuse exactly what the trainer refuses:
  // nothing the user could start from the dashboard fails later, nothing valid is turned away.
  it.each([
    ['a large learning rate', { learningRate: 50 }],
    ['a zero learning rate', { learningRate: 0 }],
    ['a negative seed', { seed: -1 }],
    ['a huge seed', { seed: 2 ** 40 }],
    ['momentum 1', { momentum: 1 }],
    ['momentum just below 1', { momentum: 0.99 }],
    ['the largest batch', { batchSize: 8192 }],
    ['a batch too large', { batchSize: 8193 }],
    ['a fractional epoch count', { epochs: 2.5 }],
    ['the largest validation split', { validationSplit: 0.9 }],
    ['a validation split too large', { validationSplit: 0.95 }],
    ['early stopping without validation', { earlyStoppingPatience: 2, validationSplit: 0 }],
    ['early stopping with default validation', { earlyStoppingPatience: 2 }],
    ['a half augment', { augment: { flip: true } }],
    ['a shift too large', { augment: { flip: false, shift: 0.6 } }],
    ['an unknown backend', { backend: 'metal' }],
    ['an unknown option', { learningrate: 0.1 }],
  ])('training:start agrees with the trainer on %s', async (_label, options) => {
    const { api } = recordingApi();
    const result = await dispatchApiCall(api, 'training:start', {
      doc,
      data: 'synthetic',
      options,
    });
    let trainerAccepts = true;
    try {
      resolveTrainingOptions(options);
    } catch {
      trainerAccepts = false;
    }
    expect(result.ok).toBe(trainerAccepts);
  });
});
