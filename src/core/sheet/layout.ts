/** Layout: a PerformanceTable → a SheetPlan (cells, merges, styles, validations, print setup). Pure. */
import { maxOf } from '../bounded';
import { printedDepartment } from '../model';
import type { FrameworkName, IndicatorRow, PerformanceTable } from '../model';
import { detectFramework, formLevel2, getFramework } from '../frameworks';
import { parseValue } from '../values';
import { fromA1, toA1 } from './address';
import { planNativeChecks } from './nativeChecks';
import { BLANK_TITLE, LABELS, PROMPTS, unitLabel } from './labels';
import type { CellGrid, CellStyle, CellValue, PlannedCell, PlannedValidation, SheetPlan } from './types';

/** Columns A–E: 一级 | 二级 | 三级 | 描述 | 指标值; the header block shares them. */
const COLUMN_WIDTHS = [14, 16, 26, 32, 20];
const LAST_COLUMN = COLUMN_WIDTHS.length - 1;
/** Empty rows with validations after the last indicator, for additions. */
export const SPARE_ROWS = 5;
/** Points per wrapped line at 11 pt, and the minimum row height. */
const LINE_HEIGHT = 15;
const MIN_ROW_HEIGHT = 20;
const MIN_GOALS_HEIGHT = 60;

/** 0-based rows of the header block. */
export const LAYOUT_ROWS = {
  title: 0,
  department: 1,
  projectName: 2,
  budgetTotal: 3,
  budgetFiscal: 4,
  budgetOther: 5,
  purpose: 6,
  goals: 7,
  gridHeader: 8,
  firstIndicator: 9,
} as const;

const STYLES: Record<string, CellStyle> = {
  title: { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'middle' },
  department: { hAlign: 'left', vAlign: 'middle' },
  unit: { hAlign: 'right', vAlign: 'middle' },
  label: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true, fill: '#F2F2F2' },
  text: { hAlign: 'left', vAlign: 'middle', wrap: true, border: true },
  longText: { hAlign: 'left', vAlign: 'top', wrap: true, border: true },
  amount: { hAlign: 'right', vAlign: 'middle', border: true, numberFormat: '0.00' },
  gridHeader: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true, fill: '#DDEBF7' },
  level1: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  gridCell: { hAlign: 'left', vAlign: 'middle', wrap: true, border: true },
  // Text format, so that a typed `95%` stays `95%` instead of becoming the number 0.95.
  gridValue: { hAlign: 'center', vAlign: 'middle', wrap: true, border: true, numberFormat: '@' },
};

/** Width in characters of columns `from..to` (0-based, inclusive). */
function spanWidth(from: number, to: number): number {
  return COLUMN_WIDTHS.slice(from, to + 1).reduce((sum, w) => sum + w, 0);
}

/** Wrapped lines a text needs in a column span; CJK characters take two width units. */
function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let units = 0;
    for (const ch of paragraph) units += ch.charCodeAt(0) > 0xff ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }
  return lines;
}

function heightFor(texts: { text: string; width: number }[], minimum = MIN_ROW_HEIGHT): number {
  const lines = Math.max(1, maxOf(texts.map((t) => wrappedLines(t.text, t.width)), 1));
  return Math.max(minimum, lines * LINE_HEIGHT + 5);
}

function blankToNull(text: string): string | null {
  return text === '' ? null : text;
}

export interface PlanTableOptions {
  sheetName: string;
  framework: FrameworkName;
}

