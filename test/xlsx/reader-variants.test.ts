// Sheets typed by hand or from other units, built with exceljs, written to bytes and read back.
import ExcelJS from 'exceljs';
import { readSheet } from '../../src/core/sheet/reader';
import type { SheetTable } from '../../src/core/sheet/types';
import { parseValue } from '../../src/core/values';
import { loadWorkbook, readGrids, workbookToBuffer } from '../../src/xlsx';
import { MULTI_YEAR_ROWS, multiYearGrid } from '../core/rules/multiYear';

type Row = (ExcelJS.CellValue | undefined)[];

function addRows(sheet: ExcelJS.Worksheet, rows: Row[], firstRow = 1, firstCol = 1): void {
  rows.forEach((row, r) => row.forEach((value, c) => {
    if (value !== undefined && value !== null) sheet.getCell(firstRow + r, firstCol + c).value = value;
  }));
}

async function readBack(build: (workbook: ExcelJS.Workbook) => void): Promise<(SheetTable | null)[]> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const loaded = await loadWorkbook(await workbookToBuffer(workbook));
  return readGrids(loaded).map((grid) => readSheet(grid));
}

describe('a central-style sheet typed by hand', () => {
  // Blank row 1 and column A, a title, extra header fields, amounts as text in 元, 总体目标, a 指标值类型 and a
  // 计量单位 column, no 描述 column, 一级 repeated on every row, one 二级 merged, a note after the grid.
  const rows: Row[] = [
    ['2024年度项目支出绩效目标表'],
    ['单位名称', '343206天津市司法行政服务中心', null, null, '金额单位：元'],
    ['项目名称', '公共法律服务热线'],
    ['主管部门', '天津市司法局', null, '实施单位', '天津市司法行政服务中心'],
    ['项目属性', '经常性项目', null, '项目期', '1年'],
    ['年度预算数', '1,200,000.00', null, '其中： 财政资金', '1200000元'],
    ['其他资金', '0'],
    ['资金用途', '热线平台运行维护。'],
    ['总体目标', '1.热线全年稳定运行；\n2.群众满意度不低于90%。'],
    [],
    ['一级指标', '二级指标', '三级指标', '指标值类型', '计量单位', '指标值'],
    ['产出指标', '数量指标', '热线接听量', '定量', '万通', 43],
    ['产出指标', null, '实施营造林总面积(亩)', '定量', null, 80000],
    ['产出指标', '成本指标', '运维费用', '定量', '元', '≤1200000'],
    ['效益指标', '社会效益指标', '群众诉求响应', '定性', null, '有效提升'],
    ['满意度指标', '服务对象满意度指标', '来电群众满意度', '定量', '%', '≥90'],
    [],
    ['注：本表由项目单位填报。'],
  ];
  let sheet: SheetTable;

  beforeAll(async () => {
    const [read] = await readBack((workbook) => {
      const ws = workbook.addWorksheet('热线');
      addRows(ws, rows, 2, 2);
      ws.mergeCells('B2:G2');
      ws.mergeCells('C13:C14');
    });
    sheet = read!;
  });

  test('header fields are found by label, wherever they are', () => {
    expect(sheet.table.title).toBe('2024年度项目支出绩效目标表');
    expect(sheet.table.department).toEqual({ code: '343206', name: '天津市司法行政服务中心' });
    expect(sheet.table.unit).toBe('元');
    expect(sheet.table.projectName).toBe('公共法律服务热线');
    expect(sheet.table.budget).toEqual({ total: 1_200_000, fiscal: 1_200_000, other: 0 });
    expect(sheet.table.purpose).toBe('热线平台运行维护。');
    expect(sheet.table.goals).toBe('1.热线全年稳定运行；\n2.群众满意度不低于90%。');
    expect(sheet.table.extraFields).toEqual({ 主管部门: '天津市司法局', 实施单位: '天津市司法行政服务中心', 项目属性: '经常性项目', 项目期: '1年' });
    expect(sheet.refs).toMatchObject({ title: 'B2', department: 'C3', unit: 'F3', projectName: 'C4', budgetTotal: 'C7', budgetFiscal: 'F7', goals: 'C10', indicatorHeader: 'B12' });
  });

  test('indicator rows: repeated 一级, merged 二级, units from the 计量单位 column, 类型 column ignored', () => {
    const rowsRead = sheet.table.indicators;
    expect(rowsRead.map((r) => [r.level1, r.level2, r.level3, r.unit, r.value])).toEqual([
      ['产出指标', '数量指标', '热线接听量', '万通', '43'],
      ['产出指标', '数量指标', '实施营造林总面积(亩)', null, '80000'],
      ['产出指标', '成本指标', '运维费用', '元', '≤1200000'],
      ['效益指标', '社会效益指标', '群众诉求响应', null, '有效提升'],
      ['满意度指标', '服务对象满意度指标', '来电群众满意度', '%', '≥90'],
    ]);
    expect(rowsRead.every((r) => r.description === '')).toBe(true);
    for (const row of rowsRead) {
      expect(row.parsed).toEqual(parseValue(row.value, { tableUnit: '元', level3: row.level3, unitColumn: row.unit ?? undefined }));
    }
    expect(rowsRead[0].parsed).toMatchObject({ number: 43, unit: '万通' });
    expect(rowsRead[1].parsed).toMatchObject({ number: 80000, unit: '亩' });
    expect(rowsRead[2].parsed).toMatchObject({ kind: 'moneyTotal', amount: 1_200_000 });
    expect(sheet.rowRefs[0]).toEqual({ level1: 'B13', level2: 'C13', level3: 'D13', description: null, value: 'G13', unit: 'F13' });
    expect(sheet.rowRefs[1].level2).toBe('C13');
  });
});

