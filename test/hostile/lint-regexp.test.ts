// Issue #26: the lint rule against super-linear regexes (eslint-plugin-regexp, eslint.config.mjs) fires in
// src/ on the shapes that hung on files of a few KB, and passes their linear rewrites.
import { lint } from '../support/eslint';

describe('no super-linear backtracking in src/', () => {
  it('flags patterns whose quantifiers trade characters (the department split and the weight remark of before)', () => {
    const code = ['export const a = /^(\\d+)\\s*(.*)$/s;', 'export const b = /\\([^()]*\\d[^()]*\\)$/;', ''].join('\n');
    const messages = lint(code, 'src/xlsx/example.ts');
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).toMatch(/^regexp\/no-super-linear-backtracking: /);
  });

  it('accepts the linear rewrites used in src/', () => {
    const code = ['export const a = /^\\d*/;', 'export const b = /\\([^()\\d]*\\d[^()]*\\)$/;', ''].join('\n');
    expect(lint(code, 'src/xlsx/example.ts')).toEqual([]);
  });
});
