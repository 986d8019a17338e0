// One worksheet of the Excel double's workbook model: its cells and their formats, merges, validation,
// conditional formats, notes, sizes, page layout, protection, threaded comments, Tables and AutoFilter.
import type { Rect } from './addresses';

export type DoubleCellValue = string | number | boolean;

export interface BorderState {
  style: string;
  color: string;
}

export type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
export const EDGES: BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

export interface CellFormatState {
  fill: string | null;
  bold: boolean;
  fontSize: number;
  fontColor: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  numberFormat: string;
  borders: Partial<Record<BorderEdge, BorderState>>;
}

export interface CellState {
  value: DoubleCellValue;
  format: CellFormatState;
}

export interface ValidationState {
  rect: Rect;
  rule: unknown;
  prompt: { showPrompt: boolean; title: string; message: string } | null;
  errorAlert: unknown;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  rect: Rect;
  formula: string | null;
  fill: string | null;
  borders: Partial<Record<BorderEdge, BorderState>>;
}

export interface NoteState {
  content: string;
  authorName: string;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea: string | null;
  printTitleRows: string | null;
}

export interface SheetState {
  id: string;
  name: string;
  cells: Map<string, CellState>;
  merges: Rect[];
  validations: ValidationState[];
  conditionalFormats: ConditionalFormatState[];
  notes: Map<string, NoteState>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageLayout: PageLayoutState;
  /** worksheet.protection.protected: Excel refuses the add-in's writes to the sheet while set. */
  protected: boolean;
  /**
   * Cells with a threaded comment (by cell key). Excel keeps a cell's note and threaded comment apart: a
   * cell holds one or the other (support.microsoft.com "The difference between threaded comments and
   * notes"), so adding a note there is refused.
   */
  threadedComments?: Set<string>;
  /**
   * Excel Tables (ListObjects) on the sheet, and its AutoFilter range: a row insert through a filtered
   * range is refused (FilteredRangeConflict, Excel.ErrorCodes); rows inserted through a Table grow it.
   */
  tables?: { name: string; rect: Rect }[];
  autoFilter?: Rect | null;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function defaultFormat(): CellFormatState {
  return {
    fill: null,
    bold: false,
    fontSize: 11,
    fontColor: '#000000',
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    numberFormat: 'General',
    borders: {},
  };
}

export function cloneSheet(sheet: SheetState): SheetState {
  const cloneCell = (cell: CellState): CellState => ({
    value: cell.value,
    format: { ...cell.format, borders: { ...cell.format.borders } },
  });
  return {
    ...sheet,
    cells: new Map([...sheet.cells].map(([k, v]) => [k, cloneCell(v)])),
    merges: sheet.merges.map((m) => ({ ...m })),
    validations: sheet.validations.map((v) => ({ ...v, rect: { ...v.rect } })),
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...cf, rect: { ...cf.rect }, borders: { ...cf.borders } })),
    notes: new Map([...sheet.notes].map(([k, v]) => [k, { ...v }])),
    columnWidths: new Map(sheet.columnWidths),
    rowHeights: new Map(sheet.rowHeights),
    pageLayout: { ...sheet.pageLayout, zoom: { ...sheet.pageLayout.zoom } },
    protected: sheet.protected,
    threadedComments: new Set(sheet.threadedComments),
    tables: (sheet.tables ?? []).map((t) => ({ ...t, rect: { ...t.rect } })),
    autoFilter: sheet.autoFilter ? { ...sheet.autoFilter } : null,
  };
}
