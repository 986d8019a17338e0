// The lint rule against spread arguments (eslint.config.mjs) fires on the pattern that overflowed the
// stack on 125k rows, and the replacement it points to handles arrays far past that length.
import { maxOf, minOf } from '../../src/core/bounded';
import { lint } from '../support/eslint';

describe('no spread arguments in src/', () => {
  it('flags Math.max(...array), push(...array) and new X(...array)', () => {
    const code = [
      'export function f(rows: number[], out: number[]): number {',
      '  out.push(...rows);',
      '  const d = new Date(...([2024, 1] as const));',
      '  return Math.max(...rows) + d.getTime();',
      '}',
      '',
    ].join('\n');
    const messages = lint(code, 'src/core/rules/example.ts');
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).toMatch(/^no-restricted-syntax: No spread arguments/);
  });

  it('accepts array and object spreads, and the loop-based maxOf', () => {
    const code = [
      "import { maxOf } from '../bounded';",
      'export function f(rows: number[]): number {',
      '  const copy = [...rows];',
      '  const o = { ...{ a: 1 } };',
      '  return maxOf(copy, 0) + o.a;',
      '}',
      '',
    ].join('\n');
    expect(lint(code, 'src/core/rules/example.ts')).toEqual([]);
  });
});

describe('maxOf / minOf', () => {
  it('work on 1,000,000 values, where a spread argument throws', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values, 0)).toBe(values.reduce((a, b) => (b > a ? b : a)));
    expect(minOf(values, -1)).toBe(0);
  });

  it('give the fallback for no values', () => {
    expect(maxOf([], 4)).toBe(4);
    expect(minOf([], 7)).toBe(7);
    expect(maxOf([-3, -1, -2], 0)).toBe(-1);
  });
});
