import { amountRuns } from '../../src/web/KeepTogether';
import { loadSeedLibrary } from '../support/seed';

const amounts = (text: string) => amountRuns(text).filter((run) => run.amount).map((run) => run.text);

describe('amounts kept on one line', () => {
  test('operator, number and unit are one run; the text around them is left as it is', () => {
    expect(amounts('成本指标「运维费用支出」的指标值「≤391.2万元」即 391.2万元，超过预算数 292万元，超出 99.2万元')).toEqual([
      '≤391.2万元',
      '391.2万元',
      '292万元',
      '99.2万元',
    ]);
    expect(amounts('≤65元/小时')).toEqual(['≤65元/小时']);
    expect(amounts('≥90%')).toEqual(['≥90%']);
    expect(amountRuns('满意度 ≥90%，良好').map((run) => run.text).join('')).toBe('满意度 ≥90%，良好');
  });

  test('every 万元 value of the seed library is a single run', () => {
    const values = loadSeedLibrary().tables.flatMap((table) => table.indicators.map((row) => row.value)).filter((value) => /\d万元/.test(value));
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) {
      const [money] = /[≤≥]?\d[\d.]*万元/.exec(value) ?? [''];
      expect(amounts(value).some((run) => run.includes(money))).toBe(true);
    }
  });
});