describe('other variants', () => {
  test('amounts typed as text with units, goals below their label, 年度资金总额 as the only total', async () => {
    const [sheet] = await readBack((workbook) => {
      addRows(workbook.addWorksheet('变体'), [
        [],
        [null, '单位：万元'],
        ['项目名称', '普法依法治理'],
        ['年度资金总额', '292万元', '财政资金', '292.00', '其他资金', null],
        ['年度绩效目标'],
        ['1.开展普法宣传活动。'],
        ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值'],
        ['产出指标', '数量指标', '宣传活动次数', '全年开展的宣传活动', '≥10次'],
      ]);
    });
    expect(sheet!.table.budget).toEqual({ total: 292, fiscal: 292, other: null });
    expect(sheet!.table.extraFields).toEqual({ 年度资金总额: '292万元' });
    expect(sheet!.table.goals).toBe('1.开展普法宣传活动。');
    expect(sheet!.refs.goals).toBe('A6');
    expect(sheet!.table.title).toBe('');
  });

  test('a workbook mixing a table with other sheets: the others read as null', async () => {
    const read = await readBack((workbook) => {
      addRows(workbook.addWorksheet('说明'), [['填表说明'], ['一级指标按下拉列表选择。'], [1, 2, 3]]);
      addRows(workbook.addWorksheet('表'), [
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
      ]);
      workbook.addWorksheet('空');
    });
    expect(read[0]).toBeNull();
    expect(read[1]?.table.indicators).toHaveLength(1);
    expect(read[2]).toBeNull();
  });
});

