import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        fetch: 'readonly',
        WebSocket: 'readonly',
        localStorage: 'readonly',
        requestAnimationFrame: 'readonly',
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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'main/ must not import electron; put shell code in electron/.',
            },
          ],
          patterns: [
            {
              group: ['react', 'react-dom', '@xyflow/*', '**/renderer/**', '**/electron/**'],
              message: 'main/ is the pure core; it must not import UI or shell code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer imports values from these modules, so they must stay plain: type imports only.
    files: ['main/training/vocabulary.ts', 'main/network/trainingMemory.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '.*',
              allowTypeImports: true,
              message: 'vocabulary.ts is shared with the renderer; it may import only types.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the host only through window.netd; it may import *types* from main/.
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
              // Two exceptions (type imports only inside them): main/training/vocabulary.ts, the
              // training options' plain constants, shared so the dashboard's form cannot drift from
              // the trainer; main/network/trainingMemory.ts, the one training-memory formula.
              // A regex, because a glob negation cannot re-include a file under an excluded folder.
              regex: '(^|/)main/(?!training/vocabulary\\.ts$|network/trainingMemory\\.ts$)',
              allowTypeImports: true,
              message: 'renderer/ may import only types from main/ (use `import type`).',
            },
            {
              regex: '^(electron(/.*)?|node:.*|fs|path|child_process)$',
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
);
