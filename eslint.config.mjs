import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { corePurity } from './scripts/lint/core-purity.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.ci/**', 'bench-out/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pure core runs in Excel, in the browser page and in Node alike (scripts/lint/core-purity.mjs).
    files: ['src/core/**'],
    plugins: { jixiao: { rules: { 'core-purity': corePurity } } },
    rules: {
      'jixiao/core-purity': 'error',
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process'],
    },
  },
);
