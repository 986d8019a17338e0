// Reading by content: forms whose headers the label reader does not know, read from what their cells hold.
import { checkGridTables } from '../../src/core/check';
import { readSheet, readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { EVIDENCE_RULES, assignRoles, profileColumns, roleScores } from '../../src/core/sheet/columnRoles';
import { SheetCells } from '../../src/core/sheet/cells';
import { dimensionOf, numberingLevel } from '../../src/core/sheet/vocabulary';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

const HEAD: CellValue[][] = [
  ['项目支出绩效目标表'],
  ['项目名称', '乡村道路养护'],
  ['预算数', 120, '其中：财政资金', 120, '其他资金', 0],
  ['绩效目标', '完成道路养护 30 公里，群众满意度达到 90% 以上。'],
];

describe('the dimension vocabulary', () => {
  test('knows 一级 and 二级 names with numbering, weights and a trailing 等', () => {
    expect(dimensionOf('一、产出指标')?.level).toBe(1);
    expect(dimensionOf('（一）数量指标')?.level).toBe(2);
    expect(dimensionOf('社会效益指标（20分）')?.level).toBe(2);
    expect(dimensionOf('服务对象满意度指标等')).toEqual({ level: 2, name: '服务对象满意度指标' });
    expect(dimensionOf('道路养护里程')).toBeNull();
    expect([numberingLevel('一、产出指标'), numberingLevel('（二）质量指标'), numberingLevel('1.养护里程'), numberingLevel('养护里程')]).toEqual([1, 2, 3, null]);
  });
});

describe('column roles by content', () => {
  const values: CellValue[][] = [
    ['产出指标', '数量指标', '养护里程', '≥', '30', '公里', '按年度计划完成的养护里程，以验收记录为准'],
    [null, '质量指标', '验收合格率', '≥', '95', '%', '经县交通局验收合格的路段占养护路段的比例'],
    [null, '时效指标', '完成时间', '≤', '2024年12月', null, '全部养护任务完成的时间，以验收日期为准'],
  ];
  const profiles = profileColumns(new SheetCells(grid(values)), 0, 2, 2, 6, []);
  const best = (col: number) => Object.entries(roleScores(profiles.find((p) => p.col === col)!)).sort((a, b) => b[1] - a[1])[0][0];
  test('names, operators, targets, units and prose each win their own column, with no header at all', () => {
    expect([2, 3, 4, 5, 6].map(best)).toEqual(['level3', 'valueType', 'value', 'unit', 'description']);
  });
  test('plain figures (1, 100) are told from weights and completed values by their neighbours: the operator before, the unit after', () => {
    // 指标名称 | 指标性质 | 符号 | 指标值 | 完成值 | 单位 | 分值, with no header: every figure column reads alike by itself.
    const figures: CellValue[][] = [
      ['租车次数', '正向', '大于等于', 1, 1, '次', 8],
      ['宣传美工制作个数', '正向', '小于等于', 1, 1, '个', 7],
      ['租车达标率', '正向', '等于', 100, 100, '%', 8],
    ];
    const roles = assignRoles(profileColumns(new SheetCells(grid(figures)), 0, 2, 0, 6, []));
    expect([roles.level3, roles.operatorColumns, roles.value, roles.unit]).toEqual([0, [2], 3, 5]);
  });
  test('a name that reads as a judgement (完成…支付资金) is not the target: the target stands right of the operator', () => {
    const one: CellValue[][] = [['完成安可产品购买并按要求支付资金', '=', 100]];
    const roles = assignRoles(profileColumns(new SheetCells(grid(one)), 0, 0, 0, 2, []));
    expect([roles.level3, roles.value]).toEqual([0, 2]);
    // A form that prints its operator after the target still has one.
    const after: CellValue[][] = [['养护里程', '30公里', '≥'], ['验收合格率', '95%', '≥']];
    expect(assignRoles(profileColumns(new SheetCells(grid(after)), 0, 1, 0, 2, [])).value).toBe(1);
  });
  test('every evidence rule is named and scores within 0..1', () => {
    for (const rule of EVIDENCE_RULES) for (const p of profiles) expect(rule.score(p)).toBeLessThanOrEqual(1);
    expect(new Set(EVIDENCE_RULES.map((r) => r.name)).size).toBe(EVIDENCE_RULES.length);
  });
});

describe('forms read by content', () => {
  test('a 一级 column the filler left blank reads blank, not derived from the 二级 (a blank merged block, or headed 一级)', () => {
    const rows: CellValue[][] = [
      [null, '数量指标', '养护里程', '≥', 30, '公里'],
      [null, null, '养护路段数', '≥', 12, '条'],
      [null, '质量指标', '验收合格率', '≥', 95, '%'],
    ];
    const level1s = (g: CellGrid) => readSheetTables(g).tables[0]?.grids[0].rows.map(({ row }) => [row.level1, row.level2, row.value]);
    const expected = [['', '数量指标', '≥30'], ['', '数量指标', '≥12'], ['', '质量指标', '≥95']];
    // No header at all: the empty merged block beside the 二级 is the 一级 cell.
    expect(level1s(grid([...HEAD, [], ...rows], ['A6:A8', 'B6:B7']))).toEqual(expected);
    // 一级指标 written over an empty column, no 指标值 header (so the label reader does not take the grid).
    expect(level1s(grid([...HEAD, ['一级指标', '二级指标', '三级指标'], ...rows], ['B6:B7']))).toEqual(expected);
    // With neither, the 一级 is the 二级's home.
    expect(level1s(grid([...HEAD, [], ...rows.map((r) => r.slice(1))], ['A6:A7']))?.map((r) => r[0])).toEqual(['产出指标', '产出指标', '产出指标']);
  });
  test('a 指标类型 | 指标名称 | 指标值 | 指标描述 form with no 一级/二级 headers and no 三级 column', () => {
    const form = grid([
        ...HEAD,
        ['指标类型', '指标名称', '指标值', '指标描述'],
        ['数量指标', '养护里程', '≥30公里', '按年度计划完成的养护里程'],
        ['质量指标', '验收合格率', '≥95%', '验收合格的路段占比'],
        ['时效指标', '完成时间', '2024年12月底前', '全部任务完成时间'],
        ['经济成本指标', '养护费用', '≤120万元', '养护支出总额'],
        // A measured 效益 (「明显改善」 is a vague target since issue #23, and this table stands for a clean one).
        ['社会效益指标', '群众出行时间缩短率', '≥10%', '群众出行更加便利'],
        ['服务对象满意度指标等', '群众满意度', '≥90%', '抽样调查'],
      ]);
    const sheet = readSheet(form)!;
    expect(sheet.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value])).toEqual([
      ['产出指标', '数量指标', '养护里程', '≥30公里'],
      ['产出指标', '质量指标', '验收合格率', '≥95%'],
      ['产出指标', '时效指标', '完成时间', '2024年12月底前'],
      ['成本指标', '经济成本指标', '养护费用', '≤120万元'],
      ['效益指标', '社会效益指标', '群众出行时间缩短率', '≥10%'],
      ['满意度指标', '服务对象满意度指标等', '群众满意度', '≥90%'],
    ]);
    expect(sheet.grids[0].rows[0].refs).toMatchObject({ level2: 'A6', level3: 'B6', value: 'C6', description: 'D6' });
    // Read with confidence, and every dimension in place: nothing to report on this clean table.
    expect(checkGridTables(form)[0].issues.map((i) => i.code)).toEqual([]);
  });

  test('a tree export: one indented column holds 一级, 二级 and 三级 in turn, beside 指标值 and 绩效金额', () => {
    const sheet = readSheet(
      grid([
        ...HEAD,
        ['绩效指标', '指标值', '绩效金额'],
        ['一、产出指标', null, 80],
        ['（一）数量指标', null, null],
        ['1.养护里程', '≥30公里', null],
        ['（二）质量指标', null, null],
        ['1.验收合格率', '≥95%', null],
        ['二、效益指标', null, 20],
        ['（一）社会效益指标', null, null],
        ['1.群众出行条件', '明显改善', null],
        ['三、满意度指标', null, 20],
        ['（一）服务对象满意度指标', null, null],
        ['1.群众满意度', '≥90%', null],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value])).toEqual([
      ['一、产出指标', '（一）数量指标', '1.养护里程', '≥30公里'],
      ['一、产出指标', '（二）质量指标', '1.验收合格率', '≥95%'],
      ['二、效益指标', '（一）社会效益指标', '1.群众出行条件', '明显改善'],
      ['三、满意度指标', '（一）服务对象满意度指标', '1.群众满意度', '≥90%'],
    ]);
    expect(sheet.grids[0].rows[0].refs).toMatchObject({ level1: 'A6', level2: 'A7', level3: 'A8', value: 'B8' });
  });

  // A tree with neither numbering nor indentation (what a re-dressed table prints): the levels of names no
  // framework knows come from where they stand, and the rules then see them as the flat form's reading does.
  const KNOWN_TREE: CellValue[][] = [
    ['产出指标'],
    ['数量指标'],
    ['养护里程', '≥30公里'],
    ['效益指标'],
    ['社会效益指标'],
    ['群众出行条件', '明显改善'],
    ['满意度指标'],
    ['服务对象满意度指标'],
    ['群众满意度', '≥90%'],
  ];
  const levels = (values: CellValue[][]) => readSheet(grid(values))!.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value]);
  const codes = (values: CellValue[][]) => checkGridTables(grid(values))[0].issues.map((i) => `${i.code} ${i.cells[0]}`);

  test('a tree export: a name no framework knows right under a known 一级 is its 二级; a blank target after indicators stays an indicator', () => {
    const values = [
      ...HEAD,
      ['绩效指标', '指标值'],
      ['产出指标'],
      ['管理制度'],
      ['制度健全性', '健全'],
      ['数量指标'],
      ['养护里程', '≥30公里'],
      ['养护频次'],
      ...KNOWN_TREE.slice(3),
    ];
    expect(levels(values)).toEqual([
      ['产出指标', '管理制度', '制度健全性', '健全'],
      ['产出指标', '数量指标', '养护里程', '≥30公里'],
      ['产出指标', '数量指标', '养护频次', ''],
      ['效益指标', '社会效益指标', '群众出行条件', '明显改善'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
    ]);
    // The unknown 二级 is reported where it stands, the blank target as blank.
    expect(codes(values)).toEqual(expect.arrayContaining(['misplaced-dimension A7', 'missing-value B11']));
  });

  test('a tree export: names no framework knows between the tree header and its first known 一级 are an unknown 一级 and 二级, not a heading', () => {
    const values = [...HEAD, ['绩效指标', '指标值'], ['管理指标'], ['制度建设'], ['管理制度健全性'], ...KNOWN_TREE];
    const sheet = readSheet(grid(values))!;
    expect(levels(values)).toEqual([
      ['管理指标', '制度建设', '管理制度健全性', ''],
      ['产出指标', '数量指标', '养护里程', '≥30公里'],
      ['效益指标', '社会效益指标', '群众出行条件', '明显改善'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
    ]);
    expect(sheet.refs.indicatorHeader).toBe('A5');
    expect(sheet.grids[0].rows[0].refs).toMatchObject({ level1: 'A6', level2: 'A7', level3: 'A8', value: 'B8' });
    expect(codes(values)).toEqual(expect.arrayContaining(['misplaced-dimension A6', 'missing-value B8']));
    // With no tree header right above, a line over the first 一级 may be a caption: not read as a 一级.
    expect(levels([...HEAD, ['以下为本项目绩效指标'], ...KNOWN_TREE])[0]).toEqual(['产出指标', '数量指标', '养护里程', '≥30公里']);
  });

  test('a 区域绩效目标表: one value column per 区县 under a two-row header, read as one grid per region', () => {
    const sheet = readSheet(
      grid(
        [
          ...HEAD,
          ['一级指标', '二级指标', '三级指标', '区域目标值', null, null],
          [null, null, null, '甲县', '乙县', '丙区'],
          ['产出指标', '数量指标', '养护里程', '≥10公里', '≥12公里', '≥8公里'],
          [null, '质量指标', '验收合格率', '≥95%', '≥95%', '≥96%'],
          ['效益指标', '社会效益指标', '群众出行条件', '改善', '改善', '明显改善'],
          ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '≥90%', '≥92%'],
        ],
        ['D5:F5'],
      ),
    )!;
    expect(sheet.grids.map((g) => [g.region, g.rows.map((r) => r.row.value)])).toEqual([
      ['甲县', ['≥10公里', '≥95%', '改善', '≥90%']],
      ['乙县', ['≥12公里', '≥95%', '改善', '≥90%']],
      ['丙区', ['≥8公里', '≥96%', '明显改善', '≥92%']],
    ]);
    expect(sheet.grids[2].rows[0].refs.value).toBe('F7');
  });

  test('a 度量单位 column under the 指标值 header is the unit, the targets beside it the value', () => {
    const sheet = readSheet(
      grid([
        ...HEAD,
        ['一级指标', '二级指标', '三级指标', '指标值', '目标'],
        ['产出指标', '数量指标', '养护里程', '公里', '30'],
        [null, '质量指标', '验收合格率', '%', '95'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '%', '90'],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => [r.value, r.unit])).toEqual([
      ['30', '公里'],
      ['95', '%'],
      ['90', '%'],
    ]);
  });

  test('其他需要说明事项 | 无 under the grid is not an indicator row', () => {
    const sheet = readSheet(
      grid([
        ...HEAD,
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '养护里程', '≥30公里'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
        ['其他需要说明事项', '无'],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => r.level3)).toEqual(['养护里程', '群众满意度']);
  });

  test('no confident reading is unreadable-layout naming what was found and what is missing, never a silent pass', () => {
    const read = readSheetTables(
      grid([
        ...HEAD,
        ['产出指标', '数量指标', '养护里程', '按计划完成全县农村公路日常养护工作'],
        ['效益指标', '社会效益指标', '出行条件', '群众出行条件得到进一步的改善和提升'],
      ]),
    );
    expect(read.tables).toEqual([]);
    expect(read.unreadable?.found).toEqual(expect.arrayContaining(['2 个一级指标名称（A 列）', '2 个二级指标名称（B 列）']));
    expect(read.unreadable?.missing.join('')).toContain('指标值列');
  });
});

describe('header fields by similarity and by type', () => {
  test('a misprinted label (财政投款, 专项名称金) and a spaced one (预 算 数) are read', () => {
    const sheet = readSheet(
      grid([
        ['专项名称金', '乡村道路养护'],
        ['预 算 数', 120, '其中：财政投款', 100, '其他资金', 20],
        ['绩效目标', '完成道路养护。'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '养护里程', '≥30公里'],
      ]),
    )!;
    expect([sheet.table.projectName, sheet.table.budget]).toEqual(['乡村道路养护', { total: 120, fiscal: 100, other: 20 }]);
    expect(sheet.refs.budgetFiscal).toBe('D2');
  });

  test('中期 and 年度 money side by side: 财政资金 comes from the 年度 block', () => {
    const sheet = readSheet(
      grid([
        ['项目名称', '乡村道路养护'],
        ['资金情况（万元）', '中期资金总额', 300, '年度资金总额', 120],
        [null, '其中：财政拨款', 250, '其中：财政拨款', 100],
        [null, '其他资金', 50, '其他资金', 20],
        ['年度绩效目标', '完成道路养护。'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '养护里程', '≥30公里'],
      ]),
    )!;
    expect(sheet.table.budget).toEqual({ total: 120, fiscal: 100, other: 20 });
    expect([sheet.refs.budgetTotal, sheet.refs.budgetFiscal, sheet.refs.budgetOther]).toEqual(['E2', 'E3', 'E4']);
  });

  test('年度资金总额 under a merged 项目金额（万元） label is the total', () => {
    const sheet = readSheet(
      grid(
        [
          ['项目名称', '乡村道路养护'],
          ['项目金额（万元）', null, null],
          ['年度资金总额', '财政资金', '其他资金'],
          [120, 100, 20],
          ['年度绩效目标', '完成道路养护。'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '≥30公里'],
        ],
        ['A2:C2'],
      ),
    )!;
    expect(sheet.table.budget).toEqual({ total: 120, fiscal: 100, other: 20 });
    expect(sheet.refs.budgetTotal).toBe('A4');
  });
});
