// Every distinct 指标值 of the seed document, with what the parser must make of it (decided by reading
// each one), plus a scan of the seed text that fails when a value appears that this table lacks.
import { ParsedValueSchema, type Operator, type ValueKind } from '../../src/core/model';
import { parseValue } from '../../src/core/values';
import { readSeedText } from '../support/seed';

interface Expected {
  kind: ValueKind;
  op?: Operator | null;
  number?: number | null;
  unit?: string | null;
  /** moneyTotal: amount in 万元 (the seed's table unit). */
  amount?: number | null;
  year?: number | null;
  month?: number | null;
}

/**
 * Decisions worth naming: `7*24小时` is a duration of 168 hours; `≥12万人` keeps number 12 and unit 万人;
 * `2024年` and `全年` as 时效 values are deadlines; `自收齐受理材料之日起3个工作日` is a 3-day duration;
 * `4月立项，5月启动，12月完成` is a deadline in month 12 (its last step); a money amount with no `/`
 * is a total unless the 三级 name says otherwise (tested in values-properties.test.ts).
 */
const SEED_VALUES: ReadonlyArray<readonly [string, Expected]> = [
  ['0%', { kind: 'ratio', op: null, number: 0, unit: '%' }],
  ['100%', { kind: 'ratio', op: null, number: 100, unit: '%' }],
  ['100百分比', { kind: 'ratio', op: null, number: 100, unit: '%' }],
  ['10个', { kind: 'count', op: null, number: 10, unit: '个' }],
  ['1个', { kind: 'count', op: null, number: 1, unit: '个' }],
  ['1套', { kind: 'count', op: null, number: 1, unit: '套' }],
  ['1年', { kind: 'duration', op: null, number: 1, unit: '年' }],
  ['1辆', { kind: 'count', op: null, number: 1, unit: '辆' }],
  ['2024年', { kind: 'deadline', year: 2024, month: null }],
  ['2024年10月底前完成（以当年司法部公告及相关政策为准）', { kind: 'deadline', year: 2024, month: 10 }],
  ['2024年12月底前', { kind: 'deadline', year: 2024, month: 12 }],
  ['2024年12月底前完成（以当年司法部公告及相关政策为准）', { kind: 'deadline', year: 2024, month: 12 }],
  ['2024年12月底完成', { kind: 'deadline', year: 2024, month: 12 }],
  ['2024年6月30日前。', { kind: 'deadline', year: 2024, month: 6 }],
  ['2024年全年', { kind: 'deadline', year: 2024, month: null }],
  ['2024年底完成', { kind: 'deadline', year: 2024, month: 12 }],
  ['2个', { kind: 'count', op: null, number: 2, unit: '个' }],
  ['2次', { kind: 'count', op: null, number: 2, unit: '次' }],
  ['400元/天/人', { kind: 'moneyRate', op: null, number: 400, unit: '元/天/人' }],
  ['4月立项，5月启动，12月完成', { kind: 'deadline', year: null, month: 12 }],
  ['5件', { kind: 'count', op: null, number: 5, unit: '件' }],
  ['7*24小时', { kind: 'duration', op: null, number: 168, unit: '小时' }],
  ['9月底前', { kind: 'deadline', year: null, month: 9 }],
  ['≤0.8万元', { kind: 'moneyTotal', op: '≤', number: 0.8, unit: '万元', amount: 0.8 }],
  ['≤1%', { kind: 'ratio', op: '≤', number: 1, unit: '%' }],
  ['≤1.4万元', { kind: 'moneyTotal', op: '≤', number: 1.4, unit: '万元', amount: 1.4 }],
  ['≤1000元', { kind: 'moneyTotal', op: '≤', number: 1000, unit: '元', amount: 0.1 }],
  ['≤108万元', { kind: 'moneyTotal', op: '≤', number: 108, unit: '万元', amount: 108 }],
  ['≤12万元', { kind: 'moneyTotal', op: '≤', number: 12, unit: '万元', amount: 12 }],
  ['≤13万元', { kind: 'moneyTotal', op: '≤', number: 13, unit: '万元', amount: 13 }],
  ['≤17.5万元', { kind: 'moneyTotal', op: '≤', number: 17.5, unit: '万元', amount: 17.5 }],
  ['≤180元', { kind: 'moneyTotal', op: '≤', number: 180, unit: '元', amount: 0.018 }],
  ['≤18万元', { kind: 'moneyTotal', op: '≤', number: 18, unit: '万元', amount: 18 }],
  ['≤19.15万元', { kind: 'moneyTotal', op: '≤', number: 19.15, unit: '万元', amount: 19.15 }],
  ['≤1次', { kind: 'count', op: '≤', number: 1, unit: '次' }],
  ['≤281万元', { kind: 'moneyTotal', op: '≤', number: 281, unit: '万元', amount: 281 }],
  ['≤291.2万元', { kind: 'moneyTotal', op: '≤', number: 291.2, unit: '万元', amount: 291.2 }],
  ['≤3.68万元', { kind: 'moneyTotal', op: '≤', number: 3.68, unit: '万元', amount: 3.68 }],
  ['≤30.5万元', { kind: 'moneyTotal', op: '≤', number: 30.5, unit: '万元', amount: 30.5 }],
  ['≤30元/套', { kind: 'moneyRate', op: '≤', number: 30, unit: '元/套' }],
  ['≤34万元', { kind: 'moneyTotal', op: '≤', number: 34, unit: '万元', amount: 34 }],
  ['≤36万元', { kind: 'moneyTotal', op: '≤', number: 36, unit: '万元', amount: 36 }],
  ['≤37.4万元', { kind: 'moneyTotal', op: '≤', number: 37.4, unit: '万元', amount: 37.4 }],
  ['≤400元', { kind: 'moneyTotal', op: '≤', number: 400, unit: '元', amount: 0.04 }],
  ['≤4万元', { kind: 'moneyTotal', op: '≤', number: 4, unit: '万元', amount: 4 }],
  ['≤4小时', { kind: 'duration', op: '≤', number: 4, unit: '小时' }],
  ['≤500元', { kind: 'moneyTotal', op: '≤', number: 500, unit: '元', amount: 0.05 }],
  ['≤500元/人次', { kind: 'moneyRate', op: '≤', number: 500, unit: '元/人次' }],
  ['≤5万元', { kind: 'moneyTotal', op: '≤', number: 5, unit: '万元', amount: 5 }],
  ['≤610万元', { kind: 'moneyTotal', op: '≤', number: 610, unit: '万元', amount: 610 }],
  ['≤65人', { kind: 'count', op: '≤', number: 65, unit: '人' }],
  ['≤65元/小时', { kind: 'moneyRate', op: '≤', number: 65, unit: '元/小时' }],
  ['≤80万元', { kind: 'moneyTotal', op: '≤', number: 80, unit: '万元', amount: 80 }],
  ['≤8万元', { kind: 'moneyTotal', op: '≤', number: 8, unit: '万元', amount: 8 }],
  ['≤90万元', { kind: 'moneyTotal', op: '≤', number: 90, unit: '万元', amount: 90 }],
  ['≥1.2万件', { kind: 'count', op: '≥', number: 1.2, unit: '万件' }],
  ['≥100人次', { kind: 'count', op: '≥', number: 100, unit: '人次' }],
  ['≥10日', { kind: 'duration', op: '≥', number: 10, unit: '日' }],
  ['≥10次', { kind: 'count', op: '≥', number: 10, unit: '次' }],
  ['≥12万人', { kind: 'count', op: '≥', number: 12, unit: '万人' }],
  ['≥12份', { kind: 'count', op: '≥', number: 12, unit: '份' }],
  ['≥13个', { kind: 'count', op: '≥', number: 13, unit: '个' }],
  ['≥1500人次', { kind: 'count', op: '≥', number: 1500, unit: '人次' }],
  ['≥1500套', { kind: 'count', op: '≥', number: 1500, unit: '套' }],
  ['≥199人', { kind: 'count', op: '≥', number: 199, unit: '人' }],
  ['≥1次', { kind: 'count', op: '≥', number: 1, unit: '次' }],
  ['≥1次/日', { kind: 'count', op: '≥', number: 1, unit: '次/日' }],
  ['≥20000册', { kind: 'count', op: '≥', number: 20000, unit: '册' }],
  ['≥2000人', { kind: 'count', op: '≥', number: 2000, unit: '人' }],
  ['≥2000条', { kind: 'count', op: '≥', number: 2000, unit: '条' }],
  ['≥209人', { kind: 'count', op: '≥', number: 209, unit: '人' }],
  ['≥20次', { kind: 'count', op: '≥', number: 20, unit: '次' }],
  ['≥21个', { kind: 'count', op: '≥', number: 21, unit: '个' }],
  ['≥230件', { kind: 'count', op: '≥', number: 230, unit: '件' }],
  ['≥24人', { kind: 'count', op: '≥', number: 24, unit: '人' }],
  ['≥25次', { kind: 'count', op: '≥', number: 25, unit: '次' }],
  ['≥2次', { kind: 'count', op: '≥', number: 2, unit: '次' }],
  ['≥2项', { kind: 'count', op: '≥', number: 2, unit: '项' }],
  ['≥3%', { kind: 'ratio', op: '≥', number: 3, unit: '%' }],
  ['≥3000个', { kind: 'count', op: '≥', number: 3000, unit: '个' }],
  ['≥400册', { kind: 'count', op: '≥', number: 400, unit: '册' }],
  ['≥40次', { kind: 'count', op: '≥', number: 40, unit: '次' }],
  ['≥43万通/年', { kind: 'count', op: '≥', number: 43, unit: '万通/年' }],
  ['≥48小时/周', { kind: 'duration', op: '≥', number: 48, unit: '小时/周' }],
  ['≥4个', { kind: 'count', op: '≥', number: 4, unit: '个' }],
  ['≥4次', { kind: 'count', op: '≥', number: 4, unit: '次' }],
  ['≥5%', { kind: 'ratio', op: '≥', number: 5, unit: '%' }],
  ['≥550件', { kind: 'count', op: '≥', number: 550, unit: '件' }],
  ['≥5个', { kind: 'count', op: '≥', number: 5, unit: '个' }],
  ['≥5日', { kind: 'duration', op: '≥', number: 5, unit: '日' }],
  ['≥637人', { kind: 'count', op: '≥', number: 637, unit: '人' }],
  ['≥650件', { kind: 'count', op: '≥', number: 650, unit: '件' }],
  ['≥6次', { kind: 'count', op: '≥', number: 6, unit: '次' }],
  ['≥7000张', { kind: 'count', op: '≥', number: 7000, unit: '张' }],
  ['≥7个', { kind: 'count', op: '≥', number: 7, unit: '个' }],
  ['≥80%', { kind: 'ratio', op: '≥', number: 80, unit: '%' }],
  ['≥8000册', { kind: 'count', op: '≥', number: 8000, unit: '册' }],
  ['≥8000套', { kind: 'count', op: '≥', number: 8000, unit: '套' }],
  ['≥800本', { kind: 'count', op: '≥', number: 800, unit: '本' }],
  ['≥87%', { kind: 'ratio', op: '≥', number: 87, unit: '%' }],
  ['≥8个', { kind: 'count', op: '≥', number: 8, unit: '个' }],
  ['≥90%', { kind: 'ratio', op: '≥', number: 90, unit: '%' }],
  ['≥95%', { kind: 'ratio', op: '≥', number: 95, unit: '%' }],
  ['≥95百分比', { kind: 'ratio', op: '≥', number: 95, unit: '%' }],
  ['≥99%', { kind: 'ratio', op: '≥', number: 99, unit: '%' }],
  ['一人一证', { kind: 'qualitative' }],
  ['不断提升', { kind: 'qualitative' }],
  ['不断提高', { kind: 'qualitative' }],
  ['为调解工作提供制度依据', { kind: 'qualitative' }],
  ['作为立法工作的重要环节加以规范', { kind: 'qualitative' }],
  ['保证12348热线系统正常运行，维持热线满意率。', { kind: 'qualitative' }],
  ['保障', { kind: 'qualitative' }],
  ['保障正常开展', { kind: 'qualitative' }],
  ['保障考试安全顺利进行', { kind: 'qualitative' }],
  ['充分发挥', { kind: 'qualitative' }],
  ['全年', { kind: 'deadline', year: null, month: null }],
  ['全系统', { kind: 'qualitative' }],
  ['全部实现', { kind: 'qualitative' }],
  ['减少社会矛盾，提升群众法治理念', { kind: 'qualitative' }],
  ['印刷字迹清晰', { kind: 'qualitative' }],
  ['持续提升', { kind: 'qualitative' }],
  ['按《天津市法律援助补贴办法》支付费用。', { kind: 'qualitative' }],
  ['按时启动评审工作前', { kind: 'qualitative' }],
  ['按机构需求选择合适专家开展评审评审', { kind: 'qualitative' }],
  ['按照全国统一标准式样', { kind: 'qualitative' }],
  ['按照规范设计要求 ，竣工验收合格', { kind: 'qualitative' }],
  ['按进度完成', { kind: 'qualitative' }],
  ['提升法律援助案件质量，群众获得优质高效的法律援助服务', { kind: 'qualitative' }],
  ['提升申请人重视程度', { kind: 'qualitative' }],
  ['提高依法行政能力水平，进一步提高', { kind: 'qualitative' }],
  ['提高法治宣传教育效果', { kind: 'qualitative' }],
  ['有效保障', { kind: 'qualitative' }],
  ['有效宣传', { kind: 'qualitative' }],
  ['有效提升', { kind: 'qualitative' }],
  ['根据各政法单位需要确定', { kind: 'qualitative' }],
  ['确保监所生产安全稳定', { kind: 'qualitative' }],
  ['符合专家评委要求', { kind: 'qualitative' }],
  ['第四季度', { kind: 'deadline', year: null, month: 12 }],
  ['自收齐受理材料之日起3个工作日', { kind: 'duration', op: null, number: 3, unit: '个工作日' }],
  ['营造良好社会氛围', { kind: 'qualitative' }],
  ['通过深入研究全面依法治市重大理论与实践课题，形成一批具有前瞻性指导性可行性的研究成果，助力法治天津建设，提供智力支持', { kind: 'qualitative' }],
];

