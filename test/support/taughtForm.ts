// A form the standard reader cannot read, for the taught-layout tests (core, CLI, browser). Its header block
// and indicators follow the 2021 参考模板 附2-2-1 绩效目标申报表 (困难群众救助项目: 年度资金总额 / 其中：财政拨款 /
// 其他资金 as column heads over their amounts, 年度目标, 绩效指标); its indicator grid is printed as 一体化
// exports print it, under a 绩效指标 section row with no 一级指标/二级指标 column heads — so the reader
// finds 一级 names but no grid header, and says unreadable-layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseLayoutProfileText, type LayoutProfile } from '../../src/core/layouts';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { workbookToBuffer } from '../../src/xlsx';

export interface FormProject {
  name: string;
  owner: string;
  department: string;
  unit: string;
  total: number;
  fiscal: number;
  other: number;
  goals: string;
  /** 一级, 二级, 三级, 指标值. */
  rows: [string, string, string, string][];
  /** 指标说明 beside each row's target, in column F (the worded form below); absent on the first form. */
  notes?: string[];
  /** Lines above the title (a second file may print a 填报单位 line): every address moves down by this. */
  extraTopRows?: number;
}

/** 困难群众救助: the funds do not add up (1000 + 100 ≠ 1200) — a real defect jixiao must report once taught. */
export const RELIEF: FormProject = {
  name: '困难群众救助项目',
  owner: '王明 0551-62001234',
  department: '县民政局',
  unit: '县社会救助服务中心',
  total: 1200,
  fiscal: 1000,
  other: 100,
  goals: '目标1：保障农村低保对象基本生活；目标2：落实特困人员救助供养；目标3：做好孤儿基本生活保障。',
  rows: [
    ['产出指标', '数量指标', '农村低保发放人数', '≥5200人'],
    ['产出指标', '数量指标', '孤儿基本生活保障人数', '≥36人'],
    ['产出指标', '质量指标', '农村特困人员集中供养率', '≥60%'],
    ['产出指标', '时效指标', '救助资金按月发放及时率', '100%'],
    ['产出指标', '成本指标', '农村低保标准', '≤460元/人·月'],
    ['效益指标', '社会效益指标', '农村低保对象生活水平提升情况', '有所提升'],
    ['效益指标', '可持续影响指标', '政策知晓率', '≥90%'],
    ['满意度指标', '服务对象满意度指标', '农村低保对象满意度', '≥90%'],
  ],
};

/** A second file of the same form: another project, a 填报单位 line above the title, and a 满意度 row with no value. */
export const DISABLED_SUBSIDY: FormProject = {
  name: '困难残疾人生活补贴和重度残疾人护理补贴项目',
  owner: '李红 0551-62004321',
  department: '县残疾人联合会',
  unit: '县残疾人联合会',
  total: 300,
  fiscal: 300,
  other: 0,
  goals: '目标1：按标准发放困难残疾人生活补贴；目标2：按标准发放重度残疾人护理补贴。',
  rows: [
    ['产出指标', '数量指标', '领取生活补贴的困难残疾人人数', '≥1800人'],
    ['产出指标', '数量指标', '领取护理补贴的重度残疾人人数', '≥2100人'],
    ['产出指标', '质量指标', '补贴发放准确率', '100%'],
    ['产出指标', '时效指标', '补贴按月发放及时率', '100%'],
    ['效益指标', '社会效益指标', '残疾人基本生活保障水平', '有所提升'],
    ['满意度指标', '服务对象满意度指标', '受助残疾人满意度', ''],
  ],
  extraTopRows: 1,
};

// A second form, the reader cannot read even by content: the same header block, but the 指标值 column holds
// only bare numbers (the unit printed in the indicator's name, as 县级 forms often do) and worded targets
// long enough to read as prose, with a column of 指标说明 prose beside it — no operator column, no header
// words over the grid. No column clears the reader's bar for targets, so it says unreadable-layout; the
// layout taught on it (same cells as the first form) reads it.

