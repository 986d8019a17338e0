// The Excel double's range formats (fill, font, borders, sizes) and data validation.
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, DoubleOfficeError, EDGES, defaultFormat, intersects, rectAddress, requireUnprotected, subtractRect } from './model';
import type { BorderEdge, BorderState, CellState, Rect, SheetState, ValidationState } from './model';
import { cellAt, forEachCell, peekCell } from './cells';
import { DoubleRequestContext } from './context';
import { ProxyBase, writeOnly } from './proxyBase';
import { RangeProxy } from './range';

export interface BorderProxy {
  style: string;
  color: string;
  /** A range's border only (a conditional format's has none); the double keeps no weight. */
  weight?: string;
}

/** `borders.getItem(edge)` of a range format or a conditional format: each write patches that edge at sync. */
export function borderItem(edge: string, write: (patch: (borders: Partial<Record<BorderEdge, BorderState>>) => void) => void, withWeight = false): BorderProxy {
  if (!EDGES.includes(edge as BorderEdge)) throw new DoubleOfficeError('InvalidArgument', `边框位置不支持：${edge}`);
  const e = edge as BorderEdge;
  const setBorder = (patch: Partial<BorderState>): void =>
    write((borders) => {
      borders[e] = { style: 'Continuous', color: '#000000', ...borders[e], ...patch };
    });
  const setters = { style: (style: string) => setBorder({ style }), color: (color: string) => setBorder({ color: color.toUpperCase() }) };
  return withWeight ? writeOnly<Required<BorderProxy>>('border', { ...setters, weight: () => setBorder({}) }) : writeOnly<BorderProxy>('border', setters);
}

/** Applies a format property to every cell of the range at sync. */
export function formatWriter(range: RangeProxy, apply: (cell: CellState) => void): void {
  range.context.enqueue(() => {
    const sheet = range.sheet.state();
    requireUnprotected(sheet, 'RangeFormat');
    forEachCell(range.rect(), (r, c) => apply(cellAt(sheet, r, c)));
  });
}

export class RangeFormatProxy extends ProxyBase {
  protected readonly scalarProps = ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'];
  readonly fill: { color: string; clear: () => void };
  readonly font: { bold: boolean; size: number; color: string; name: string };
  readonly borders: { getItem: (edge: string) => BorderProxy };

  constructor(
    context: DoubleRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
    const write = (apply: (cell: CellState) => void): void => formatWriter(range, apply);
    this.fill = Object.assign(
      writeOnly<{ color: string }>('fill', { color: (color) => write((cell) => (cell.format.fill = color.toUpperCase())) }),
      { clear: () => write((cell) => (cell.format.fill = null)) },
    );
    this.font = writeOnly<RangeFormatProxy['font']>('font', {
      bold: (bold) => write((cell) => (cell.format.bold = bold)),
      size: (size) => write((cell) => (cell.format.fontSize = size)),
      color: (color) => write((cell) => (cell.format.fontColor = color.toUpperCase())),
      name: () => write(() => undefined),
    });
    this.borders = {
      getItem: (edge: string) => borderItem(edge, (patch) => write((cell) => patch(cell.format.borders)), true),
    };
  }

  set horizontalAlignment(value: string) {
    formatWriter(this.range, (cell) => (cell.format.horizontalAlignment = value));
  }
  get horizontalAlignment(): string {
    return this.read<string>('horizontalAlignment');
  }
  set verticalAlignment(value: string) {
    formatWriter(this.range, (cell) => (cell.format.verticalAlignment = value));
  }
  get verticalAlignment(): string {
    return this.read<string>('verticalAlignment');
  }
  set wrapText(value: boolean) {
    formatWriter(this.range, (cell) => (cell.format.wrapText = value));
  }
  get wrapText(): boolean {
    return this.read<boolean>('wrapText');
  }
  /** Column widths or row heights over the range's columns or rows, at sync. */
  private setSizes(sizesOf: (sheet: SheetState) => Map<number, number>, span: (rect: Rect) => [number, number], points: number): void {
    this.context.enqueue(() => {
      const [from, to] = span(this.range.rect());
      requireUnprotected(this.range.sheet.state(), 'RangeFormat');
      const sizes = sizesOf(this.range.sheet.state());
      for (let i = from; i <= to; i++) sizes.set(i, points);
    });
  }
  set columnWidth(points: number) {
    this.setSizes((sheet) => sheet.columnWidths, (rect) => [rect.c1, rect.c2], points);
  }
  get columnWidth(): number {
    return this.read<number>('columnWidth');
  }
  set rowHeight(points: number) {
    this.setSizes((sheet) => sheet.rowHeights, (rect) => [rect.r1, rect.r2], points);
  }
  get rowHeight(): number {
    return this.read<number>('rowHeight');
  }

