// .xls (Excel 97–2003, BIFF8) and WPS .et files → CellGrids, the same contract as the .xlsx reader:
// values as Excel shows them, merged areas as A1 ranges, sparse grids, limits checked before allocating.
import { isDateFormat, isPercentFormat, shownValue } from '../../core/sheet/shown';
import { toA1, toRange } from '../../core/sheet/address';
import type { CellGrid, CellValue } from '../../core/sheet/types';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../limits';
import { tooLarge, WorkbookReadError } from '../errors';
import { readGlobals, readSheetRecords, MAX_COLUMNS } from './biff';
import { isCfb, readCfb } from './cfb';
import { formatCode } from '../numberFormats';
import type { SheetComment } from '../sparseGrid';

export { isCfb } from './cfb';

/** As the .xlsx reader names a sheet's visibility (its SheetState). */
export type XlsSheetState = 'visible' | 'hidden' | 'veryHidden';
const STATES: readonly XlsSheetState[] = ['visible', 'hidden', 'veryHidden'];

/** A worksheet's grid, with the sheet's visibility in Excel and its comments (notes). */
export interface XlsGrid extends CellGrid {
  state: XlsSheetState;
  comments: SheetComment[];
}

/** Days from 1899-12-30 to 1904-01-01: a 1904-system serial plus this is a 1900-system serial. */
const DAYS_1900_TO_1904 = 1462;

/** Worded as the .xlsx reader words it. */
export function readXlsGrids(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): XlsGrid[] {
  if (bytes.length > limits.maxFileBytes) {
    throw tooLarge('文件大小', `${bytes.length} 字节`, `${limits.maxFileBytes} 字节`);
  }
  if (!isCfb(bytes)) throw new WorkbookReadError('不是 Excel 97-2003（.xls）或 WPS（.et）工作簿文件（文件格式不符）。', 'not-xlsx');
  const cfb = readCfb(bytes);
  if (cfb.streamNames.some((name) => name === 'EncryptionInfo')) {
    throw new WorkbookReadError('文件已加密（设有打开密码），无法读取；请在 Excel 中取消密码后另存为 .xlsx。', 'encrypted');
  }
  // Excel 5/95 named the stream Book; some writers (WPS among them) keep that name for BIFF8 too,
  // so the BOF record, not the name, says which version it is.
  const stream = cfb.stream('Workbook') ?? cfb.stream('Book');
  if (!stream) throw new WorkbookReadError('文件中没有 Excel 工作簿数据（可能是 Word 等其他 Office 文件）。', 'not-xlsx');
  const globals = readGlobals(stream);
  const formatOfXf = globals.xfFormat.map((id) => formatCode(id, globals.formats));
  // Per XF, once: whether its numbers are shown other than as stored (percent, date).
  const shownOfXf = formatOfXf.map((format) => isPercentFormat(format) || isDateFormat(format));
  const dateOfXf = formatOfXf.map((format) => isDateFormat(format));

  let cells = 0;
  const grids: XlsGrid[] = [];
  for (const sheet of globals.sheets) {
    if (sheet.kind !== 0) continue;
    const values: CellValue[][] = [];
    const merges: Array<[number, number, number, number]> = [];
    const comments: SheetComment[] = [];
    let rows = 0;
    const put = (row: number, col: number, value: CellValue) => {
      let cellsOfRow = values[row];
      if (!cellsOfRow) {
        if (++rows > limits.maxRows) throw tooLarge(`工作表「${sheet.name}」中有内容的行数`, `超过 ${limits.maxRows}`, limits.maxRows);
        cellsOfRow = values[row] = [];
      }
      if (cellsOfRow[col] === undefined && ++cells > limits.maxCells) throw tooLarge('有内容的单元格数', `超过 ${limits.maxCells}`, limits.maxCells);
      cellsOfRow[col] = value;
    };
    const worksheet = readSheetRecords(stream, sheet.offset, globals.sst, {
      number(row, col, value, xf) {
        if (!shownOfXf[xf]) return put(row, col, value);
        const serial = globals.date1904 && dateOfXf[xf] ? value + DAYS_1900_TO_1904 : value;
        put(row, col, shownValue(serial, formatOfXf[xf]));
      },
      value: put,
      merge(r1, c1, r2, c2) {
        if (merges.length >= limits.maxMerges) throw tooLarge(`工作表「${sheet.name}」的合并区域数`, `超过 ${limits.maxMerges}`, limits.maxMerges);
        merges.push([r1, c1, r2, c2]);
      },
      note(row, col, author, text) {
        comments.push({ address: toA1(row, col), author, text });
      },
    });
    if (!worksheet) continue;
    dropCoveredValues(values, merges);
    grids.push({
      sheetName: sheet.name,
      top: 0,
      left: 0,
      values,
      merges: merges.map(([r1, c1, r2, c2]) => toRange({ row: r1, col: c1 }, { row: r2, col: c2 })),
      // hsState 3 is undefined in MS-XLS: hidden is the safe reading.
      state: STATES[sheet.visibility] ?? 'hidden',
      comments,
    });
  }
  return grids;
}

/**
 * Excel shows only the top-left value of a merged area; values some writers leave under the rest are
 * dropped, as the grid contract says. One sweep down the rows with a per-column count of open merges,
 * so the cost is bounded by cells + merges × columns, whatever the merges' height.
 */
function dropCoveredValues(values: CellValue[][], merges: ReadonlyArray<readonly [number, number, number, number]>): void {
  if (merges.length === 0) return;
  const byStart = [...merges].sort((a, b) => a[0] - b[0]);
  const byEnd = [...merges].sort((a, b) => a[2] - b[2]);
  const topLeft = new Set(merges.map(([r1, c1]) => r1 * MAX_COLUMNS + c1));
  const open = new Int32Array(MAX_COLUMNS);
  const shift = (merge: readonly [number, number, number, number], by: number) => {
    for (let c = merge[1]; c <= merge[3]; c++) open[c] += by;
  };
  let started = 0;
  let ended = 0;
  values.forEach((row, r) => {
    while (started < byStart.length && byStart[started][0] <= r) shift(byStart[started++], 1);
    while (ended < byEnd.length && byEnd[ended][2] < r) shift(byEnd[ended++], -1);
    row.forEach((_, c) => {
      if (open[c] > 0 && !topLeft.has(r * MAX_COLUMNS + c)) delete row[c];
    });
    if (!row.some(() => true)) delete values[r];
  });
}