/** 困难群众救助, worded: the funds do not add up (1000 + 100 ≠ 1200), as on the first form. */
export const RELIEF_WORDED: FormProject = {
  ...RELIEF,
  rows: [
    ['产出指标', '数量指标', '孤儿基本生活保障人数（人）', '36'],
    ['产出指标', '质量指标', '农村特困人员集中供养率（%）', '60'],
    ['产出指标', '时效指标', '救助资金发放时间', '每月10日前足额发放到户，不迟发、不漏发'],
    ['效益指标', '社会效益指标', '农村低保对象基本生活', '得到有效保障，无因贫失学、因病返贫现象'],
    ['效益指标', '可持续影响指标', '政策知晓率（%）', '90'],
    ['满意度指标', '服务对象满意度指标', '农村低保对象满意度（%）', '90'],
  ],
  notes: [
    '当年纳入孤儿基本生活保障的孤儿人数，以民政部门审核名单为准。',
    '集中供养的特困人员数占有集中供养意愿的特困人员总数的比例。',
    '以银行代发记录的发放日期为准，逐月核对。',
    '通过入户走访和抽样调查了解低保对象的基本生活情况。',
    '通过问卷调查了解群众对社会救助政策的知晓程度。',
    '通过问卷调查了解低保对象对救助工作的满意程度。',
  ],
};

/** A second file of the worded form: a 填报单位 line above the title, and a 满意度 row with no target. */
export const DISABLED_SUBSIDY_WORDED: FormProject = {
  ...DISABLED_SUBSIDY,
  rows: [
    ['产出指标', '数量指标', '领取护理补贴的重度残疾人人数（人）', '2100'],
    ['产出指标', '质量指标', '补贴发放准确率（%）', '100'],
    ['产出指标', '时效指标', '补贴发放时间', '每季度首月15日前足额发放，不拖欠、不截留'],
    ['效益指标', '社会效益指标', '残疾人基本生活保障', '困难残疾人和重度残疾人基本生活得到有效保障'],
    ['满意度指标', '服务对象满意度指标', '受助残疾人满意度（%）', ''],
  ],
  notes: [
    '当年按标准领取护理补贴的一级、二级重度残疾人人数。',
    '补贴发放对象、标准与审核名单一致的比例。',
    '以银行代发记录的发放日期为准，逐季核对。',
    '通过入户走访了解残疾人的基本生活情况。',
    '通过问卷调查了解受助残疾人对补贴发放工作的满意程度。',
  ],
};

/** The form's first indicator row, 1-based, with no extra top rows. */
export const FIRST_DATA_ROW = 10;

/** The form as a cell grid (values from A1) with its merges. */
export function formGrid(project: FormProject, sheetName = '绩效目标申报表'): CellGrid {
  const top = project.extraTopRows ?? 0;
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const at = (row: number) => row + top;
  const put = (row: number, cells: CellValue[]) => (rows[at(row) - 1] = cells);
  const merge = (from: string, to: string) => merges.push(`${from.replace(/\d+/, (n) => String(at(Number(n))))}:${to.replace(/\d+/, (n) => String(at(Number(n))))}`);
  if (top > 0) rows[0] = [`填报单位（盖章）：${project.unit}`, null, null, null, null, null];
  put(1, ['绩效目标申报表', null, null, null, null, null]);
  merge('A1', 'F1');
  put(2, ['（2021年度）', null, null, null, null, null]);
  merge('A2', 'F2');
  put(3, ['项目名称', project.name, null, null, null, null]);
  merge('B3', 'F3');
  put(4, ['项目负责人及电话', project.owner, null, '主管部门', project.department, null]);
  merge('B4', 'C4');
  merge('E4', 'F4');
  put(5, ['实施单位', project.unit, null, null, null, null]);
  merge('B5', 'F5');
  put(6, ['资金情况（万元）', '年度资金总额', '其中：财政拨款', '其他资金', null, null]);
  put(7, [null, project.total, project.fiscal, project.other, null, null]);
  merge('A6', 'A7');
  put(8, ['年度目标', project.goals, null, null, null, null]);
  merge('B8', 'F8');
  put(9, ['绩效指标', null, null, null, null, null]);
  merge('A9', 'F9');
  project.rows.forEach(([level1, level2, level3, value], i) => put(FIRST_DATA_ROW + i, [null, level1, level2, level3, value, project.notes?.[i] ?? null]));
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { sheetName, top: 0, left: 0, values: rows, merges };
}

/** The form as an .xlsx workbook (one sheet), as a person would receive it. */
export async function formWorkbook(project: FormProject): Promise<Uint8Array> {
  const grid = formGrid(project);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(grid.sheetName);
  grid.values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value as string | number;
    }),
  );
  for (const range of grid.merges) sheet.mergeCells(range);
  return workbookToBuffer(workbook);
}

/** The profile taught on RELIEF, as the file a 财政局 hands out (test/fixtures/layouts/cankao-2021.json). */
export const LAYOUT_FIXTURE = join(__dirname, '..', 'fixtures', 'layouts', 'cankao-2021.json');

export function readLayoutProfileFixture(): LayoutProfile {
  return parseLayoutProfileText(readFileSync(LAYOUT_FIXTURE, 'utf8'));
}
