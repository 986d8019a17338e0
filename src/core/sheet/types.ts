import type { AmountUnit, FrameworkName, IndicatorRow, PerformanceTable } from '../model';
import type { PlannedConditionalFormat } from './nativeChecks';

/** How a sheet is read. */
export interface ReadSheetOptions {
  /** 设置's 预算年度: which of several year columns is the budget year's when the table's head names no year. */
  budgetYear?: number | null;
  /** Force a framework instead of detecting it from the 一级 names. */
  framework?: FrameworkName;
  /** The framework taken when detection is undecided (设置's default): the rows fit it as well as any. */
  preferredFramework?: FrameworkName;
}

/** A cell's value as both Excel and exceljs hand it over. */
export type CellValue = string | number | boolean | null;

/**
 * A rectangle of cell values read from one sheet (Excel's used range, or an exceljs worksheet).
 * `values[r][c]` is the cell at row `top + r`, column `left + c` (0-based sheet coordinates).
 * Both adapters produce it, so the reader and the rules never know where cells came from.
 */
export interface CellGrid {
  sheetName: string;
  top: number;
  left: number;
  values: CellValue[][];
  /** Merged areas as A1 ranges (`A12:A20`); only the top-left cell holds the value. */
  merges: string[];
}

/** Where each part of a table was read from (A1 addresses on its sheet). */
export interface TableRefs {
  title: string | null;
  department: string | null;
  unit: string | null;
  projectName: string | null;
  budgetTotal: string | null;
  budgetFiscal: string | null;
  budgetOther: string | null;
  purpose: string | null;
  goals: string | null;
  /** Header row of the indicator grid (一级指标 …). */
  indicatorHeader: string | null;
}

export interface IndicatorRowRefs {
  level1: string;
  level2: string;
  level3: string;
  description: string | null;
  value: string;
  unit: string | null;
  /**
   * The cell of an operator column (指标性质 `≥`) whose operator was put in front of the 指标值 as read
   * (`≥` + `95`); absent when the value cell holds its own operator or there is none.
   */
  operator?: string;
}

/**
 * A row of a filled form that prints a 二级 with neither a 三级 name nor a value: not an indicator, but a
 * place in the grid (a fix inserting rows goes after the slots of its 一级, or fills the slot).
 */
export interface IndicatorSlot {
  level1: string;
  level2: string;
  refs: IndicatorRowRefs;
}

/**
 * Which period an indicator grid's targets are for: the budget year, the whole project period, or another
 * single year printed beside the budget year's (2025年 beside 2024年 on a 2024 table): its targets are values
 * to check like any, never held against this year's budget.
 */
export type GridScope = 'annual' | 'overall' | 'otherYear';

/** The year a grid of year columns (2024年 | 2025年 …) stands for; on the budget year's grid, why it is that one. */
export interface GridYear {
  /** As the head says it: `2025年`, `第二年`. */
  name: string;
  /** The calendar year; null for a 第N年 column when the head block gives no 项目期 to count from. */
  year: number | null;
  /** On the annual grid: what told the budget year's column (the head's 预算年度, or that the first was taken). */
  evidence?: string;
}

/** One indicator row of a grid, with the address of every cell it was read from. */
export interface GridRow {
  row: IndicatorRow;
  refs: IndicatorRowRefs;
}

/**
 * One indicator grid as read: the annual grid of a plain form, the 总体目标 grid beside it on a multi-year
 * sheet, or one region's value column of a 区域绩效目标表. Every rule checks each grid on its own.
 */
export interface SheetGrid {
  scope: GridScope;
  /** The goals text this grid's targets answer (the header's 绩效目标, or the 总体目标 nearest above); empty when none. */
  goals: string;
  goalsRef: string | null;
  /** Header cell of the grid (its 一级指标 cell, or where the 一级 column starts). */
  header: string;
  rows: GridRow[];
  /** Unused 二级 slots of a filled form (rows with neither 三级 nor value); absent when none. */
  slots?: IndicatorSlot[];
  /** The region whose targets the grid holds (one value column per 市/区县); absent on a one-region table. */
  region?: string;
  /** The year its column is headed by, on a grid of several year columns; absent otherwise. */
  year?: GridYear;
  /**
   * Written as text inside one cell (a budget list's 绩效目标 cell, 【产出指标-数量指标】 指标1:…): that cell is
   * the header and every row's cell, so no fix may insert rows or write a value there; absent otherwise.
   */
  inCell?: true;
  /**
   * Read from one row of a transposed table (dimension names across the columns, one row per 镇/村): its
   * cells are that row's, so no fix may insert rows into it; absent otherwise.
   */
  transposed?: true;
  /** The money of the row its targets are for (a 资金 column beside them): its costs are weighed against it; absent otherwise. */
  money?: HeaderAmount;
}

/**
 * A further indicator grid of a multi-year sheet, in the shape read before SheetTable.grids: a view derived
 * from grids for callers not yet moved to them.
 */
export interface OtherGrid {
  scope: GridScope;
  goals: string;
  goalsRef: string | null;
  indicatorHeader: string;
  indicators: IndicatorRow[];
  rowRefs: IndicatorRowRefs[];
  slots?: IndicatorSlot[];
}

/** A cell's text as shown and the number it stores, where the two are different amounts. */
export interface ShownAndStored {
  shown: string;
  stored: string;
}

