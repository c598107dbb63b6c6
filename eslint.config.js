import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { netdPlugin } from './scripts/lint/valueImports.js';

/**
 * The pure modules: plain data and functions with no dependency but zod — no Node, no DOM, no
 * host state. Both sides import them by value (the renderer's one way to share a fact with the
 * host without copying it); the host stays the authority that validates and counts. A file listed
 * here may itself import values only from this list (and zod): enforced below.
 */
export const PURE_MODULES = [
  'main/network/types.ts',
  'main/network/catalog/*.ts',
  'main/network/graph.ts',
  'main/network/traversal.ts',
  'main/network/outputs.ts',
  'main/network/trainingMemory.ts',
  'main/network/frozen.ts',
  'main/api/analysisUpdate.ts',
  'main/format/*.ts',
  'main/training/types.ts',
  'main/training/vocabulary.ts',
  'main/training/dataFit.ts',
  'main/training/optionsSchema.ts',
  'main/training/pytorch/torchDevices.ts',
  'main/templates/types.ts',
];

const NODE_BUILTINS = `^(node:.*|${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?$`;

/** Globals only a browser page has; host code (main/, electron/ but its preload) must not use them. */
const BROWSER_ONLY = ['window', 'document', 'navigator', 'localStorage', 'requestAnimationFrame'];

/** What main/ must never import, shared by every main/ block (a later block replaces the rule). */
const CORE_PATHS = [
  { name: 'electron', message: 'main/ must not import electron; put shell code in electron/.' },
];
const CORE_PATTERNS = [
  {
    group: ['react', 'react-dom', '@xyflow/*', '**/renderer/**', '**/electron/**'],
    message: 'main/ is the pure core; it must not import UI or shell code.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        fetch: 'readonly',
        globalThis: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The engine is a pure core: no Electron, React or DOM.
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: CORE_PATHS, patterns: CORE_PATTERNS }],
      'no-restricted-globals': [
        'error',
        ...BROWSER_ONLY.map((name) => ({
          name,
          message: 'main/ runs in Node: no browser globals.',
        })),
      ],
    },
  },
  {
    // The network engine is the pure analysis core: no Node, and nothing of the host around it
    // (files, API, training, settings, server, CLI, templates build on it, not the reverse).
    files: ['main/network/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_PATHS,
          patterns: [
            ...CORE_PATTERNS,
            { regex: NODE_BUILTINS, message: 'main/network is pure: no Node modules.' },
            {
              group: [
                '**/api/**',
                '**/files/**',
                '**/training/**',
                '**/settings/**',
                '**/server/**',
                '**/cli/**',
                '**/templates/**',
              ],
              message: 'main/network is the core the host builds on; it must not import the host.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain defines its types; the API contract names them, never the other way round.
    files: ['main/templates/**/*.ts', 'main/settings/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_PATHS,
          patterns: [
            ...CORE_PATTERNS,
            {
              group: ['**/api/**'],
              message: 'the domain must not depend on the API; define the type here.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure modules import values only from each other (and zod); types from anywhere in main/.
    files: PURE_MODULES,
    ignores: ['**/*.test.ts'],
    plugins: { netd: netdPlugin },
    rules: {
      'netd/value-imports': [
        'error',
        {
          restrict: ['**'],
          allow: PURE_MODULES,
          packages: ['zod'],
          message:
            'a pure module (shared with the renderer) may import values only from pure modules and zod, not {{target}}',
        },
      ],
    },
  },
  {
    // The shell runs in Node/Electron; the renderer is loaded as a page, never imported.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message:
                'electron/ must not import renderer/; share types through main/ or electron/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...BROWSER_ONLY.map((name) => ({
          name,
          message: 'electron/ runs in Node: no browser globals.',
        })),
      ],
    },
  },
  {
    // The renderer: React rules, and no Node or Electron (it talks to the host through window.netd).
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^electron(/.*)?$|${NODE_BUILTINS}`,
              message: 'renderer/ must not use Node or Electron; call window.netd.',
            },
            // The shell's bridge contract (electron/desktopBridge.ts, menuCommands.ts) is plain types.
            {
              regex: '/electron/',
              allowTypeImports: true,
              message: 'renderer/ may import only types from electron/ (use `import type`).',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the host only through window.netd. From main/ it may import values of
    // the pure modules only (PURE_MODULES), and types from anywhere. Its unit tests run in Node and
    // may cross-check against the host's own modules.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { netd: netdPlugin },
    rules: {
      'netd/value-imports': [
        'error',
        {
          restrict: ['main/**'],
          allow: PURE_MODULES,
          message:
            'renderer/ may import values only from the pure modules of main/ (eslint.config.js PURE_MODULES), not {{target}}; use `import type` or window.netd',
        },
      ],
    },
  },
  {
    // Code that runs in a browser page: the renderer, the preload, e2e callbacks, UI benchmarks.
    files: ['renderer/**', 'electron/preload.ts', 'electron/preload/**', 'e2e/**', 'bench/**'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        requestAnimationFrame: 'readonly',
        WebSocket: 'readonly',
      },
    },
  },
);
