import { buildLibrary, parseSeedDocument } from '../../src/core/library';
import { TemplateLibrarySchema, type LibraryTable } from '../../src/core/model';
import { parseValue } from '../../src/core/values';
import { loadSeedLibrary, readSeedText, SEED_SOURCE } from '../support/seed';
import { sheetFromTable } from '../support/sheetTable';

/**
 * The 16 tables as read by hand from seeds/000_a609d38bfddc34c0.txt: first line (heading, or the
 * department line for table 3 which has none), title, department, project name, 预算数 = 财政资金,
 * 资金用途, and the number of indicator rows counted in the document.
 */
const EXPECTED: [number, number, string, string, string, string, number, string, number][] = [
  [1, 32, '数字化运维项目绩效目标表', '343101', '天津市司法局装备财务处', '数字化运维项目', 292, '数字化运维费。', 12],
  [2, 136, '司法行政业务保障经费绩效目标表', '343101', '天津市司法局装备财务处', '司法行政业务保障经费', 281, '司法行政业务保障。', 6],
  [3, 200, '法律职业资格考试绩效目标表', '343101', '天津市司法局装备财务处', '法律职业资格考试', 320, '法律职业资格考试费。', 13],
  [4, 309, '法治建设绩效目标表', '343101', '天津市司法局装备财务处', '法治建设', 88, '法治建设经费。', 19],
  [5, 458, '公共法律服务绩效目标表', '343101', '天津市司法局装备财务处', '公共法律服务', 76, '公共法律服务经费。', 24],
  [6, 637, '局机关综合经费绩效目标表', '343101', '天津市司法局装备财务处', '局机关综合经费', 117.2, '局机关综合经费。', 19],
  [7, 785, '律师行业党组织书记培训绩效目标表', '343101', '天津市司法局装备财务处', '律师行业党组织书记培训', 103, '律师行业党组织书记培训。', 6],
  [8, 853, '平安天津绩效目标表', '343101', '天津市司法局装备财务处', '平安天津', 37.4, '平安天津经费。', 12],
  [9, 959, '普法依法治理绩效目标表', '343101', '天津市司法局装备财务处', '普法依法治理', 276.8, '普法依法治理。', 25],
  [10, 1144, '人民调解工作绩效目标表', '343101', '天津市司法局装备财务处', '人民调解工作', 704, '人民调解工作经费。', 19],
  [11, 1290, '深入推进公共法律服务便民化-2024中央绩效目标表', '343101', '天津市司法局装备财务处', '深入推进公共法律服务便民化-2024中央', 600, '深入推进公共法律服务便民化', 12],
  [12, 1394, '深入推进公共法律服务便民化及其支持经费绩效目标表', '343101', '天津市司法局装备财务处', '深入推进公共法律服务便民化及其支持经费', 70.6, '深入推进公共法律服务便民化。', 12],
  [13, 1498, '天津市司法局债券利息-2024一般债利息绩效目标表', '343101', '天津市司法局装备财务处', '天津市司法局债券利息-2024一般债利息', 3.68, '偿还债券利息。', 6],
  [14, 1566, '法治建设绩效目标表', '343206', '天津市司法行政服务中心', '法治建设', 22.5, '天津市司法行政服务中心法治建设专项', 11],
  [15, 1664, '法律援助案件补贴绩效目标表', '343301', '天津市法律援助中心', '法律援助案件补贴', 160, '发放法律援助补贴。', 7],
  [16, 1738, '深入推进公共法律服务便民化支持经费绩效目标表', '343301', '天津市法律援助中心', '深入推进公共法律服务便民化支持经费', 14.4, '支付运维费、质检费。', 9],
];

type Row = [string, string, string, string, string];
const rowOf = (t: LibraryTable, i: number): Row => {
  const r = t.indicators[i];
  return [r.level1, r.level2, r.level3, r.description, r.value];
};

/**
 * An independent scan of the text: groups of consecutive tab lines; an indicator row is a group whose
 * second cell is a 二级 name (ends in 指标) and whose first cell is not the header. Only its first five
 * cells count (the last row of table 2 runs straight into table 3's department line).
 */
