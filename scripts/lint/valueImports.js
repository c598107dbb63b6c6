// ESLint rule `netd/value-imports`: which modules a file may import *values* from, by the path an
// import resolves to (a regex on the specifier text cannot tell `../types.ts` in catalog/ from
// `../types.ts` in training/). Type-only imports are always allowed: they vanish at build time.
import { dirname, relative, resolve } from 'node:path';

/** `main/network/catalog/*.ts` → a RegExp; `*` stays within a folder, `**` crosses folders. */
export function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 &&
    node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

/** @type {import('eslint').Rule.RuleModule} */
export const valueImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Restrict value imports to an allowlist of modules and packages.' },
    schema: [
      {
        type: 'object',
        properties: {
          // Value imports resolving to a path matched here are checked…
          restrict: { type: 'array', items: { type: 'string' } },
          // …and allowed only when the path matches one of these.
          allow: { type: 'array', items: { type: 'string' } },
          // Bare packages allowed; absent = packages are not checked by this rule.
          packages: { type: 'array', items: { type: 'string' } },
          message: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const options = context.options[0] ?? {};
    const restrict = (options.restrict ?? ['**']).map(globToRegExp);
    const allow = (options.allow ?? []).map(globToRegExp);
    const packages = options.packages;
    const root = context.cwd;
    const from = dirname(context.filename);
    const message = options.message ?? 'this module may not import values from {{target}}';

    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(from, spec)).split('\\').join('/');
        if (!restrict.some((r) => r.test(target)) || allow.some((r) => r.test(target))) return;
        context.report({ node: source, message: message.replace('{{target}}', target) });
      } else if (packages && !packages.includes(spec)) {
        context.report({ node: source, message: message.replace('{{target}}', spec) });
      }
    }

    return {
      ImportDeclaration(node) {
        if (!isTypeOnly(node)) check(node, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source && !isTypeOnly(node)) check(node, node.source);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') check(node, node.source);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source);
      },
    };
  },
};

export const netdPlugin = { rules: { 'value-imports': valueImports } };
