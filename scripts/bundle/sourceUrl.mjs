// Shared by the esbuild bundles (Electron shell, CLI, trainer): keeps `import.meta.url` meaning
// "where this source file lives" inside a CommonJS bundle.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/**
 * A bundle has one `import.meta.url`; modules such as main/api/createApi.ts resolve files relative
 * to their own source location (`new URL('../../', import.meta.url)` = the app root). This plugin
 * replaces it in every source file with the URL that file would have in the app folder, computed
 * at run time from the bundle's own location by `SOURCE_URL_BANNER` (bundles live two levels below
 * the app root, in dist/<name>/, as main/api/ is).
 *
 * @param root the app root (absolute path)
 */
export function sourceUrlPlugin(root) {
  return {
    name: 'source-import-meta-url',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const rel = relative(root, args.path).split('\\').join('/');
        const expression = `__netdSourceUrl(${JSON.stringify(rel)})`;
        return { contents: source.replaceAll('import.meta.url', expression), loader: 'ts' };
      });
    },
  };
}

/** Defines `__netdSourceUrl(rel)` for a CommonJS bundle in dist/<name>/. */
export const SOURCE_URL_BANNER =
  'const __netdSourceUrl = (rel) => require("node:url").pathToFileURL(' +
  'require("node:path").join(__dirname, "..", "..", rel)).href;';