export function planTableSheet(table: PerformanceTable, options: PlanTableOptions): SheetPlan {
  const framework = getFramework(options.framework);
  const cells: PlannedCell[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const put = (row: number, col: number, value: string | number | null, style: string, mergeToCol = col, mergeToRow = row) => {
    cells.push({ address: toA1(row, col), value, style });
    if (mergeToCol !== col || mergeToRow !== row) merges.push(`${toA1(row, col)}:${toA1(mergeToRow, mergeToCol)}`);
  };
  const R = LAYOUT_ROWS;

  put(R.title, 0, table.title || `${table.projectName}${LABELS.titleSuffix}`, 'title', LAST_COLUMN);
  rowHeights[R.title + 1] = 30;
  put(R.department, 0, blankToNull(printedDepartment(table.department)), 'department', 2);
  put(R.department, 3, unitLabel(table.unit), 'unit', LAST_COLUMN);

  put(R.projectName, 0, LABELS.projectName, 'label');
  put(R.projectName, 1, blankToNull(table.projectName), 'text', LAST_COLUMN);

  put(R.budgetTotal, 0, LABELS.budgetBlock, 'label', 0, R.purpose);
  const amounts: [number, string, number | null][] = [
    [R.budgetTotal, LABELS.budgetTotal, table.budget.total],
    [R.budgetFiscal, LABELS.budgetFiscal, table.budget.fiscal],
    [R.budgetOther, LABELS.budgetOther, table.budget.other],
  ];
  for (const [row, label, amount] of amounts) {
    put(row, 1, label, 'label');
    put(row, 2, amount, 'amount', LAST_COLUMN);
  }
  put(R.purpose, 1, LABELS.purpose, 'label');
  put(R.purpose, 2, blankToNull(table.purpose), 'text', LAST_COLUMN);
  rowHeights[R.purpose + 1] = heightFor([{ text: table.purpose, width: spanWidth(2, LAST_COLUMN) }]);

  put(R.goals, 0, LABELS.goals, 'label');
  put(R.goals, 1, blankToNull(table.goals), 'longText', LAST_COLUMN);
  rowHeights[R.goals + 1] = heightFor([{ text: table.goals, width: spanWidth(1, LAST_COLUMN) }], MIN_GOALS_HEIGHT);

  const headers = [LABELS.level1, LABELS.level2, LABELS.level3, LABELS.description, LABELS.value];
  headers.forEach((label, col) => put(R.gridHeader, col, label, 'gridHeader'));
  rowHeights[R.gridHeader + 1] = 24;

  planIndicatorRows(table.indicators, R.firstIndicator, put, rowHeights);

  const lastIndicatorRow = R.firstIndicator + table.indicators.length - 1;
  const lastRow = lastIndicatorRow + SPARE_ROWS;
  for (let row = lastIndicatorRow + 1; row <= lastRow; row++) {
    for (let col = 0; col <= LAST_COLUMN; col++) put(row, col, null, col === 0 ? 'level1' : col === 4 ? 'gridValue' : 'gridCell');
  }

  const column = (col: number) => `${toA1(R.firstIndicator, col)}:${toA1(lastRow, col)}`;
  const validations: PlannedValidation[] = [
    {
      range: column(0),
      kind: 'list',
      values: framework.level1.map((d) => d.name),
      promptTitle: PROMPTS.level1.title,
      prompt: PROMPTS.level1.text,
    },
    {
      range: column(1),
      kind: 'list',
      values: framework.level1.flatMap((d) => d.level2.map((l2) => l2.name)),
      promptTitle: PROMPTS.level2.title,
      prompt: PROMPTS.level2.text,
    },
    { range: column(2), kind: 'prompt', promptTitle: PROMPTS.level3.title, prompt: PROMPTS.level3.text },
    { range: column(3), kind: 'prompt', promptTitle: PROMPTS.description.title, prompt: PROMPTS.description.text },
    { range: column(4), kind: 'prompt', promptTitle: PROMPTS.value.title, prompt: PROMPTS.value.text },
    {
      range: `${toA1(R.budgetTotal, 2)}:${toA1(R.budgetOther, 2)}`,
      kind: 'decimal',
      min: 0,
      promptTitle: PROMPTS.amount.title,
      prompt: PROMPTS.amount.text,
    },
    { range: toA1(R.goals, 1), kind: 'prompt', promptTitle: PROMPTS.goals.title, prompt: PROMPTS.goals.text },
  ];

  return {
    name: options.sheetName,
    columnWidths: [...COLUMN_WIDTHS],
    rowHeights,
    cells,
    merges,
    styles: { ...STYLES },
    validations,
    conditionalFormats: planNativeChecks({
      framework: options.framework,
      unit: table.unit,
      firstRow: R.firstIndicator,
      lastRow,
      columns: { level2: 1, level3: 2, description: 3, value: 4 },
      budget: { total: toA1(R.budgetTotal, 2), fiscal: toA1(R.budgetFiscal, 2), other: toA1(R.budgetOther, 2) },
    }),
    print: { paperSize: 'A4', orientation: 'portrait', fitToWidth: true, printArea: `A1:${toA1(lastRow, LAST_COLUMN)}` },
    // The grid header repeats so that every printed page of a long grid says what its columns are.
    printTitleRows: `$${R.gridHeader + 1}:$${R.gridHeader + 1}`,
  };
}

type Put = (row: number, col: number, value: string | number | null, style: string, mergeToCol?: number, mergeToRow?: number) => void;

/** Indicator rows; each run of equal 一级 is one merged cell holding the name once. */
function planIndicatorRows(indicators: IndicatorRow[], firstRow: number, put: Put, rowHeights: Record<number, number>): void {
  indicators.forEach((indicator, i) => {
    const row = firstRow + i;
    if (i === 0 || indicator.level1 !== indicators[i - 1].level1) {
      let end = i;
      while (end + 1 < indicators.length && indicators[end + 1].level1 === indicator.level1) end++;
      put(row, 0, blankToNull(indicator.level1), 'level1', 0, firstRow + end);
    }
    put(row, 1, blankToNull(indicator.level2), 'gridCell');
    put(row, 2, blankToNull(indicator.level3), 'gridCell');
    put(row, 3, blankToNull(indicator.description), 'gridCell');
    put(row, 4, blankToNull(indicator.value), 'gridValue');
    rowHeights[row + 1] = heightFor([
      { text: indicator.level2, width: COLUMN_WIDTHS[1] },
      { text: indicator.level3, width: COLUMN_WIDTHS[2] },
      { text: indicator.description, width: COLUMN_WIDTHS[3] },
      { text: indicator.value, width: COLUMN_WIDTHS[4] },
    ]);
  });
}

/**
 * An empty table for a framework: every required 一级 with its required 二级 (and, where a 一级 asks for at
 * least n 二级 but names fewer as required, its first ones up to n), 三级/描述/指标值 left to complete.
 */
export function blankTable(frameworkName: FrameworkName): PerformanceTable {
  const framework = getFramework(frameworkName);
  const indicators: IndicatorRow[] = [];
  for (const level1 of framework.level1.filter((d) => d.required)) {
    for (const level2 of formLevel2(level1)) {
      indicators.push({ level1: level1.name, level2: level2.name, level3: '', description: '', value: '', unit: null, parsed: parseValue('', { tableUnit: '万元' }) });
    }
  }
  return {
    title: BLANK_TITLE,
    department: { code: '', name: '' },
    unit: '万元',
    projectName: '',
    budget: { total: null, fiscal: null, other: null },
    purpose: '',
    goals: '',
    indicators,
    extraFields: {},
  };
}

export function planBlankSheet(framework: FrameworkName, sheetName: string): SheetPlan {
  return planTableSheet(blankTable(framework), { sheetName, framework });
}

/** The plan a host inserts for a library table: named after its project, unique among `existing`, in the framework its 一级 names. */
export function planInsertedTable(table: PerformanceTable, existing: string[]): SheetPlan {
  const framework = detectFramework(table.indicators.map((row) => row.level1));
  return planTableSheet(table, { sheetName: uniqueSheetName(table.projectName, existing), framework });
}

/** The plan a host inserts for a blank standard form, unique among `existing`. */
export function planInsertedBlank(framework: FrameworkName, existing: string[]): SheetPlan {
  return planBlankSheet(framework, uniqueSheetName('绩效目标表', existing));
}

const SHEET_NAME_MAX = 31;
const RESERVED_SHEET_NAME = 'history';

/**
 * A valid, unused Excel sheet name from a project name: forbidden characters `: \ / ? * [ ]` replaced,
 * at most 31 characters, not blank, not `History`, unique case-insensitively (` (2)`, ` (3)` … trimmed to fit).
 */
export function uniqueSheetName(projectName: string, existing: string[]): string {
  // Control characters are not allowed either.
  let base = [...projectName].filter((ch) => ch.charCodeAt(0) >= 0x20).join('')
    .replace(/[:\\/?*[\]]/g, '_')
    .trim()
    // A sheet name may not start or end with an apostrophe.
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base) base = '绩效目标表';
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const fits = (name: string) => !taken.has(name.toLowerCase()) && name.toLowerCase() !== RESERVED_SHEET_NAME;
  const trimmed = [...base].slice(0, SHEET_NAME_MAX).join('').trim();
  if (fits(trimmed)) return trimmed;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = [...base].slice(0, SHEET_NAME_MAX - suffix.length).join('').trim() + suffix;
    if (fits(candidate)) return candidate;
  }
}

/** The values a plan writes, as the grid an adapter would read back from the drawn sheet. */
export function gridFromPlan(plan: SheetPlan): CellGrid {
  const values: CellValue[][] = [];
  for (const cell of plan.cells) {
    const { row, col } = fromA1(cell.address);
    while (values.length <= row) values.push([]);
    const line = values[row];
    while (line.length <= col) line.push(null);
    line[col] = cell.value;
  }
  return { sheetName: plan.name, top: 0, left: 0, values, merges: plan.merges };
}
