// ESLint (flat config) with typescript-eslint: `npm run lint`, no warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importLayers } from './eslint/importLayers.mjs';

/** Which layer may import what: the three layers of DESIGN.md, as a rule. */
const LAYERS = {
  sentry: { vscode: false, allow: ['sentry'] },
  source: { vscode: false, allow: ['sentry', 'source'] },
  model: { vscode: false, allow: ['sentry', 'source', 'model'] },
  auth: { deny: ['views', 'commands', 'editor', 'extension'] },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '.demo/**', 'media/**', 'test-results/**', 'test/fixtures/sample-workspace/**', 'test/tools/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    plugins: { layers: { rules: { 'import-layers': importLayers } } },
    rules: {
      'layers/import-layers': ['error', LAYERS],
      // The sanitisers and parsers match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only (house style).' }] },
  },
);
