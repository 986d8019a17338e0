// The Excel double's Range and RangeAreas proxies.
import { DoubleOfficeError, MAX_COL, MAX_ROW, MERGED_AREAS_MAX, insertSheetRows, intersects, parseRect, quoteSheet, rectAddress, requireUnprotected, unionRect } from './model';
import type { DoubleCellValue, Rect, SheetState } from './model';
import { cellAt, check2d, enterValue, forEachCell, peekCell, usedRect } from './cells';
import { pasteFormats } from './modelCells';
import { ConditionalFormatCollectionProxy } from './conditionalFormats';
import { DoubleRequestContext } from './context';
import { DataValidationProxy, RangeFormatProxy } from './formats';
import { CollectionProxy, ProxyBase } from './proxyBase';
import { WorksheetProxy } from './workbook';

export class RangeProxy extends ProxyBase {
  protected readonly scalarProps = ['address', 'values', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    context: DoubleRequestContext,
    readonly sheet: WorksheetProxy,
    readonly rect: () => Rect,
  ) {
    super(context);
    this.format = new RangeFormatProxy(context, this);
    this.dataValidation = new DataValidationProxy(context, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this);
  }

  setNull(isNull: boolean): void {
    this.nullState = isNull;
  }

  get address(): string {
    return this.read<string>('address');
  }
  get values(): DoubleCellValue[][] {
    return this.read<DoubleCellValue[][]>('values');
  }
  set values(values: DoubleCellValue[][]) {
    this.later(() => {
      const rect = this.rect();
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'Range.values');
      const grid = check2d(rect, values, 'values');
      forEachCell(rect, (r, c) => {
        enterValue(cellAt(sheet, r, c), grid ? grid[r - rect.r1][c - rect.c1] : values);
      });
      const prev = this.context.editedSheets.get(sheet.id);
      this.context.editedSheets.set(sheet.id, prev ? unionRect(prev, rect) : rect);
    }, values);
  }
  get numberFormat(): string[][] {
    return this.read<string[][]>('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.later(() => {
      const rect = this.rect();
      requireUnprotected(this.sheet.state(), 'Range.numberFormat');
      const grid = check2d(rect, formats, 'numberFormat');
      forEachCell(rect, (r, c) => {
        cellAt(this.sheet.state(), r, c).format.numberFormat = String(grid ? grid[r - rect.r1][c - rect.c1] : formats);
      });
    }, formats);
  }
  get rowIndex(): number {
    return this.read<number>('rowIndex');
  }
  get columnIndex(): number {
    return this.read<number>('columnIndex');
  }
  get rowCount(): number {
    return this.read<number>('rowCount');
  }
  get columnCount(): number {
    return this.read<number>('columnCount');
  }

  protected override fetch(prop: string): unknown {
    const rect = this.rect();
    const sheet = this.sheet.state();
    switch (prop) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'rowIndex':
        return rect.r1;
      case 'columnIndex':
        return rect.c1;
      case 'rowCount':
        return rect.r2 - rect.r1 + 1;
      case 'columnCount':
        return rect.c2 - rect.c1 + 1;
      case 'values':
      case 'numberFormat': {
        const rows: unknown[][] = [];
        forEachCell(rect, (r, c) => {
          const cell = peekCell(sheet, r, c);
          if (c === rect.c1) rows.push([]);
          rows[rows.length - 1].push(prop === 'values' ? (cell?.value ?? '') : (cell?.format.numberFormat ?? 'General'));
        });
        return rows;
      }
      default:
        return super.fetch(prop);
    }
  }

  protected override child(name: string): ProxyBase {
    if (name === 'format') return this.format;
    return super.child(name);
  }

  merge(across?: boolean): void {
    this.later(() => {
      const rect = this.rect();
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'Range.merge');
      const parts = across ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i })) : [rect];
      for (const part of parts) {
        if (sheet.merges.some((m) => intersects(m, part))) {
          throw new DoubleOfficeError('InvalidOperation', `不能合并与已有合并区域重叠的区域：${rectAddress(part)}`);
        }
        // Excel keeps only the top-left value of a merged area.
        forEachCell(part, (r, c) => {
          if (r !== part.r1 || c !== part.c1) {
            const cell = peekCell(sheet, r, c);
            if (cell) cell.value = '';
          }
        });
        sheet.merges.push(part);
      }
    });
  }

  /** The used part of this range (Range.getUsedRangeOrNullObject, ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    let rect: Rect | null = null;
    const proxy = new RangeProxy(this.context, this.sheet, () => {
      if (!rect) throw new DoubleOfficeError('InvalidOperation', '空对象');
      return rect;
    });
    this.context.enqueue(() => {
      const used = usedRect(this.sheet.state(), valuesOnly === true);
      const mine = this.rect();
      rect = used && intersects(used, mine) ? { r1: Math.max(used.r1, mine.r1), c1: Math.max(used.c1, mine.c1), r2: Math.min(used.r2, mine.r2), c2: Math.min(used.c2, mine.c2) } : null;
      proxy.setNull(rect === null);
    });
    return proxy;
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.context.api.require('1.13', 'range.getMergedAreasOrNullObject');
    const areas = new RangeAreasProxy(this.context, this.sheet, () => {
      const rect = this.rect();
      const sheet = this.sheet.state();
      // Only areas whose top-left cell is in the range, whole (office-js #3611); more than 512 fails
      // (excel.range#getMergedAreasOrNullObject: "if the merged areas count in this range is more than
      // 512, then this method will fail to return the result"; the code is not documented).
      const rects = sheet.merges.filter((m) => m.r1 >= rect.r1 && m.r1 <= rect.r2 && m.c1 >= rect.c1 && m.c1 <= rect.c2);
      if (rects.length > MERGED_AREAS_MAX) throw new DoubleOfficeError('GeneralException', `合并区域 ${rects.length} 个，超过 ${MERGED_AREAS_MAX} 个`, 'Range.getMergedAreasOrNullObject');
      return { sheet, rects };
    });
    this.context.enqueue(() => areas.resolve());
    return areas;
  }

  select(): void {
    this.later(() => {
      const sheet = this.sheet.state();
      if (sheet.id !== this.context.state.activeSheetId) throw new DoubleOfficeError('InvalidSelection', '只能选择活动工作表上的区域');
      this.context.state.selection = { sheetId: sheet.id, address: rectAddress(this.rect()) };
    });
  }

  /**
   * Range.insert (ExcelApi 1.1): the double inserts whole rows only (`getRange("12:14").insert("Down")`);
   * what the new rows carry follows the `insertTakesRowAbove` switch. Returns the new blank rows.
   */
  insert(shift: string): RangeProxy {
    this.later(() => {
      const rect = this.rect();
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'Range.insert');
      if (shift !== 'Down' || rect.c1 !== 0 || rect.c2 !== MAX_COL) throw new DoubleOfficeError('ApiNotFound', `替身只实现整行向下插入：${rectAddress(rect)} ${shift}`);
      const count = rect.r2 - rect.r1 + 1;
      if (usedRect(sheet, false) && usedRect(sheet, false)!.r2 + count > MAX_ROW) throw new DoubleOfficeError('InsertDeleteConflict', '插入后内容将超出工作表末行');
      const filter = sheet.autoFilter;
      if (filter && rect.r1 > filter.r1 && rect.r1 <= filter.r2) throw new DoubleOfficeError('FilteredRangeConflict', '不能在筛选区域中插入行', 'Range.insert');
      insertSheetRows(sheet, rect.r1, count, this.context.real.insertTakesRowAbove === true);
      for (const table of sheet.tables ?? []) {
        if (rect.r1 <= table.rect.r1) table.rect = { ...table.rect, r1: table.rect.r1 + count, r2: table.rect.r2 + count };
        else if (rect.r1 <= table.rect.r2) table.rect = { ...table.rect, r2: table.rect.r2 + count };
      }
      if (filter && rect.r1 <= filter.r1) sheet.autoFilter = { ...filter, r1: filter.r1 + count, r2: filter.r2 + count };
      this.context.insertedRows.push({ sheetId: sheet.id, rect });
    });
    return new RangeProxy(this.context, this.sheet, this.rect);
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), `Formats` only: the source's cell formats, its merges and the conditional
   * formats on it, tiled over this range as Excel's paste does ("Cut, copy, and paste ranges using the Excel
   * JavaScript API", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste).
   * Pasting over part of a merged area fails, as in Excel ("We can't do that to a merged cell").
   */
  copyFrom(source: string | RangeProxy, copyType?: string): void {
    this.context.api.require('1.9', 'Range.copyFrom');
    if (copyType !== 'Formats') throw new DoubleOfficeError('ApiNotFound', `替身只实现 copyFrom(…, "Formats")，不是 ${String(copyType)}`);
    this.later(() => {
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'Range.copyFrom');
      const from = typeof source === 'string' ? parseRect(source) : source.rect();
      const to = this.rect();
      pasteFormats(this.context.state, sheet, from, to);
      this.context.noteFormatWrite(sheet.id, to);
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, this.sheet, () => {
      const rect = this.rect();
      return { r1: rect.r1 + row, c1: rect.c1 + column, r2: rect.r1 + row, c2: rect.c1 + column };
    });
  }
}

