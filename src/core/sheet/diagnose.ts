/** A sheet that looks like a 绩效目标表 but was not read: what was found and what is missing. */
import { compactText } from '../values';
import { SheetCells } from './cells';
import { DEFINITION_TEXT, LABELS, NOTE_TEXT } from './labels';
import type { GridColumn, HeaderField } from './labels';
import type { CellGrid, Unreadable } from './types';
import { COLUMNS_OF_LABEL, PROJECT_NAME_LABELS, headerFieldOf, inlineValue } from './knownLabels';
import { dimensionOf } from './vocabulary';
import { firstDownwards, firstRightwards } from './headerFields';
import type { FilledCell } from './cells';

export const COLUMN_NAMES: Record<GridColumn, string> = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  description: '指标描述',
  value: '指标值',
  unit: '计量单位',
  valueType: '指标性质',
};

/** 一级 names of either framework, to tell a sheet that looks like a 绩效目标表 from one that is not. */
export const LOOKS_LIKE_TABLE = /^(?:[一二三四五六七八九十\d]+[、.．])?(?:产出|效益|满意度|成本)指标$/;

/** Cells that all explain what a dimension measures (反映…, 是指…): a 填报说明's text, no target among them. */
export function onlyDefinitions(texts: readonly FilledCell[]): boolean {
  return texts.length > 0 && texts.every((cell) => DEFINITION_TEXT.test(cell.text.trim()));
}

/**
 * A 填报说明 laid out as a grid: dimension names, their labels and a heading, and beside them only what each
 * dimension measures. A glossary of the form, not a table that could not be read.
 */
function glossary(cells: SheetCells): boolean {
  const explained = [...cells.filled(cells.top, cells.bottom)].filter((cell) => !COLUMNS_OF_LABEL.has(cell.label) && !NOTE_TEXT.test(cell.label) && dimensionOf(cell.text) === null);
  return onlyDefinitions(explained);
}

/**
 * A sheet with no readable grid that still looks like a 绩效目标表: grid header labels or 一级 names
 * found, but not a header row with 一级, 二级 and 指标值 together. Null for a sheet that is something else.
 */
export function diagnose(cells: SheetCells): Unreadable | null {
  const labels = new Set<string>();
  let level1Names = 0;
  let firstCell: string | null = null;
  for (const cell of cells.filled(cells.top, cells.bottom)) {
    const columns = COLUMNS_OF_LABEL.get(cell.label);
    if (columns && columns.some((c) => c !== 'unit')) {
      for (const column of columns) labels.add(COLUMN_NAMES[column]);
      firstCell ??= cell.address;
    } else if (LOOKS_LIKE_TABLE.test(compactText(cell.text))) {
      level1Names++;
      firstCell ??= cell.address;
    }
  }
  if (glossary(cells)) return null;
  const gridLabels = [...labels].filter((l) => l !== COLUMN_NAMES.unit && l !== COLUMN_NAMES.description);
  if (gridLabels.length < 2 && level1Names < 2) return headOnly(cells) ?? indicatorsInText(cells);
  const found = [...labels];
  if (level1Names > 0) found.push(`${level1Names} 个一级指标名称`);
  const missing = [COLUMN_NAMES.level1, COLUMN_NAMES.level2, COLUMN_NAMES.value].filter((name) => !labels.has(name));
  return { found, missing: missing.length > 0 ? missing : ['同一行上的一级指标、二级指标、指标值表头'], cell: firstCell };
}

/** The fields a 绩效目标表's head names, in the order messages list them. */
const HEAD_FIELD_NAMES: Partial<Record<HeaderField, string>> = { projectName: '项目名称', budgetTotal: '预算数', budgetFiscal: '财政资金', goals: '绩效目标' };

/** The name a `项目名称 | 社区矫正` pair (or `项目名称：社区矫正` in one cell) gives; '' for a list's 项目名称 column head. */
function headProjectName(cells: SheetCells, cell: FilledCell): string {
  const inline = inlineValue(cell.text, PROJECT_NAME_LABELS);
  if (inline) return inline.value;
  if (!PROJECT_NAME_LABELS.has(cell.label)) return '';
  // A value right under the label: it heads a column of names, one per row.
  const under = firstDownwards(cells, cell.col, cell.row + 1, cell.row + 1);
  if (under !== null && under !== 'label') return '';
  const beside = firstRightwards(cells, cell.row, cell.col + 1, cells.right);
  return beside && beside !== 'label' ? beside.text.trim() : '';
}

/**
 * A sheet titled as a 绩效目标表 whose head (项目名称, amounts, 绩效目标) is there but no indicator grid at all (a
 * table cut off, or sent before its grid was filled in, S37): unreadable, never passed as a sheet of something else.
 */
function headOnly(cells: SheetCells): Unreadable | null {
  let title: string | null = null;
  const fields = new Set<string>();
  for (const cell of cells.filled(cells.top, cells.bottom)) {
    if (title === null && cell.text.includes(LABELS.titleSuffix) && cell.text.length <= 40) title = cell.address;
    const name = HEAD_FIELD_NAMES[headerFieldOf(cell.label) ?? 'purpose'];
    if (name) fields.add(name);
  }
  if (title === null || fields.size < 2) return null;
  return { found: [`表头（${[...fields].join('、')}）`], missing: ['指标表格（一级指标、二级指标、三级指标、指标值）'], cell: title };
}

/**
 * The project named by the head of a sheet read as having no grid (a table cut off, or a workbook's 封面); null
 * when the sheet is no such head or it names none. A workbook check tells a 封面 from a table cut off by it.
 */
export function headOnlyProjectName(grid: CellGrid): string | null {
  const cells = new SheetCells(grid);
  if (!headOnly(cells)) return null;
  for (const cell of cells.filled(cells.top, cells.bottom)) {
    const name = headProjectName(cells, cell);
    if (name) return name;
  }
  return null;
}

/** 一级 names of every framework written inside a text (`【产出指标-数量指标】指标1:…`), each counted once per cell. */
const LEVEL1_IN_TEXT = /(?:产出|效益|满意度)指标/g;

/**
 * A sheet whose indicators stand as text inside one cell the in-cell reader (cellIndicators.ts) could not read
 * (headings with no target under them, a lone text with no project row): no grid to read, but never a sheet
 * of something else.
 */
function indicatorsInText(cells: SheetCells): Unreadable | null {
  for (const cell of cells.filled(cells.top, cells.bottom)) {
    const level1 = new Set(cell.text.match(LEVEL1_IN_TEXT) ?? []);
    if (level1.size >= 2 && cell.text.includes('\n')) {
      return { found: [`单元格 ${cell.address} 中以文字写出的指标（${level1.size} 个一级指标）`], missing: ['逐行排列的指标表格（一级指标、二级指标、三级指标、指标值各占一列）'], cell: cell.address };
    }
  }
  return null;
}
