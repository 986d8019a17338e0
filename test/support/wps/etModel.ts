/**
 * What the WPS double's facade (etRange.ts, etState.ts) stores in the one workbook model both doubles share
 * (test/support/excel/model.ts): WPS speaks VBA's numbers — BGR colours, XlHAlign/XlVAlign, XlBordersIndex,
 * XlDVType, widths in characters — and the model keeps Office.js's strings, so a workbook marked through one
 * facade reads the same through the other, as a file passed between an Excel user and a WPS user does.
 * Values: learn.microsoft.com/office/vba/api/excel(enumerations) (xlHAlignLeft = -4131, xlEdgeLeft = 7,
 * xlValidateList = 3, xlGreaterEqual = 7, xlPaperA4 = 9 …); WPS uses the same (open.wps.cn 表格 API).
 */
import type { BorderEdge, PageLayoutState } from '../excel/model';

/** `#RRGGBB` (the model's) → the BGR long VBA's Color is. */
export function bgrOf(hex: string | null): number | null {
  if (hex === null) return null;
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** A BGR long → `#RRGGBB`, upper case as the Excel double stores colours. */
export function hexOf(bgr: unknown): string {
  const n = Number(bgr) & 0xffffff;
  const rgb = ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, '0').toUpperCase()}`;
}

/** Both ways between a VBA number and the model's string; an unknown number is refused, as WPS refuses it. */
function table<T extends string>(pairs: [number, T][], what: string) {
  return {
    toModel(n: unknown): T {
      const hit = pairs.find(([k]) => k === Number(n));
      if (!hit) throw new Error(`${what}：值 ${String(n)} 无效`);
      return hit[1];
    },
    toVba(s: string): number | null {
      return pairs.find(([, v]) => v === s)?.[0] ?? null;
    },
  };
}

export const H_ALIGN = table([[1, 'General'], [-4131, 'Left'], [-4108, 'Center'], [-4152, 'Right']], 'HorizontalAlignment');
export const V_ALIGN = table([[-4160, 'Top'], [-4108, 'Center'], [-4107, 'Bottom']], 'VerticalAlignment');
/** Range.Borders (XlBordersIndex). */
export const RANGE_EDGES = table<BorderEdge>([[7, 'EdgeLeft'], [8, 'EdgeTop'], [9, 'EdgeBottom'], [10, 'EdgeRight']], 'Borders.Item');
/** FormatCondition.Borders as Microsoft documents them (xlLeft, xlTop, xlBottom, xlRight). */
export const FORMAT_SIDES = table<BorderEdge>([[-4131, 'EdgeLeft'], [-4160, 'EdgeTop'], [-4107, 'EdgeBottom'], [-4152, 'EdgeRight']], 'FormatCondition.Borders.Item');
export const LINE_STYLE = table([[1, 'Continuous'], [-4115, 'Dash'], [-4118, 'Dot'], [-4119, 'Double'], [-4142, 'None']], 'LineStyle');
/** XlFormatConditionType: an expression rule is Office.js's `Custom`. */
export const FORMAT_TYPE = table([[1, 'CellValue'], [2, 'Custom']], 'FormatConditions.Add');
export const ALERT_STYLE = table([[1, 'Stop'], [2, 'Warning'], [3, 'Information']], 'Validation.Add AlertStyle');
export const OPERATOR = table(
  [[1, 'Between'], [2, 'NotBetween'], [3, 'EqualTo'], [4, 'NotEqualTo'], [5, 'GreaterThan'], [6, 'LessThan'], [7, 'GreaterThanOrEqualTo'], [8, 'LessThanOrEqualTo']],
  'Validation.Add Operator',
);
export const ORIENTATION = table([[1, 'Portrait'], [2, 'Landscape']], 'PageSetup.Orientation');
export const PAPER = table([[1, 'Letter'], [9, 'A4']], 'PageSetup.PaperSize');

/**
 * ColumnWidth in characters ↔ the model's points: 7 px a character of the default font plus 5 px padding,
 * at 0.75 pt a pixel (Calibri 11; learn.microsoft.com/office/troubleshoot/excel/determine-column-widths).
 */
export const pointsOf = (characters: number): number => Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
export const charactersOf = (points: number): number => Math.round(((points / 0.75 - 5) / 7) * 100) / 100;

/**
 * XlDVType → the model's rule (Office.js's DataValidationRule shape): a list, a decimal limit, or none
 * (xlValidateInputOnly: a prompt only).
 */
export function ruleOf(type: number, operator: number | undefined, formula1: string): unknown {
  if (type === 3) return { list: { inCellDropDown: true, source: formula1 } };
  if (type === 2) return { decimal: { formula1, operator: OPERATOR.toModel(operator ?? 1) } };
  if (type === 0) return null;
  throw new Error(`替身不支持的有效性类型：${type}`);
}

/** Zoom, FitToPagesWide and FitToPagesTall (False: as many as needed) as the model's zoom. */
export function zoomWith(zoom: PageLayoutState['zoom'], name: 'Zoom' | 'FitToPagesWide' | 'FitToPagesTall', value: unknown): PageLayoutState['zoom'] {
  const next = { ...zoom };
  if (name === 'Zoom') {
    delete next.scale;
    if (value !== false) return { scale: Number(value) };
    return next;
  }
  const key = name === 'FitToPagesWide' ? 'horizontalFitToPages' : 'verticalFitToPages';
  if (value === false) delete next[key];
  else next[key] = Number(value);
  return next;
}

/** Error WPS raises for a write to a protected sheet (the message as the object model gives it, in Chinese). */
export class EtProtectedError extends Error {
  constructor(sheet: string) {
    super(`工作表“${sheet}”受保护：无法更改（Range 类的写入失败）`);
    this.name = 'EtProtectedError';
  }
}
