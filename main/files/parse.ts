/** Text ⇄ NetworkDoc: parsing with one-line errors, and stable serialisation. */
import type { z } from 'zod';
import { getLayerDef } from '../network/catalog/registry.ts';
import { networkDocSchema } from '../network/schema.ts';
import {
  NETWORK_FORMAT,
  NETWORK_VERSION,
  type DiagramLayout,
  type NetworkDoc,
  type NetworkNode,
} from '../network/types.ts';
import { NetworkFileError } from './errors.ts';

/** `["nodes", 3, "params"]` → `nodes[3].params`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path)
    out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

function jsonError(text: string, err: unknown, path: string | undefined): NetworkFileError {
  const raw = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(raw);
  // Only the kind of problem and where: V8's message quotes the offending character and a
  // snippet, and nothing of a file's content is echoed back (it may be anyone's file).
  const what = /unexpected end|unterminated/i.test(raw)
    ? 'the text ends early'
    : /bad control character/i.test(raw)
      ? 'a control character inside a string'
      : 'unexpected character';
  const where = pos ? lineCol(text, Number(pos[1])) : null;
  const at = where ? ` at line ${where.line}, column ${where.col}` : '';
  return new NetworkFileError('not-json', path, `not valid JSON${at} (${what})`);
}

/** What kind of JSON value `v` is, without quoting it. */
function kindOf(v: unknown): string {
  if (v === undefined) return 'none';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object'
    ? 'an object'
    : typeof v === 'string'
      ? 'other text'
      : `a ${typeof v}`;
}

/**
 * Parses the text of a `*.netd.json` file.
 * @throws NetworkFileError (not-json, wrong-format, newer-version, invalid) with a one-line message.
 */
export function parseNetworkText(text: string, path?: string): NetworkDoc {
  let data: unknown;
  if (text.trim() === '') throw new NetworkFileError('not-json', path, 'the file is empty');
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw jsonError(text, err, path);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new NetworkFileError(
      'wrong-format',
      path,
      'not a NetDesigner network (expected a JSON object)',
    );
  const obj = data as Record<string, unknown>;
  if (obj.format !== NETWORK_FORMAT)
    throw new NetworkFileError(
      'wrong-format',
      path,
      `not a NetDesigner network (expected "format": "${NETWORK_FORMAT}", found ${kindOf(obj.format)})`,
    );
  if (
    typeof obj.version === 'number' &&
    Number.isInteger(obj.version) &&
    obj.version > NETWORK_VERSION
  )
    throw new NetworkFileError(
      'newer-version',
      path,
      `written by a newer NetDesigner (format version ${obj.version}); this one reads version ${NETWORK_VERSION} — update NetDesigner`,
    );
  // reportInput: messages say what was found, not only what was expected.
  const parsed = networkDocSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new NetworkFileError('invalid', path, describeIssue(parsed.error));
  return parsed.data;
}

const KIND_WORDS: Record<string, string> = {
  array: 'a list [ … ]',
  string: 'text',
  number: 'a number',
  object: 'an object { … }',
  record: 'an object { … }',
  boolean: 'true or false',
};

/** What a JSON value is, for "must be a list, not …" messages. */
function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string')
    return `the text ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return 'an object';
}

/** zod's "Invalid input: expected array, received undefined" in words a user acts on. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const want = KIND_WORDS[issue.expected] ?? issue.expected;
  return issue.input === undefined
    ? `is missing (expected ${want})`
    : `must be ${want}, not ${describeValue(issue.input)}`;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = formatIssuePath(issue.path);
  const more =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})`
      : '';
  return `${where ? `${where}: ` : ''}${issueMessage(issue)}${more}`;
}

/** Params in catalog order (then any others alphabetically), so saved files diff cleanly. */
function orderedParams(node: NetworkNode): Record<string, unknown> {
  const specs = getLayerDef(node.type)?.info.params ?? [];
  const out: Record<string, unknown> = {};
  for (const s of specs) if (s.name in node.params) out[s.name] = node.params[s.name];
  for (const key of Object.keys(node.params).sort()) if (!(key in out)) out[key] = node.params[key];
  return out;
}

/** The diagram settings with a stable key order, only the keys that are set. */
function orderedLayout(l: DiagramLayout): DiagramLayout {
  return {
    ...(l.direction !== undefined ? { direction: l.direction } : {}),
    ...(l.wrap !== undefined ? { wrap: l.wrap } : {}),
    ...(l.folded !== undefined ? { folded: [...l.folded] } : {}),
  };
}

/** Serialises a network with a stable key order, 2-space indentation and a trailing newline. */
export function serializeNetwork(doc: NetworkDoc): string {
  const ordered = {
    format: NETWORK_FORMAT,
    version: NETWORK_VERSION,
    name: doc.name,
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    ...(doc.layout !== undefined ? { layout: orderedLayout(doc.layout) } : {}),
    nodes: doc.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      ...(n.label !== undefined ? { label: n.label } : {}),
      params: orderedParams(n),
      // Only `true` is written: a trainable node stays exactly as version-1 files have it.
      ...(n.frozen ? { frozen: true } : {}),
      ...(n.position ? { position: { x: n.position.x, y: n.position.y } } : {}),
    })),
    edges: doc.edges.map((e) => ({ source: e.source, target: e.target })),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