/** Independent scan: the 5th cell of every row inside an indicator grid (after the 一级指标 header row). */
function scanSeedValues(text: string): { values: string[]; grids: number } {
  const lines = text.split(/\r?\n/);
  const rows: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    // A cell is a tab-indented line (one export line starts with a stray space before the tab).
    const cell = /^ *\t(.*)$/.exec(line);
    if (cell) {
      current.push(cell[1]);
      continue;
    }
    if (current.length > 0) rows.push(current);
    current = [];
    if (line.includes('[bookmark')) rows.push(['[bookmark]']);
  }
  if (current.length > 0) rows.push(current);

  const headerLabels = new Set(['[bookmark]', '单位：万元', '项目名称', '预算规模及资金用途', '绩效目标']);
  const values: string[] = [];
  let grids = 0;
  let inGrid = false;
  for (const row of rows) {
    const first = row[0].trim();
    if (first === '一级指标') {
      inGrid = true;
      grids += 1;
    } else if (headerLabels.has(first) || /^\d{6}/.test(first)) {
      inGrid = false;
    } else if (inGrid && row.length >= 5) {
      values.push(row[4].trim());
    }
  }
  return { values, grids };
}

describe('parseValue on every 指标值 of the seed', () => {
  it.each(SEED_VALUES.map(([raw, expected]) => [raw, expected] as const))('%s', (raw, expected) => {
    const parsed = parseValue(raw);
    expect(ParsedValueSchema.parse(parsed)).toEqual(parsed);
    expect(parsed.raw).toBe(raw.trim());
    expect(parsed.kind).toBe(expected.kind);
    const numeric = !['qualitative', 'deadline', 'placeholder', 'empty'].includes(expected.kind);
    expect(parsed.operator).toBe(numeric ? expected.op : null);
    expect(parsed.number).toBe(numeric ? expected.number : null);
    expect(parsed.unit).toBe(numeric ? expected.unit : null);
    expect(parsed.amount).toBe(expected.kind === 'moneyTotal' ? expected.amount : null);
    expect(parsed.year).toBe(expected.kind === 'deadline' ? expected.year : null);
    expect(parsed.month).toBe(expected.kind === 'deadline' ? expected.month : null);
  });

  it('the table lists each value once', () => {
    const raws = SEED_VALUES.map(([raw]) => raw);
    expect(new Set(raws).size).toBe(raws.length);
  });

  it('covers every distinct value a scan of the seed text finds', () => {
    const { values, grids } = scanSeedValues(readSeedText());
    expect(grids).toBe(16);
    const distinct = [...new Set(values)];
    // The seed has ~140 distinct values over ~210 rows; far fewer means the scan itself broke.
    expect(distinct.length).toBeGreaterThan(130);
    expect(values.length).toBeGreaterThan(200);
    const listed = new Set(SEED_VALUES.map(([raw]) => raw));
    expect(distinct.filter((value) => !listed.has(value))).toEqual([]);
  });
});