function scanIndicatorRows(text: string): string[][] {
  const rows: string[][] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length >= 5 && group[1].endsWith('指标') && group[0] !== '一级指标') rows.push(group.slice(0, 5));
    group = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) group.push(line.slice(line.indexOf('\t') + 1).trim());
    else flush();
  }
  flush();
  return rows;
}

describe('parseSeedDocument on the seed (天津市司法局 2024)', () => {
  const library = loadSeedLibrary();
  const text = readSeedText();

  test('reads all 16 tables in contents order, each as written in the document', () => {
    expect(library.tables).toHaveLength(16);
    library.tables.forEach((table, i) => {
      const [number, line, title, code, name, projectName, amount, purpose, rows] = EXPECTED[i];
      expect({
        number: table.number,
        line: table.line,
        title: table.title,
        department: table.department,
        unit: table.unit,
        projectName: table.projectName,
        budget: table.budget,
        purpose: table.purpose,
        rows: table.indicators.length,
        source: table.source,
        extraFields: table.extraFields,
      }).toEqual({
        number,
        line,
        title,
        department: { code, name },
        unit: '万元',
        projectName,
        budget: { total: amount, fiscal: amount, other: null },
        purpose,
        rows,
        source: SEED_SOURCE,
        extraFields: {},
      });
    });
    expect(library.tables.reduce((n, t) => n + t.indicators.length, 0)).toBe(212);
  });

  test('the contents list and the tables agree line by line', () => {
    const contents = text
      .split('\n')
      .map((l) => /^(\d+)\.(.+绩效目标表)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]}.${m[2]}`);
    expect(contents).toHaveLength(16);
    expect(library.tables.map((t) => `${t.number}.${t.title}`)).toEqual(contents);
  });

  test('every indicator row of the document is in the output, in order and complete', () => {
    const scanned = scanIndicatorRows(text);
    expect(scanned).toHaveLength(212);
    const parsed = library.tables.flatMap((t) => t.indicators.map((r) => [r.level2, r.level3, r.description, r.value]));
    expect(parsed).toEqual(scanned.map((cells) => cells.slice(1)));
    // 一级 appears only on a group's first row in the document; the output carries it down.
    const printedLevel1 = scanned.map((cells) => cells[0]);
    const outputLevel1 = library.tables.flatMap((t) => t.indicators.map((r) => r.level1));
    outputLevel1.forEach((level1, i) => {
      if (printedLevel1[i] !== '') expect(level1).toBe(printedLevel1[i]);
      else expect(level1).toBe(outputLevel1[i - 1]);
    });
    expect(new Set(outputLevel1)).toEqual(new Set(['产出指标', '效益指标', '满意度指标']));
  });

  test('every value is parsed with the table unit and its row (三级 name, 计量单位), raw kept as written', () => {
    for (const table of library.tables) {
      for (const row of table.indicators) {
        expect(row.unit).toBeNull();
        expect(row.parsed.raw).toBe(row.value);
        expect(row.parsed).toEqual(parseValue(row.value, { tableUnit: table.unit, level3: row.level3, unitColumn: row.unit }));
      }
    }
  });

  test('every seed table parses its values exactly as the sheet reader does', () => {
    for (const table of library.tables) {
      const read = sheetFromTable(table).table.indicators;
      expect(read.map((row) => row.parsed)).toEqual(table.indicators.map((row) => row.parsed));
    }
  });

  test('a per-person cost in 元 is a unit cost (moneyRate), a 成本 total is converted to 万元', () => {
    const parsedOf = (number: number, level3: string) => {
      const table = library.tables.find((t) => t.number === number);
      return table?.indicators.find((row) => row.level3 === level3)?.parsed;
    };
    const perPersonPerDay = { kind: 'moneyRate', operator: '≤', unit: '元', amount: null };
    expect(parsedOf(7, '每人每天')).toMatchObject({ ...perPersonPerDay, number: 400 });
    expect(parsedOf(6, '审计服务每人每天成本')).toMatchObject({ ...perPersonPerDay, number: 1000 });
    expect(parsedOf(3, '考生人均预算')).toMatchObject({ ...perPersonPerDay, number: 180 });
    expect(parsedOf(5, '评审费每人每半天')).toMatchObject({ ...perPersonPerDay, number: 500 });
    expect(parsedOf(1, '运维费用支出')).toMatchObject({ kind: 'moneyTotal', number: 291.2, unit: '万元', amount: 291.2 });
  });

  test('table 1: first and last rows, a 成本 amount', () => {
    const t = library.tables[0];
    expect(t.goals).toBe('1.保障我系统数字化软件、硬件、基础网络正常运行，保障网络安全。');
    expect(rowOf(t, 0)).toEqual(['产出指标', '数量指标', '软件运维系统个数', '软件运维系统个数', '≥13个']);
    expect(rowOf(t, 8)).toEqual(['产出指标', '成本指标', '运维费用支出', '运维费用支出', '≤291.2万元']);
    expect(rowOf(t, 10)).toEqual(['效益指标', '社会效益指标', '系统正常运行和网络安全', '系统正常运行和网络安全', '保障']);
    expect(rowOf(t, 11)).toEqual(['满意度指标', '服务对象满意度指标', '使用人员满意度', '使用人员满意度', '≥90%']);
  });

  test('tables 2 and 3: table 2 ends straight into table 3, which has no heading (lines 195–304)', () => {
    const [t2, t3] = [library.tables[1], library.tables[2]];
    expect(rowOf(t2, 5)).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意度', '服务对象满意度', '≥90%']);
    expect(t2.notes).toEqual([]);
    expect(t3.notes).toEqual([
      { line: 200, message: '行首制表符前有多余的空格，已忽略。' },
      { line: 200, message: '表格缺少标题行（“3.…绩效目标表”），编号 3 与标题“法律职业资格考试绩效目标表”取自目录。' },
    ]);
    expect(t3.goals).toBe('1.确保法考公正，向全社会选拔、输送法律人才。');
    // All 13 rows, by hand from the document; trailing spaces of lines 236–279 trimmed.
    expect(t3.indicators.map((_, i) => rowOf(t3, i))).toEqual([
      ['产出指标', '数量指标', '相关业务会议、培训次数', '相关业务会议、培训次数', '≥6次'],
      ['产出指标', '数量指标', '调研考点、考场、机位次数', '调研考点、考场、机位次数', '≥20次'],
      ['产出指标', '数量指标', '测试机位、安全保密措施', '测试机位、安全保密措施', '≥20次'],
      ['产出指标', '数量指标', '各项设备、证件及考务用品的购置租赁数量', '各项设备、证件及考务用品的购置租赁数量', '≥1500套'],
      ['产出指标', '质量指标', '各项设备、证件及考务用品验收合格率', '各项设备、证件及考务用品验收合格率', '100%'],
      ['产出指标', '质量指标', '资金使用合规率', '资金使用合规率', '100%'],
      ['产出指标', '质量指标', '十个百分之百落实率', '十个百分之百落实率', '100%'],
      ['产出指标', '时效指标', '完成法考组织工作', '完成法考组织工作', '2024年10月底前完成（以当年司法部公告及相关政策为准）'],
      ['产出指标', '时效指标', '完成职业资格管理工作', '完成职业资格管理工作', '2024年12月底前完成（以当年司法部公告及相关政策为准）'],
      ['产出指标', '成本指标', '考生人均预算', '考生人均预算', '≤180元'],
      ['效益指标', '社会效益指标', '维护考试平稳', '维护考试平稳', '保障考试安全顺利进行'],
      ['效益指标', '可持续影响指标', '法考考生投诉下降率', '法考考生投诉下降率', '≥5%'],
      ['满意度指标', '服务对象满意度指标', '考生满意度', '考生满意度', '≥90%'],
    ]);
  });

  test('table 4: goals over four lines, continuation lines without a tab (lines 328–331)', () => {
    const goals = library.tables[3].goals.split('\n');
    expect(goals).toHaveLength(4);
    expect(goals[0]).toBe('1.（1）完成实际新增（补证）执法人员制证工作。');
    expect(goals[1]).toMatch(/^（2）为重大行政决策、重大行政行为提供法律意见；.*为法治天津建设发挥积极作用。$/);
    expect(goals[2]).toMatch(/^（3）积极贯彻落实新修订的《行政复议法》.*为多元化解矛盾纠纷提供保障。$/);
    expect(goals[3]).toBe('（4）支持依法治市工作。');
    expect(rowOf(library.tables[3], 13)).toEqual(['产出指标', '成本指标', '执法证证件成本', '执法证证件成本', '≤30元/套']);
  });

  test('table 5: several rows per 二级, a leading space trimmed, four 满意度 rows under one 一级', () => {
    const t = library.tables[4];
    expect(t.goals.split('\n')).toHaveLength(4);
    expect(t.goals.startsWith('1.1.完成我市2024年度公共法律服务系列')).toBe(true);
    expect(rowOf(t, 2)).toEqual(['产出指标', '数量指标', '考试次数', '考试次数', '2次']);
    expect(t.indicators.slice(20).map((_, i) => rowOf(t, 20 + i))).toEqual([
      ['满意度指标', '服务对象满意度指标', '评审人员满意度', '评审人员满意度', '≥90%'],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度', '服务对象满意度', '≥90%'],
      ['满意度指标', '服务对象满意度指标', '对印刷品质量的满意度', '对印刷品质量的满意度', '≥90%'],
      ['满意度指标', '服务对象满意度指标', '当事人满意度', '当事人满意度', '≥90%'],
    ]);
    expect(t.indicators.filter((r) => r.level2 === '数量指标')).toHaveLength(6);
    expect(t.indicators.filter((r) => r.level2 === '成本指标').map((r) => r.value)).toEqual(['≤500元', '≤34万元', '≤12万元']);
  });

  test('table 10: one long goals line with runs of spaces, kept as written', () => {
    const goals = library.tables[9].goals;
    expect(goals).not.toContain('\n');
    expect(goals.startsWith('1.1.承担本市医疗纠纷调解')).toBe(true);
    expect(goals.endsWith('3.印制《调解工作制度汇编》，下发各区，为各区开展调解工作提供制度依据。')).toBe(true);
    expect(goals).toMatch(/评价满意度指标值。 {20,}2\.接待受理/);
  });

  test('table 14: 三级 differs from its description; 百分比 values kept as written', () => {
    const t = library.tables[13];
    expect(rowOf(t, 1)).toEqual(['产出指标', '数量指标', '数量完成率', '译审数量完成率', '100百分比']);
    expect(rowOf(t, 10)).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意度指标', '服务对象满意度指标', '≥95百分比']);
    expect(t.goals).toBe(
      '1.目标内容1:开展政府法律法规译审工作，提高政府法律法规宣传水平;目标内容2:完成天津市依法治市重大课题相关工作，为我市全面推进依法治市提供重大决策价值和应用价值的理论研究成果.',
    );
  });

  test('table 15: a qualitative 成本 value; table 16 last row', () => {
    expect(rowOf(library.tables[14], 4)).toEqual(['产出指标', '成本指标', '补贴发放费用', '补贴发放费用', '按《天津市法律援助补贴办法》支付费用。']);
    expect(rowOf(library.tables[15], 8)).toEqual(['满意度指标', '服务对象满意度指标', '对项目服务质量的满意度', '对项目服务质量的满意度', '≥90%']);
  });

  test('only table 3 carries notes; the document has none; the result passes the schema', () => {
    expect(library.tables.filter((t) => t.notes.length > 0).map((t) => t.number)).toEqual([3]);
    expect(library.notes).toEqual([]);
    expect(() => TemplateLibrarySchema.parse(library)).not.toThrow();
  });

  test('Windows line endings and a BOM read the same', () => {
    const crlf = parseSeedDocument(`\uFEFF${text.replace(/\n/g, '\r\n')}`, SEED_SOURCE);
    expect(crlf).toEqual(library);
  });
});

describe('buildLibrary', () => {
  test('concatenates documents in order, each table keeping its source', () => {
    const text = readSeedText();
    const library = buildLibrary([
      { source: 'a.txt', text },
      { source: 'b.txt', text },
    ]);
    expect(library.tables).toHaveLength(32);
    expect(library.tables.slice(0, 16).every((t) => t.source === 'a.txt')).toBe(true);
    expect(library.tables.slice(16).every((t) => t.source === 'b.txt')).toBe(true);
    expect(library.tables[16].projectName).toBe('数字化运维项目');
    expect(buildLibrary([])).toEqual({ tables: [], notes: [] });
  });
});
