/**
 * Fuzz: network documents. Templates are mutated at the JSON level (hostile ids, values, nesting,
 * sizes) and at the byte level, then parsed, analysed, expanded and printed the way `netd
 * inspect` prints them. Every input must end as a document or a NetworkFileError — no other
 * exception, no hang, and nothing printed raw. Deterministic (seeded); the counts are the README's.
 */
import { describe, expect, it } from 'vitest';
import { escapeOutput } from '../cli/format/terminal.ts';
import { inspectJson } from '../cli/format/inspectJson.ts';
import { inspectTable } from '../cli/format/inspectTable.ts';
import { NetworkFileError, parseNetworkText, serializeNetwork } from '../files/index.ts';
import { analyzeNetwork, expandComposites } from '../network/index.ts';
import { classifierNode } from '../training/data/checkDataFits.ts';
import { buildTemplate, listTemplates } from '../templates/index.ts';
import {
  HOSTILE_STRINGS,
  RAW_CONTROL,
  fuzzer,
  hostileValue,
  mutateBytes,
  type Fuzzer,
} from './random.ts';

/** Inputs per run, per kind (README "Security"). */
export const DOCUMENT_CASES = { json: 600, bytes: 1500 };

const SEEDS = listTemplates()
  .filter((t) => !/resnet1[05]|vgg19/.test(t.id))
  .map((t) => JSON.parse(serializeNetwork(buildTemplate(t.id).doc)) as Record<string, unknown>);

type Json = Record<string, unknown>;

/** One JSON-level mutation of a document. */
function mutateDoc(f: Fuzzer, doc: Json): Json {
  const nodes = (doc['nodes'] as Json[]).map((n) => ({ ...n }));
  const edges = (doc['edges'] as Json[]).map((e) => ({ ...e }));
  const node = () => nodes[f.int(nodes.length)]!;
  for (let k = 1 + f.int(5); k > 0; k--) {
    switch (f.int(11)) {
      case 0: {
        // Rename a node everywhere to a hostile id.
        const n = node();
        const to = f.pick(HOSTILE_STRINGS);
        for (const e of edges) {
          if (e['source'] === n['id']) e['source'] = to;
          if (e['target'] === n['id']) e['target'] = to;
        }
        n['id'] = to;
        break;
      }
      case 1:
        node()['params'] = {
          ...(node()['params'] as Json),
          [f.pick([
            'filters',
            'kernelSize',
            'shape',
            'units',
            'strides',
            'padding',
            f.pick(HOSTILE_STRINGS),
          ])]: hostileValue(f),
        };
        break;
      case 2:
        node()[f.pick(['id', 'type', 'params', 'position', 'label', 'frozen'])] = hostileValue(f);
        break;
      case 3:
        edges.push({ source: node()['id'], target: node()['id'] });
        break;
      case 4:
        edges.reverse();
        break;
      case 5:
        nodes.push(...nodes.slice(0, f.int(nodes.length)).map((n) => ({ ...n })));
        break;
      case 6:
        doc = {
          ...doc,
          [f.pick(['format', 'version', 'name', 'description', 'layout'])]: hostileValue(f),
        };
        break;
      case 7:
        node()['type'] = f.pick(['Inception', 'ResidualBlock', 'Add', 'Concat', 'Nope', 'Input']);
        break;
      case 8:
        edges.splice(f.int(edges.length), 1);
        break;
      case 9: {
        // Now and then a long chain appended: sizes that used to be quadratic.
        if (!f.chance(0.1)) break;
        const last = nodes[nodes.length - 1]!['id'];
        const n0 = nodes.length;
        for (let i = 0; i < 1000; i++) {
          nodes.push({
            id: `chain${n0}_${i}`,
            type: f.pick(['Activation', 'Dropout', 'ResidualBlock']),
            params: {},
          });
          edges.push({ source: i === 0 ? last : `chain${n0}_${i - 1}`, target: `chain${n0}_${i}` });
        }
        break;
      }
      default:
        node()['label'] = f.pick(HOSTILE_STRINGS);
    }
  }
  return { ...doc, nodes, edges };
}

/** Everything a document goes through after parsing; must not throw. */
function exercise(text: string): 'parsed' | 'refused' {
  let doc;
  try {
    doc = parseNetworkText(text, 'fuzz.netd.json');
  } catch (err) {
    if (!(err instanceof NetworkFileError)) throw err;
    expect(err.message.length).toBeLessThan(3000);
    return 'refused';
  }
  const analysis = analyzeNetwork(doc);
  for (const id of Object.keys(analysis.nodes))
    expect(Object.hasOwn(analysis.nodes, id)).toBe(true);
  const flat = expandComposites(doc);
  analyzeNetwork(flat);
  classifierNode(doc);
  const printed =
    escapeOutput(inspectTable(doc, analysis)) + escapeOutput(JSON.stringify(inspectJson(analysis)));
  expect(RAW_CONTROL.test(printed)).toBe(false);
  return 'parsed';
}

describe('fuzz: network documents', () => {
  it(`handles ${DOCUMENT_CASES.json} JSON-mutated documents cleanly`, () => {
    const f = fuzzer(0x5eed01);
    const tally = { parsed: 0, refused: 0 };
    for (let i = 0; i < DOCUMENT_CASES.json; i++) {
      const text = JSON.stringify(mutateDoc(f, f.pick(SEEDS)));
      tally[exercise(text)]++;
    }
    // Both outcomes occur: the mutations reach past the parser into analysis.
    expect(tally.parsed).toBeGreaterThan(DOCUMENT_CASES.json / 5);
    expect(tally.refused).toBeGreaterThan(DOCUMENT_CASES.json / 10);
  });

  it(`handles ${DOCUMENT_CASES.bytes} byte-mutated documents cleanly`, () => {
    const f = fuzzer(0x5eed02);
    for (let i = 0; i < DOCUMENT_CASES.bytes; i++) {
      const bytes = mutateBytes(f, Buffer.from(JSON.stringify(f.pick(SEEDS))));
      exercise(bytes.toString('utf8'));
    }
  });
});
