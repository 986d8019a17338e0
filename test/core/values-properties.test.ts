// Property and behaviour tests of the 指标值 parser and its helpers: operator/number round trips over
// generated values, totality on arbitrary text, money conversion, borrowed units, target comparison.
import fc from 'fast-check';
import { ParsedValueSchema, type Operator, type ParsedValue, type ValueKind } from '../../src/core/model';
import {
  compareTargets,
  convertMoney,
  formatValue,
  isLowerBound,
  isUpperBound,
  normaliseText,
  parseDeadline,
  parseValue,
  parseValueDetailed,
} from '../../src/core/values';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const toFullWidth = (text: string): string =>
  text.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]).replace(/,/g, '，').replace(/\./g, '．');

/** Operator spellings people write, with the operator each means. */
const OPERATOR_SPELLINGS: ReadonlyArray<readonly [string, Operator]> = [
  ['≥', '≥'], ['>=', '≥'], ['＞＝', '≥'], ['≧', '≥'], ['⩾', '≥'], ['不低于', '≥'], ['不少于', '≥'], ['达到', '≥'],
  ['≤', '≤'], ['<=', '≤'], ['＜＝', '≤'], ['≦', '≤'], ['⩽', '≤'], ['不超过', '≤'], ['不高于', '≤'],
  ['>', '>'], ['＞', '>'], ['大于', '>'], ['<', '<'], ['＜', '<'], ['小于', '<'], ['=', '='], ['＝', '='],
];

/** Units by the kind they make, with the normalised unit. */
const UNITS: ReadonlyArray<readonly [string, ValueKind, string]> = [
  ...['个', '次', '项', '人', '人次', '册', '本', '套', '件', '张', '份', '辆', '条', '通', '户', '亩', '公里', '家', '场', '期', '篇', '台', '万通/年', '次/日', '万人'].map(
    (u) => [u, 'count', u] as const,
  ),
  ['%', 'ratio', '%'], ['％', 'ratio', '%'], ['百分比', 'ratio', '%'], ['‰', 'ratio', '‰'],
  ['元', 'moneyTotal', '元'], ['万元', 'moneyTotal', '万元'], ['亿元', 'moneyTotal', '亿元'],
  ['元/小时', 'moneyRate', '元/小时'], ['元/天/人', 'moneyRate', '元/天/人'], ['元/套', 'moneyRate', '元/套'], ['元/人', 'moneyRate', '元/人'], ['万元/年', 'moneyRate', '万元/年'],
  ['日', 'duration', '日'], ['天', 'duration', '天'], ['小时', 'duration', '小时'], ['月', 'duration', '月'], ['年', 'duration', '年'], ['工作日', 'duration', '工作日'], ['小时/周', 'duration', '小时/周'],
];

/** A decimal written as text (optionally with thousands separators) and its value. */
const decimalArbitrary = fc
  .record({
    whole: fc.integer({ min: 0, max: 99_999_999 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,3}$/), { nil: undefined }),
    grouped: fc.boolean(),
  })
  .map(({ whole, fraction, grouped }) => {
    const wholeText = grouped ? whole.toLocaleString('en-US') : String(whole);
    const text = fraction === undefined ? wholeText : `${wholeText}.${fraction}`;
    return { text, value: Number(fraction === undefined ? String(whole) : `${whole}.${fraction}`) };
  });