/** RangeAreas.areas (ExcelApi 1.9): each area as its own range. */
export class RangeCollectionProxy extends CollectionProxy<RangeProxy> {
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
    private readonly rects: () => Rect[],
  ) {
    super(context);
  }
  protected currentItems(): RangeProxy[] {
    return this.rects().map((rect) => new RangeProxy(this.context, this.sheet, () => rect));
  }
}

export class RangeAreasProxy extends ProxyBase {
  protected readonly scalarProps = ['address', 'areaCount'];
  private resolved: { sheet: SheetState; rects: Rect[] } | null = null;
  readonly areas: RangeCollectionProxy;
  constructor(
    context: DoubleRequestContext,
    sheet: WorksheetProxy,
    private readonly compute: () => { sheet: SheetState; rects: Rect[] },
  ) {
    super(context);
    this.areas = new RangeCollectionProxy(context, sheet, () => (this.resolved ?? this.compute()).rects);
  }
  protected override child(name: string): ProxyBase {
    if (name === 'areas') return this.areas;
    return super.child(name);
  }
  resolve(): void {
    this.resolved = this.compute();
    this.nullState = this.resolved.rects.length === 0;
  }
  /** Selects every area (RangeAreas.select, ExcelApi 1.9); the sheet must be active, as for a Range. */
  select(): void {
    this.later(() => {
      const { sheet, rects } = this.resolved ?? this.compute();
      if (sheet.id !== this.context.state.activeSheetId) throw new DoubleOfficeError('InvalidSelection', '只能选择活动工作表上的区域');
      this.context.state.selection = { sheetId: sheet.id, address: rects.map(rectAddress).join(',') };
    });
  }
  get address(): string {
    return this.read<string>('address');
  }
  get areaCount(): number {
    return this.read<number>('areaCount');
  }
  protected override fetch(prop: string): unknown {
    const resolved = this.resolved ?? this.compute();
    if (prop === 'address') return resolved.rects.map((r) => `${quoteSheet(resolved.sheet.name)}!${rectAddress(r)}`).join(',');
    if (prop === 'areaCount') return resolved.rects.length;
    return super.fetch(prop);
  }
}
