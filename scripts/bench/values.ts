// Speed of the 指标值 parser: 10,000 values, the seed's own values plus generated ones in every shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';
import { parseSeedDocument } from '../../src/core/library';
import { parseValue } from '../../src/core/values';

const BATCH = 10_000;
const OPERATORS = ['≥', '≤', '＞＝', '<', '不低于', '不超过', ''];
const UNITS = ['个', '人次', '%', '百分比', '万元', '元', '元/小时', '元/天/人', '小时', '工作日', '万通/年', '次/日'];
const OTHERS = ['2024年12月底前', '全年', '第四季度', '7*24小时', 'XX', '**', '保障', '按《办法》支付费用。', '１，５００元', ''];

/** Deterministic mix, so runs compare: a simple linear congruential generator. */
function generatedValues(count: number): string[] {
  let state = 42;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  return Array.from({ length: count }, () =>
    next(5) === 0
      ? OTHERS[next(OTHERS.length)]
      : `${OPERATORS[next(OPERATORS.length)]}${next(100000) / (next(2) ? 1 : 100)}${UNITS[next(UNITS.length)]}`,
  );
}

export default async (): Promise<BenchFigure[]> => {
  const seedPath = join(__dirname, '..', '..', 'seeds', '000_a609d38bfddc34c0.txt');
  const library = parseSeedDocument(readFileSync(seedPath, 'utf8'), '000_a609d38bfddc34c0.txt');
  const seedValues = library.tables.flatMap((table) => table.indicators.map((row) => row.value));
  const values = [...seedValues, ...generatedValues(BATCH - seedValues.length)];
  const ms = await medianMs(20, () => {
    for (const value of values) parseValue(value);
  });
  return [
    { name: `parseValue × ${values.length} (${seedValues.length} seed + generated)`, value: ms, unit: 'ms' },
    { name: 'parseValue, per value', value: (ms * 1000) / values.length, unit: 'µs' },
  ];
};