describe('parseValue is total', () => {
  it('never throws and always returns a valid ParsedValue, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const parsed = parseValue(text);
        expect(ParsedValueSchema.safeParse(parsed).success).toBe(true);
        expect(parsed.raw).toBe(text.trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on strings built from the characters values are made of', () => {
    const pieces = ['≥', '≤', '＞', '＝', '不低于', '1', '０', ',', '，', '.', '*', '×', 'x', '/', '%', '万元', '元', '年', '月', '日', '底', '前', '（', '）', '(', ')', '第', '季度', '全年', ' ', '　', '自', '起', '以上', '—', '\t'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        expect(ParsedValueSchema.safeParse(parseValue(parts.join(''), { level3: parts.join(''), unitColumn: parts.join('') })).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('operator, number and unit round-trip', () => {
  it('for generated `${op}${number}${unit}`, ASCII, full-width and with separators', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPERATOR_SPELLINGS),
        decimalArbitrary,
        fc.constantFrom(...UNITS),
        fc.boolean(),
        fc.constantFrom('', ' ', '　'),
        ([spelling, operator], number, [unit, kind, normalisedUnit], fullWidth, space) => {
          const text = `${spelling}${space}${fullWidth ? toFullWidth(number.text) : number.text}${unit}`;
          const parsed = parseValue(text);
          expect(parsed.operator).toBe(operator);
          expect(parsed.number).toBe(number.value);
          expect(parsed.kind).toBe(kind);
          expect(parsed.unit).toBe(normalisedUnit);
          if (kind === 'moneyTotal') expect(parsed.amount).toBeCloseTo(convertMoney(number.value, normalisedUnit, '万元') ?? NaN, 6);
          else expect(parsed.amount).toBeNull();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('formatValue gives back a string that parses to the same value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPERATOR_SPELLINGS), decimalArbitrary, fc.constantFrom(...UNITS), ([spelling], number, [unit]) => {
        const parsed = parseValue(`${spelling}${number.text}${unit}`);
        const again = parseValue(formatValue(parsed));
        expect({ ...again, raw: '' }).toEqual({ ...parsed, raw: '' });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads operators written after the number', () => {
    expect(parseValue('90%以上')).toMatchObject({ operator: '≥', number: 90, unit: '%' });
    expect(parseValue('5万元以内')).toMatchObject({ operator: '≤', number: 5, kind: 'moneyTotal' });
    expect(parseValue('3天以下')).toMatchObject({ operator: '≤', number: 3, kind: 'duration' });
  });
});

describe('money', () => {
  it('converts 元, 万元 and 亿元 both ways', () => {
    expect(convertMoney(2910000, '元', '万元')).toBe(291);
    expect(convertMoney(291.2, '万元', '元')).toBe(2912000);
    expect(convertMoney(1.5, '亿元', '万元')).toBe(15000);
    expect(convertMoney(15000, '万元', '亿元')).toBe(1.5);
    expect(convertMoney(3, '亿元', '元')).toBe(300000000);
    expect(convertMoney(180, '元', '万元')).toBe(0.018);
    expect(convertMoney(5, '千元', '万元')).toBe(0.5);
    expect(convertMoney(7, '万元', '万元')).toBe(7);
    expect(convertMoney(7, '人', '万元')).toBeNull();
  });

  it('a round trip between any two units gives the amount back', () => {
    const units = ['元', '万元', '亿元'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom(...units), fc.constantFrom(...units), (cents, from, to) => {
        const amount = cents / 100;
        const there = convertMoney(amount, from, to);
        expect(there).not.toBeNull();
        expect(convertMoney(there ?? NaN, to, from)).toBeCloseTo(amount, 6);
      }),
    );
  });

  it('converts totals to the table unit', () => {
    expect(parseValue('≤2910000元').amount).toBe(291);
    expect(parseValue('≤2910000元', { tableUnit: '元' }).amount).toBe(2910000);
    expect(parseValue('≤291.2万元', { tableUnit: '元' }).amount).toBe(2912000);
    expect(parseValue('≤0.5亿元').amount).toBe(5000);
  });

  it('treats a money amount with `/` as a unit cost, and one under a per-unit 三级 name too', () => {
    expect(parseValue('≤65元/小时')).toMatchObject({ kind: 'moneyRate', amount: null });
    expect(parseValue('≤1000元', { level3: '审计服务每人每天成本' })).toMatchObject({ kind: 'moneyRate', number: 1000, unit: '元', amount: null });
    expect(parseValue('≤180元', { level3: '考生人均预算' })).toMatchObject({ kind: 'moneyRate', amount: null });
    expect(parseValue('≤2000元', { level3: '户均帮扶资金' })).toMatchObject({ kind: 'moneyRate', amount: null });
    expect(parseValue('≤5000000元', { level3: '人均评审费用' })).toMatchObject({ kind: 'moneyRate', amount: null });
    expect(parseValue('≤18万元', { level3: '公车购置费用' })).toMatchObject({ kind: 'moneyTotal', amount: 18 });
  });
});

describe('units from elsewhere', () => {
  it('a bare number takes the unit of the 三级 name in brackets, and says so', () => {
    const detail = parseValueDetailed('80000', { level3: '实施营造林总面积(亩)' });
    expect(detail.value).toMatchObject({ kind: 'count', number: 80000, unit: '亩' });
    expect(detail.unitSource).toBe('level3');
    expect(parseValueDetailed('≤120', { level3: '设备购置经费（万元）', tableUnit: '万元' })).toEqual({
      value: { raw: '≤120', kind: 'moneyTotal', operator: '≤', number: 120, unit: '万元', amount: 120, year: null, month: null },
      unitSource: 'level3',
    });
  });

  it('a 计量单位 column wins over the name', () => {
    const detail = parseValueDetailed('95', { level3: '验收合格率(个)', unitColumn: '％' });
    expect(detail.value).toMatchObject({ kind: 'ratio', number: 95, unit: '%' });
    expect(detail.unitSource).toBe('unitColumn');
    expect(parseValue('2910000', { unitColumn: '元' })).toMatchObject({ kind: 'moneyTotal', amount: 291 });
  });

  it('a unit in the value itself is kept; a bare number with no hint is a number', () => {
    expect(parseValueDetailed('≥5个', { unitColumn: '万元' })).toMatchObject({ value: { kind: 'count', unit: '个' }, unitSource: 'value' });
    expect(parseValueDetailed('320.00')).toEqual({
      value: { raw: '320.00', kind: 'number', operator: null, number: 320, unit: null, amount: null, year: null, month: null },
      unitSource: null,
    });
    expect(parseValueDetailed('≥3', { level3: '系统数量', unitColumn: '定量' }).value.kind).toBe('number');
  });
});

describe('other ways people write numbers', () => {
  it.each([
    ['一年', 'duration', null, 1, '年'],
    ['两次', 'count', null, 2, '次'],
    ['十二个月', 'duration', null, 12, '个月'],
    ['≥二十次', 'count', '≥', 20, '次'],
    ['三年内', 'duration', '≤', 3, '年'],
    ['3个工作日内', 'duration', '≤', 3, '个工作日'],
    ['每年≥2次', 'count', '≥', 2, '次/年'],
    ['每月1次', 'count', null, 1, '次/月'],
    ['≥90分', 'count', '≥', 90, '分'],
    ['≥5千万元', 'moneyTotal', '≥', 5, '千万元'],
  ] as const)('%s', (raw, kind, operator, number, unit) => {
    expect(parseValue(raw)).toMatchObject({ kind, operator, number, unit });
  });

  it('a Chinese numeral only counts before an exact unit', () => {
    expect(parseValue('一人一证').kind).toBe('qualitative');
    expect(parseValue('十').kind).toBe('qualitative');
    expect(parseValue('≥5千万元').amount).toBe(5000);
  });
});

describe('placeholders, blanks and text', () => {
  it.each(['*', '**', 'XX', 'xx', '×', '—', '/', '待定', '无', '－－', '＊＊'])('%s is a placeholder', (raw) => {
    expect(parseValue(raw).kind).toBe('placeholder');
  });

  it('keeps the operator and unit of a template placeholder', () => {
    expect(parseValue('≥XX%')).toMatchObject({ kind: 'placeholder', operator: '≥', unit: '%', number: null });
    expect(parseValue('≤**万元')).toMatchObject({ kind: 'placeholder', operator: '≤', unit: '万元' });
  });

  it('a non-string from plain JavaScript is read as its text', () => {
    expect(parseValue(95 as unknown as string)).toMatchObject({ kind: 'number', number: 95, raw: '95' });
    expect(parseValue(undefined as unknown as string).kind).toBe('empty');
  });

  it('blank is empty; words are text', () => {
    expect(parseValue('  \t ').kind).toBe('empty');
    expect(parseValue('').kind).toBe('empty');
    expect(parseValue('无投诉').kind).toBe('qualitative');
    expect(parseValue('5项工作全部完成').kind).toBe('qualitative');
    expect(parseValue('-5%')).toMatchObject({ kind: 'ratio', number: -5 });
  });
});

describe('deadlines', () => {
  it.each([
    ['2024年12月31日前', 2024, 12],
    ['2025年底前完成', 2025, 12],
    ['第二季度', null, 6],
    ['2024年第3季度末', 2024, 9],
    ['上半年', null, 6],
    ['年底前', null, 12],
    ['全年', null, null],
    ['２０２４年１１月底前', 2024, 11],
    ['2023年3月启动，2024年6月完成', 2024, 6],
    ['2024-12-31', 2024, 12],
    ['2024.6前', 2024, 6],
    ['2024.1.1-2024.6.30', 2024, 6],
    ['2024年1月1日-2024年12月31日', 2024, 12],
    ['2024年1月至11月', 2024, 11],
    ['1-6月', null, 6],
    ['当年12月底前', null, 12],
  ] as const)('%s → %s/%s', (raw, year, month) => {
    expect(parseValue(raw)).toMatchObject({ kind: 'deadline', year, month, number: null });
  });

  it('rejects what only looks like a date', () => {
    expect(parseValue('13月').kind).toBe('duration');
    expect(parseValue('1年').kind).toBe('duration');
    expect(parseValue('2000.5')).toMatchObject({ kind: 'number', number: 2000.5 });
    expect(parseValue('≥2个月').kind).toBe('duration');
    expect(parseDeadline('按时启动评审工作前')).toBeNull();
    expect(parseDeadline('0024年')).toBeNull();
  });
});

describe('normaliseText and bounds', () => {
  it('turns full-width digits, operators and spaces half-width and collapses spaces', () => {
    expect(normaliseText('　＞＝１２３，４５６．５％ 　 元　')).toBe('>=123,456.5% 元');
    expect(normaliseText('（万元）')).toBe('(万元)');
  });

  it('classifies operators as bounds', () => {
    expect([isLowerBound('≥'), isLowerBound('>'), isLowerBound('≤'), isLowerBound(null)]).toEqual([true, true, false, false]);
    expect([isUpperBound('≤'), isUpperBound('<'), isUpperBound('='), isUpperBound(null)]).toEqual([true, true, false, false]);
  });
});

describe('compareTargets', () => {
  it('is antisymmetric: swapping template and actual swaps weaker and stronger', () => {
    const mirror = { weaker: 'stronger', stronger: 'weaker', same: 'same', incomparable: 'incomparable' } as const;
    const valueArbitrary = fc
      .tuple(fc.constantFrom('≥', '≤', '>', '<', '=', ''), fc.integer({ min: 0, max: 500 }), fc.constantFrom('个', '%', '万元', '元', '元/小时', '小时'))
      .map(([op, n, unit]) => parseValue(`${op}${n}${unit}`));
    fc.assert(
      fc.property(valueArbitrary, valueArbitrary, (template, actual) => {
        expect(compareTargets(actual, template)).toBe(mirror[compareTargets(template, actual)]);
      }),
      { numRuns: 2000 },
    );
  });


  const v = (raw: string): ParsedValue => parseValue(raw);
  it.each([
    ['≥90%', '≥85%', 'weaker'],
    ['≥90%', '≥90%', 'same'],
    ['≥90%', '≥95%', 'stronger'],
    ['≥90%', '＞90%', 'stronger'],
    ['≥90%', '100%', 'stronger'],
    ['≥90%', '80%', 'weaker'],
    ['≥90%', '90%', 'same'],
    ['≤291.2万元', '≤300万元', 'weaker'],
    ['≤291.2万元', '≤2912000元', 'same'],
    ['≤291.2万元', '≤2000000元', 'stronger'],
    ['≤65元/小时', '≤0.007万元/小时', 'weaker'],
    ['≤65元/小时', '≤65元/天', 'incomparable'],
    ['≥13个', '≥13套', 'incomparable'],
    ['≥13个', '≤13个', 'incomparable'],
    ['≥13个', '12个', 'weaker'],
    ['10个', '12个', 'stronger'],
    ['30万元', '20万元', 'stronger'],
    ['1年', '2年', 'incomparable'],
    ['≤4小时', '≤8小时', 'weaker'],
    ['2024年12月底前', '2024年10月底前', 'stronger'],
    ['2024年10月底前', '2024年12月底前', 'weaker'],
    ['全年', '全年', 'same'],
    ['保障', '保障', 'same'],
    ['保障', '有效保障', 'incomparable'],
    ['≥90%', '保障', 'incomparable'],
  ] as const)('template %s, actual %s → %s', (template, actual, expected) => {
    expect(compareTargets(v(template), v(actual))).toBe(expected);
  });
});
