/**
 * SheetPlan → WPS calls on a new worksheet: the same sheet the Excel host and the .xlsx writer draw, with
 * the same native aids (drop-down lists, number limits, input prompts, print setup). One `Value2` write
 * for the whole block; formats by runs of same-styled cells, as the Excel host queues them.
 */
import { toA1, toRange } from '../core/sheet/address';
import type { CellStyle, PlannedValidation, SheetPlan } from '../core/sheet/types';
import { planBlock, styleRuns } from '../core/sheet/planBlock';
import { validationText } from '../core/sheet/validationText';
import { XL, bgr } from './et';
import type { EtFormatCondition, EtRange, EtWorksheet } from './et';

const H_ALIGN = { left: XL.hLeft, center: XL.hCenter, right: XL.hRight } as const;
const V_ALIGN = { top: XL.vTop, middle: XL.vCenter, bottom: XL.vBottom } as const;

function applyStyle(range: EtRange, style: CellStyle): void {
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.fontSize !== undefined) range.Font.Size = style.fontSize;
  if (style.fill) range.Interior.Color = bgr(style.fill);
  if (style.hAlign) range.HorizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) range.VerticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.border) {
    for (const edge of [XL.edgeLeft, XL.edgeTop, XL.edgeBottom, XL.edgeRight]) {
      const border = range.Borders.Item(edge);
      border.LineStyle = XL.continuous;
      border.Weight = XL.thin;
      border.Color = 0;
    }
  }
}

function addValidation(range: EtRange, planned: PlannedValidation): void {
  const validation = range.Validation;
  const text = validationText(planned);
  if (planned.kind === 'list') validation.Add(XL.validateList, XL.alertWarning, 1, text.listSource ?? '');
  else if (planned.kind === 'decimal') validation.Add(XL.validateDecimal, XL.alertStop, XL.greaterEqual, String(planned.min));
  else validation.Add(XL.validateInputOnly);
  if (planned.kind === 'list') validation.InCellDropdown = true;
  if (text.alert) {
    validation.ErrorTitle = text.title;
    validation.ErrorMessage = text.alert.message;
  }
  validation.InputTitle = text.title;
  validation.InputMessage = text.message;
  validation.ShowInput = true;
}

/** Draws the whole plan on `ws`: values, number formats, styles, merges, sizes, validation, print setup. */
export function writeSheetPlan(ws: EtWorksheet, plan: SheetPlan): void {
  if (plan.cells.length > 0) writeCells(ws, plan);
  // WPS takes ColumnWidth in characters, as the plan has it.
  plan.columnWidths.forEach((width, col) => {
    ws.Range(toA1(0, col)).ColumnWidth = width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) ws.Range(`A${row}`).RowHeight = height;
  for (const planned of plan.validations) addValidation(ws.Range(planned.range), planned);
  // The native checks (src/core/sheet/nativeChecks.ts): conditional formats WPS evaluates as the clerk types.
  for (const planned of plan.conditionalFormats) {
    const condition = ws.Range(planned.range).FormatConditions.Add(XL.expression, undefined, planned.formula) as EtFormatCondition;
    condition.Interior.Color = bgr(planned.fill);
  }
  const page = ws.PageSetup;
  page.PaperSize = XL.paperA4;
  page.Orientation = plan.print.orientation === 'landscape' ? XL.landscape : XL.portrait;
  if (plan.print.fitToWidth) {
    // One page wide, as many pages tall as the rows need (VBA: Zoom = False, FitToPagesTall = False).
    page.Zoom = false;
    page.FitToPagesWide = 1;
    page.FitToPagesTall = false;
  }
  page.PrintArea = plan.print.printArea;
  if (plan.printTitleRows) page.PrintTitleRows = plan.printTitleRows;
}

function writeCells(ws: EtWorksheet, plan: SheetPlan): void {
  const block = planBlock(plan);
  const { top, left, bottom, right, values } = block;
  // Number formats before values, so `@` cells keep their text; then one style call per run.
  for (const run of styleRuns(block)) {
    const style = plan.styles[run.key];
    if (!style) continue;
    const range = ws.Range(run.range);
    if (style.numberFormat) range.NumberFormat = style.numberFormat;
    applyStyle(range, style);
  }
  ws.Range(toRange({ row: top, col: left }, { row: bottom, col: right })).Value2 = values;
  for (const merge of plan.merges) ws.Range(merge).Merge(false);
}
