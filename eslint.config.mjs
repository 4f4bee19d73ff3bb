// Lint: typescript-eslint on all TypeScript, zero warnings allowed (`npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/consistent-type-imports': 'warn',
      eqeqeq: ['warn', 'smart'],
      curly: ['warn', 'multi-line'],
      'no-throw-literal': 'warn',
    },
  },
  {
    // The pure core runs in plain Node (unit tests, benchmarks): it must never reach for the editor.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is editor-free: move vscode code to src/extension.' }],
        patterns: [{ group: ['**/extension/**', '**/webview/**'], message: 'src/core may not import the editor or webview layers.' }],
      }],
    },
  },
  {
    // The webview runs in a browser sandbox: no vscode, no Node, no host code.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview cannot use the vscode API; post a protocol message.' }],
        patterns: [{ group: ['node:*', '**/extension/**', '**/core/**'], message: 'The webview shares only src/shared with the host.' }],
      }],
    },
  },
  {
    // src/shared is bundled into both the host and the webview: nothing either side alone can load.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/shared also runs in the webview, which has no vscode API.' }],
        patterns: [{ group: ['node:*', '**/extension/**', '**/core/**', '**/webview/**'], message: 'src/shared runs on both sides: no Node, no host or webview code.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
