import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';
import { corePurity } from './scripts/lint/core-purity.mjs';

/** Shared with test/lint.test.ts, which checks that the rule fires. */
export const SPREAD_ARGUMENT_MESSAGE =
  'No spread arguments: an array of unbounded length overflows the stack. Use a loop, reduce or maxOf/minOf (src/core/bounded.ts).';

const ZOD_PATH = { name: 'zod', message: "Import * as z from 'zod/mini': the classic build is ~50 KB gzip on every page that loads it." };

/** Neither host imports the other (issue #21): what both use lives in src/core, or src/web where it touches the DOM. */
const otherHost = (other) => ({
  'no-restricted-imports': [
    'error',
    { paths: [ZOD_PATH], patterns: [{ group: [`**/${other}`, `**/${other}/*`], message: `One host does not import the other: move what both use to src/core (or src/web where it touches the DOM).` }] },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '.ci/**', 'bench-out/**', '.tmp/**', 'test-results/**'] },
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
    // A spread argument puts every element on the stack: Math.max(...rows) overflows past ~125k rows.
    files: ['src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement', message: SPREAD_ARGUMENT_MESSAGE },
        { selector: 'NewExpression > SpreadElement', message: SPREAD_ARGUMENT_MESSAGE },
      ],
      // zod's classic build is ~50 KB gzip on a page; the schemas are written for zod/mini.
      'no-restricted-imports': ['error', { paths: [ZOD_PATH] }],
    },
  },
  {
    // File content reaches these regexes: one that can backtrack super-linearly is a hang from a file of a
    // few KB (a 20,000-character `[` number format took 187 s). Issue #26.
    files: ['src/**'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
    },
  },
  { files: ['src/wps/**'], rules: otherHost('excel') },
  { files: ['src/excel/**'], rules: otherHost('wps') },
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
