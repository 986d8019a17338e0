/** SheetPlan → one queued Office.js batch on a worksheet (no sync here: the caller syncs once). */
import { toA1, toRange } from '../core/sheet/address';
import type { CellStyle, PlannedValidation, SheetPlan } from '../core/sheet/types';
import { planBlock, styleRuns } from '../core/sheet/planBlock';
import { validationText } from '../core/sheet/validationText';
// protectText lives in the core now, shared with the WPS host; here for this module's importers.
export { protectText } from '../core/sheet/planBlock';
import { queueBoxBorder } from './borders';
import type { ExcelFeatures } from './features';

// String forms of the Excel enums: they need no `Excel` global at load time.
const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Column width in characters (as in the plan and exceljs) → Excel points: 7 px a character + 5 px padding. */
function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.fontSize !== undefined) range.format.font.size = style.fontSize;
  if (style.fill) range.format.fill.color = style.fill;
  if (style.hAlign) range.format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) range.format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.border) queueBoxBorder(range.format.borders, '#000000');
}

function queueValidation(range: Excel.Range, planned: PlannedValidation): void {
  const validation = range.dataValidation;
  const text = validationText(planned);
  if (planned.kind === 'list') validation.rule = { list: { inCellDropDown: true, source: text.listSource ?? '' } };
  if (planned.kind === 'decimal') validation.rule = { decimal: { formula1: planned.min, operator: 'GreaterThanOrEqualTo' } };
  if (text.alert) validation.errorAlert = { showAlert: true, style: text.alert.style === 'stop' ? 'Stop' : 'Warning', title: text.title, message: text.alert.message };
  validation.prompt = { showPrompt: true, title: text.title, message: text.message };
}

/** Queues the whole plan on `sheet`: values, number formats, styles, merges, sizes, validation, native checks, print setup. */
export function queueSheetPlan(sheet: Excel.Worksheet, plan: SheetPlan, features: ExcelFeatures): void {
  if (plan.cells.length > 0) queueCells(sheet, plan);

  plan.columnWidths.forEach((width, col) => {
    sheet.getRange(toA1(0, col)).format.columnWidth = charactersToPoints(width);
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) {
    sheet.getRange(`A${row}`).format.rowHeight = height;
  }
  for (const planned of plan.validations) queueValidation(sheet.getRange(planned.range), planned);
  // Native checks (core/sheet/nativeChecks.ts): written once here, evaluated by Excel from then on.
  // Custom conditional formats are ExcelApi 1.6, below the manifest's minimum; `formula` is en-US invariant.
  for (const planned of plan.conditionalFormats) {
    const cf = sheet.getRange(planned.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = planned.formula;
    cf.custom.format.fill.color = planned.fill;
  }

  if (features.pageLayout) {
    const layout = sheet.pageLayout;
    layout.paperSize = 'A4';
    layout.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    // One page wide, as many pages tall as the rows need. Only documented values are sent: a
    // verticalFitToPages of 0 ("automatic" in VBA's FitToPagesTall = False) is not documented for Office.js
    // (excel.pagelayoutzoomoptions), so it is left unset.
    if (plan.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
    layout.setPrintArea(plan.print.printArea);
    if (plan.printTitleRows) layout.setPrintTitleRows(plan.printTitleRows);
  }
}

function queueCells(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const block = planBlock(plan);
  const { top, left, bottom, right, styleAt, values } = block;
  const formats = styleAt.map((row) => row.map((key) => (key && plan.styles[key]?.numberFormat) || 'General'));

  const range = sheet.getRange(toRange({ row: top, col: left }, { row: bottom, col: right }));
  range.numberFormat = formats;
  range.values = values;

  for (const run of styleRuns(block)) {
    const style = plan.styles[run.key];
    if (style) applyStyle(sheet.getRange(run.range), style);
  }
  for (const merge of plan.merges) sheet.getRange(merge).merge(false);
}