describe('a multi-year sheet: 总体目标 and 年度目标, each with its own grid', () => {
  test('the annual grid is the table, the overall grid comes along with its own goals and addresses', async () => {
    const { grid, annualGoals, annualHeader, annualFirst } = await multiYearGrid();
    const sheet = readSheet(grid)!;
    const { overallGoals, overallHeader, overallFirst, overallCost } = MULTI_YEAR_ROWS;

    expect(sheet.table.projectName).toBe('智慧司法建设');
    expect(sheet.table.budget).toEqual({ total: 300, fiscal: 300, other: 0 });
    expect(sheet.projectTotal).toEqual({ amount: 1000, label: '项目总金额', address: 'B5' });
    expect(sheet.table.extraFields).toEqual({ 项目期: '2024年—2026年', 项目总金额: '1000' });

    // Annual: goals and rows of the lower grid only.
    expect(sheet.table.goals).toBe('1.2024年建成2个业务系统。');
    expect(sheet.refs.goals).toBe(`B${annualGoals}`);
    expect(sheet.refs.indicatorHeader).toBe(`A${annualHeader}`);
    expect(sheet.table.indicators.map((r) => r.level3)).toEqual([
      '本年建成业务系统个数', '系统验收合格率', '本年系统建成时间', '本年建设成本', '业务办理效率', '使用人员满意度',
    ]);
    expect(sheet.rowRefs[0]).toEqual({ level1: `A${annualFirst}`, level2: `B${annualFirst}`, level3: `C${annualFirst}`, description: `D${annualFirst}`, value: `E${annualFirst}`, unit: null });
    expect(sheet.rowRefs[3].level1).toBe(`A${annualFirst}`);

    // Overall: its own goals, header and rows, parsed like the annual ones.
    expect(sheet.otherGrids).toHaveLength(1);
    const overall = sheet.otherGrids![0];
    expect(overall.scope).toBe('overall');
    expect(overall.goals).toBe('1.三年内建成5个业务系统；2.业务办理效率明显提升。');
    expect(overall.goalsRef).toBe(`B${overallGoals}`);
    expect(overall.indicatorHeader).toBe(`A${overallHeader}`);
    expect(overall.indicators.map((r) => [r.level1, r.level2, r.level3])).toEqual([
      ['产出指标', '数量指标', '建成业务系统个数'],
      ['产出指标', '质量指标', '系统验收合格率'],
      ['产出指标', '时效指标', '全部系统建成时间'],
      ['产出指标', '成本指标', '项目建设总成本'],
      ['效益指标', '社会效益指标', '业务办理效率'],
      ['满意度指标', '服务对象满意度指标', '使用人员满意度'],
    ]);
    expect(overall.rowRefs).toHaveLength(overall.indicators.length);
    expect(overall.rowRefs[3]).toEqual({ level1: `A${overallFirst}`, level2: `B${overallCost}`, level3: `C${overallCost}`, description: `D${overallCost}`, value: `E${overallCost}`, unit: null });
    for (const row of overall.indicators) expect(row.parsed).toEqual(parseValue(row.value, { tableUnit: '万元', level3: row.level3 }));
    expect(overall.indicators[3].parsed).toMatchObject({ kind: 'moneyTotal', amount: 900 });
  });

  test('grids named beside their header (年度绩效指标 / 总体绩效指标), goals side by side above both', async () => {
    const [sheet] = await readBack((workbook) => {
      const ws = workbook.addWorksheet('并列');
      addRows(ws, [
        ['项目名称', '普法宣传'],
        ['总体目标', '三年覆盖全市。', '年度目标', '本年覆盖六个区。'],
        ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '覆盖区数', '≥6个'],
        ['总体绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '覆盖区数', '≥16个'],
      ]);
    });
    expect(sheet!.table.goals).toBe('本年覆盖六个区。');
    expect(sheet!.refs.goals).toBe('D2');
    expect(sheet!.table.indicators.map((r) => r.value)).toEqual(['≥6个']);
    expect(sheet!.refs.indicatorHeader).toBe('B3');
    expect(sheet!.otherGrids?.map((g) => [g.scope, g.goals, g.goalsRef, g.indicatorHeader, g.indicators.map((r) => r.value)])).toEqual([
      ['overall', '三年覆盖全市。', 'B2', 'B5', ['≥16个']],
    ]);
  });

  test('a second table below (its own 项目名称) is not a second grid', async () => {
    const [sheet] = await readBack((workbook) => {
      addRows(workbook.addWorksheet('两表'), [
        ['项目名称', '甲项目'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '甲', '≥1个'],
        [],
        ['项目名称', '乙项目'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '乙', '≥2个'],
      ]);
    });
    expect(sheet!.table.projectName).toBe('甲项目');
    expect(sheet!.table.indicators.map((r) => r.level3)).toEqual(['甲']);
    expect(sheet!.otherGrids).toBeUndefined();
  });
});
