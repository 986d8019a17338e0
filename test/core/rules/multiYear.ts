// A multi-year 绩效目标表 typed by hand: 项目期 2024–2026, 总体目标 text + grid, then 年度目标 text + grid,
// built with exceljs, written to .xlsx bytes and read back as the checker does.
import ExcelJS from 'exceljs';
import type { CellGrid } from '../../../src/core/sheet/types';
import { loadWorkbook, readGrids, workbookToBuffer } from '../../../src/xlsx';

export interface MultiYearOptions {
  /** 成本 value of the 总体目标 grid. */
  overallCost?: string;
  /** 成本 value of the 年度目标 grid. */
  annualCost?: string;
  /** 时效 value of the 总体目标 grid. */
  overallDeadline?: string;
  /** Leave the 满意度 row out of the 总体目标 grid. */
  overallWithoutSatisfaction?: boolean;
  /** Print 项目总金额 in the header. */
  projectTotal?: boolean;
  /** 项目总金额 when printed (1000 万元 unless given). */
  projectTotalAmount?: number;
  /** 数量 value of the 总体目标 grid (建成业务系统个数). */
  overallCount?: string;
  /** 数量 value of the 年度目标 grid (本年建成业务系统个数). */
  annualCount?: string;
}

type Row = (string | number | null)[];

const HEADER: Row = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值'];

/** Sheet rows (1-based) of the layout below, for address assertions. */
export const MULTI_YEAR_ROWS = {
  overallGoals: 8,
  overallHeader: 9,
  /** First row of the overall grid and its 满意度 row (when present). */
  overallFirst: 10,
  overallCost: 13,
  overallDeadline: 12,
  overallSatisfaction: 15,
} as const;

function rows(options: MultiYearOptions): { rows: Row[]; annualGoals: number; annualHeader: number; annualFirst: number } {
  const overall: Row[] = [
    ['产出指标', '数量指标', '建成业务系统个数', '项目期内建成的系统', options.overallCount ?? '≥5个'],
    [null, '质量指标', '系统验收合格率', '通过验收的比例', '100%'],
    [null, '时效指标', '全部系统建成时间', '项目期末', options.overallDeadline ?? '2026年12月底前'],
    [null, '成本指标', '项目建设总成本', '三年合计', options.overallCost ?? '≤900万元'],
    ['效益指标', '社会效益指标', '业务办理效率', '较建设前', '明显提升'],
    ...(options.overallWithoutSatisfaction ? [] : [['满意度指标', '服务对象满意度指标', '使用人员满意度', '问卷调查', '≥90%']]),
  ];
  const head: Row[] = [
    ['智慧司法建设项目绩效目标表'],
    ['单位名称', '343101天津市司法局装备财务处', null, null, '单位：万元'],
    ['项目名称', '智慧司法建设'],
    ['项目期', '2024年—2026年'],
    options.projectTotal === false ? ['预算数', 300] : ['项目总金额', options.projectTotalAmount ?? 1000, '预算数', 300],
    ['其中：财政资金', 300, '其他资金', 0],
    ['资金用途', '业务系统建设与运维。'],
    ['总体目标', '1.三年内建成5个业务系统；2.业务办理效率明显提升。'],
    HEADER,
  ];
  const annualGoalsRow = head.length + overall.length + 1;
  const annual: Row[] = [
    ['年度目标', '1.2024年建成2个业务系统。'],
    HEADER,
    ['产出指标', '数量指标', '本年建成业务系统个数', '本年建成的系统', options.annualCount ?? '≥2个'],
    [null, '质量指标', '系统验收合格率', '通过验收的比例', '100%'],
    [null, '时效指标', '本年系统建成时间', '年末', '2024年12月底前'],
    [null, '成本指标', '本年建设成本', '本年合计', options.annualCost ?? '≤280万元'],
    ['效益指标', '社会效益指标', '业务办理效率', '较上年', '有所提升'],
    ['满意度指标', '服务对象满意度指标', '使用人员满意度', '问卷调查', '≥90%'],
  ];
  return { rows: [...head, ...overall, ...annual], annualGoals: annualGoalsRow, annualHeader: annualGoalsRow + 1, annualFirst: annualGoalsRow + 2 };
}

/** The sheet as the checker reads it back from .xlsx bytes, with where its annual part starts (1-based rows). */
export async function multiYearGrid(options: MultiYearOptions = {}): Promise<{ grid: CellGrid; annualGoals: number; annualHeader: number; annualFirst: number }> {
  const { workbook, layout } = multiYearWorkbook(options);
  const [grid] = readGrids(await loadWorkbook(await workbookToBuffer(workbook)));
  return { grid, annualGoals: layout.annualGoals, annualHeader: layout.annualHeader, annualFirst: layout.annualFirst };
}

/** The multi-year sheet as an exceljs workbook (sheet 智慧司法), for tests that change cells before writing it. */
export function multiYearWorkbook(options: MultiYearOptions = {}): { workbook: ExcelJS.Workbook; layout: ReturnType<typeof rows> } {
  const layout = rows(options);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('智慧司法');
  layout.rows.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
  }));
  // 一级 merged down over its group, as printed forms do.
  sheet.mergeCells(`A${MULTI_YEAR_ROWS.overallFirst}:A${MULTI_YEAR_ROWS.overallFirst + 3}`);
  sheet.mergeCells(`A${layout.annualFirst}:A${layout.annualFirst + 3}`);
  return { workbook, layout };
}
