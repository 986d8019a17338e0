// Re-dressed tables a person still reads (metamorphic suite, issue 19): a tree whose grid has no 二级, a grid with
// its heads gone that keeps one 二级 name over rows of targets, and dimension columns known by their heads alone.
import { readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue, SheetTable } from '../../src/core/sheet/types';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

const HEAD: CellValue[][] = [
  ['困难群众救助补助绩效目标表'],
  ['绩效目标', '保障农村低保户的基本生活。'],
];

const rowsOf = (table: SheetTable | undefined) => table?.grids.map((g) => g.rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value].join(' / ')));

describe('a tree export whose grid has no 二级 (一级 rows, then the indicators under each)', () => {
  test('each 一级 alone on its row heads the indicators under it, which carry their targets', () => {
    const read = readSheetTables(
      grid([
        ...HEAD,
        ['绩效指标', '指标值'],
        ['产出指标'],
        ['救助覆盖率', '100%'],
        ['资金按标准发放比率', '≥90%'],
        ['满意度指标'],
        ['救助对象满意度', '≥85%'],
      ]),
    );
    expect(read.unreadable).toBeNull();
    expect(rowsOf(read.tables[0])).toEqual([['产出指标 /  / 救助覆盖率 / 100%', '产出指标 /  / 资金按标准发放比率 / ≥90%', '满意度指标 /  / 救助对象满意度 / ≥85%']]);
  });

  test('a 一级 column whose 一级 rows hold the indicator beside them is no tree', () => {
    const read = readSheetTables(
      grid([
        ...HEAD,
        [],
        ['产出指标', '救助覆盖率', '100%'],
        [null, '资金按标准发放比率', '≥90%'],
        ['满意度指标', '救助对象满意度', '≥85%'],
      ], ['A4:A5']),
    );
    expect(rowsOf(read.tables[0])).toEqual([['产出指标 /  / 救助覆盖率 / 100%', '产出指标 /  / 资金按标准发放比率 / ≥90%', '满意度指标 /  / 救助对象满意度 / ≥85%']]);
  });
});

describe('a grid with its heads gone that keeps one dimension name', () => {
  const body = (targets: CellValue[]): CellValue[][] => [
    ['项目名称', '特色种养殖补贴到户项目'],
    [null, '(50分)', '数量指标', '红薯种植面积', targets[0]],
    ...targets.slice(1).map((t, i) => [null, null, null, `作物${i + 1}种植面积`, t]),
  ];

  test('one 二级 name over rows of names with their targets is a grid; its 一级 is the 二级\'s home', () => {
    const table = readSheetTables(grid(body(['5.5亩', '6亩', '1亩', '4.5亩']), ['B2:B5', 'C2:C5'])).tables[0];
    expect(table?.table.projectName).toBe('特色种养殖补贴到户项目');
    expect(rowsOf(table)).toEqual([['产出指标 / 数量指标 / 红薯种植面积 / 5.5亩', '产出指标 / 数量指标 / 作物1种植面积 / 6亩', '产出指标 / 数量指标 / 作物2种植面积 / 1亩', '产出指标 / 数量指标 / 作物3种植面积 / 4.5亩']]);
  });

  test('with fewer targets than that, or none, one name is still no grid', () => {
    expect(readSheetTables(grid(body(['5.5亩', '6亩']), ['B2:B3', 'C2:C3'])).tables).toEqual([]);
    expect(readSheetTables(grid(body([null, null, null, null]), ['B2:B5', 'C2:C5'])).tables).toEqual([]);
  });
});

describe('dimension columns known by their heads alone', () => {
  // 投入指标 / 过程指标 are no framework's 一级 and the 二级 column holds the indicators' names; the targets stand
  // under a region head (区域目标值 over 甲县 | 乙县), so no 指标值 head names them.
  const values: CellValue[][] = [
    ['财政支出绩效目标申报表'],
    ['项目名称', '专项资金管理'],
    ['一级指标', '二级指标', '分值', '指标内容', '区域目标值'],
    [null, null, null, null, '甲县', '乙县'],
    ['投入指标', '资金到位率', 5, '实际到位资金占计划投入资金的比例。', '100%', '100%'],
    [null, '预算执行率', 15, '预算支出进度是否达到要求。', '≥90%', '≥95%'],
    ['过程指标', '资金专项核算', 5, '专项资金是否专款专用、专项核算。', '专款专用', '专款专用'],
  ];

  test('the columns under 一级指标 and 二级指标 are read as headed, with one grid per region', () => {
    const table = readSheetTables(grid(values, ['E3:F3', 'A5:A6'])).tables[0];
    expect(table?.grids.map((g) => g.region)).toEqual(['甲县', '乙县']);
    expect(rowsOf(table)?.[1]).toEqual(['投入指标 / 资金到位率 /  / 100%', '投入指标 / 预算执行率 /  / ≥95%', '过程指标 / 资金专项核算 /  / 专款专用']);
  });

  test('with no column of targets, nor one headed for them, the heads alone make no grid', () => {
    const named = values.map((row) => row.slice(0, 4));
    expect(readSheetTables(grid(named, ['A5:A6'])).tables).toEqual([]);
  });
});