  protected override fetch(prop: string): unknown {
    const rect = this.range.rect();
    const sheet = this.range.sheet.state();
    const first = peekCell(sheet, rect.r1, rect.c1)?.format ?? defaultFormat();
    switch (prop) {
      case 'columnWidth':
        return sheet.columnWidths.get(rect.c1) ?? DEFAULT_COLUMN_WIDTH;
      case 'rowHeight':
        return sheet.rowHeights.get(rect.r1) ?? DEFAULT_ROW_HEIGHT;
      case 'horizontalAlignment':
        return first.horizontalAlignment;
      case 'verticalAlignment':
        return first.verticalAlignment;
      case 'wrapText':
        return first.wrapText;
      default:
        return super.fetch(prop);
    }
  }
}

export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;
export const LIST_SOURCE_MAX = 255;

export class DataValidationProxy extends ProxyBase {
  protected readonly scalarProps = ['rule', 'prompt'];
  constructor(
    context: DoubleRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }

  private upsert(patch: Partial<ValidationState>): void {
    this.context.enqueue(() => {
      const rect = this.range.rect();
      const sheet = this.range.sheet.state();
      requireUnprotected(sheet, 'DataValidation');
      const same = sheet.validations.find((v) => rectAddress(v.rect) === rectAddress(rect));
      if (!same && sheet.validations.some((v) => intersects(v.rect, rect))) {
        throw new DoubleOfficeError('InvalidOperation', `数据验证区域与已有区域部分重叠：${rectAddress(rect)}`);
      }
      const target = same ?? { rect, rule: null, prompt: null, errorAlert: null };
      Object.assign(target, patch);
      if (!same) sheet.validations.push(target);
    }, patch);
  }

  set rule(rule: unknown) {
    const list = (rule as { list?: { source?: unknown } } | null)?.list;
    if (list && typeof list.source === 'string' && list.source.length > LIST_SOURCE_MAX) {
      throw new DoubleOfficeError('InvalidArgument', `下拉列表来源超过 ${LIST_SOURCE_MAX} 个字符`);
    }
    this.upsert({ rule: JSON.parse(JSON.stringify(rule)) as unknown });
  }
  get rule(): unknown {
    return this.read<unknown>('rule');
  }
  set prompt(prompt: { showPrompt: boolean; title: string; message: string }) {
    if (prompt.title.length > PROMPT_TITLE_MAX || prompt.message.length > PROMPT_MESSAGE_MAX) {
      this.context.enqueue(() => {
        throw new DoubleOfficeError('InvalidArgument', `输入提示过长（标题≤${PROMPT_TITLE_MAX}，内容≤${PROMPT_MESSAGE_MAX} 字符）`);
      });
      return;
    }
    this.upsert({ prompt: { ...prompt } });
  }
  get prompt(): { showPrompt: boolean; title: string; message: string } {
    return this.read('prompt');
  }
  set errorAlert(alert: unknown) {
    this.upsert({ errorAlert: JSON.parse(JSON.stringify(alert)) as unknown });
  }
  get errorAlert(): unknown {
    return this.read('errorAlert');
  }
  clear(): void {
    this.context.enqueue(() => {
      const rect = this.range.rect();
      const sheet = this.range.sheet.state();
      requireUnprotected(sheet, 'DataValidation.clear');
      // Only this range's cells lose their validation; the rest of a larger validated area keeps it.
      sheet.validations = sheet.validations.flatMap((v) => subtractRect(v.rect, rect).map((part) => ({ ...v, rect: part })));
    });
  }
}