/** An amount printed in the header with where it was read. */
export interface HeaderAmount {
  amount: number;
  /** Set when its cell shows another amount than it stores. */
  stored?: ShownAndStored;
  /** The label as written (normalised), e.g. `项目总金额`. */
  label: string;
  address: string | null;
}

/** A table read from a sheet, with the address of every value. */
export interface SheetTable {
  sheetName: string;
  table: PerformanceTable;
  /** Framework detected from the sheet's 一级 names (or forced by settings). */
  framework: FrameworkName;
  refs: TableRefs;
  /**
   * The indicator grids, the main one first (the annual grid; table.indicators are its rows): the reader's
   * primary output, every row with its cell addresses.
   */
  grids: SheetGrid[];
  /** Derived from grids[0] (read-only view for older callers): refs parallel to table.indicators. */
  readonly rowRefs: readonly IndicatorRowRefs[];
  /** Derived from grids[0]: its unused slots; absent when none. */
  readonly slots?: readonly IndicatorSlot[];
  /** Derived from grids[1..]: absent when the sheet has one grid. */
  readonly otherGrids?: readonly OtherGrid[];
  /** The whole project's amount (项目总金额 …) when the header prints one; absent otherwise. */
  projectTotal?: HeaderAmount;
  /** Amount fields whose label names their own money unit (`资金总额（元）`); absent when none does. */
  amountUnits?: Partial<Record<'budgetTotal' | 'budgetFiscal' | 'budgetOther', AmountUnit>>;
  /**
   * Amount fields whose number format shows another amount than the cell stores (`0!.0000`: 100.0000 for
   * 1000000): the amount is read as shown, and messages name both; absent when none does.
   */
  amountStored?: Partial<Record<'budgetTotal' | 'budgetFiscal' | 'budgetOther', ShownAndStored>>;
  /** Amount fields whose cell holds something that is not an amount (`错误值 #DIV/0!`, `日期「…」`). */
  amountProblems?: Partial<Record<'budgetTotal' | 'budgetFiscal' | 'budgetOther', string>>;
  /** Set when part of the table could not be read (a grid header with no indicator row under it). */
  unread?: Unreadable;
  /**
   * Funds by level of government (中央资金, 市级资金, 区级资金 …) given with no 财政资金 total: the table's
   * 财政资金 is their sum (blank = 0); absent otherwise. Amounts in the table's unit.
   */
  fiscalLevels?: { label: string; amount: number | null; address: string }[];
  /** 上年结转资金 (a 自评表's row beside 当年财政拨款): counted in the 财政资金; absent when the form has none. */
  carriedOver?: { amount: number | null; address: string }[];
  /**
   * A form with no total at all (no 预算数, 资金总额 … label) but both parts: the total is read as their sum,
   * and messages name it so (`财政资金与其他资金之和`); absent otherwise.
   */
  summedTotal?: { label: string; cells: string[] };
}

/**
 * A sheet that looks like a 绩效目标表 (grid headers, 一级 names) but could not be read as one: what was
 * found and what was not, for the unreadable-layout issue.
 */
export interface Unreadable {
  /** What the reader recognised, in Chinese (`一级指标`, `3 个一级指标名称`). */
  found: string[];
  /** What it needed and did not find. */
  missing: string[];
  /** The first recognised cell, or null. */
  cell: string | null;
}

/** Everything read from one sheet: its tables (a flat export holds several), and what could not be read. */
export interface SheetRead {
  tables: SheetTable[];
  /** Set when the sheet looks like a 绩效目标表 but no table could be read from it. */
  unreadable: Unreadable | null;
}

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  /** Fill colour as `#RRGGBB`. */
  fill?: string;
  hAlign?: HorizontalAlign;
  vAlign?: VerticalAlign;
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Excel number format, e.g. `0.00`. */
  numberFormat?: string;
}

export interface PlannedCell {
  /** A1 address. */
  address: string;
  value: string | number | null;
  /** Key into SheetPlan.styles. */
  style: string;
}

export type PlannedValidation =
  | { range: string; kind: 'list'; values: string[]; promptTitle: string; prompt: string }
  | { range: string; kind: 'decimal'; min: number; promptTitle: string; prompt: string }
  | { range: string; kind: 'prompt'; promptTitle: string; prompt: string };

/**
 * Everything needed to draw a 绩效目标表 sheet. Pure data: src/excel turns it into one Office.js batch,
 * src/xlsx into an exceljs worksheet, so both write the very same sheet.
 */
export interface SheetPlan {
  name: string;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Row heights in points by 1-based row number, where not automatic. */
  rowHeights: Record<number, number>;
  cells: PlannedCell[];
  /** A1 ranges to merge. */
  merges: string[];
  styles: Record<string, CellStyle>;
  validations: PlannedValidation[];
  /** Native checks (nativeChecks.ts): conditional formats the spreadsheet evaluates itself, written once with the sheet. */
  conditionalFormats: PlannedConditionalFormat[];
  print: { paperSize: 'A4'; orientation: 'portrait' | 'landscape'; fitToWidth: boolean; printArea: string };
  /** Rows above the indicator grid that repeat on every printed page (`$1:$4`), or null. */
  printTitleRows: string | null;
}
