/** SheetPlan → exceljs worksheet: the same sheet the Office.js adapter draws. */
import type ExcelJS from 'exceljs';
import { parseRange, toA1 } from '../core/sheet/address';
import type { CellStyle, PlannedValidation, SheetPlan } from '../core/sheet/types';
import { validationText } from '../core/sheet/validationText';

const PAPER_SIZE_A4 = 9;
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };

/** `#RRGGBB` → exceljs ARGB (`#C50F1F` → `FFC50F1F`), opaque. */
export function argb(colour: string): string {
  return `FF${colour.replace(/^#/, '').toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.fontSize) cell.font = { bold: style.bold ?? false, ...(style.fontSize ? { size: style.fontSize } : {}) };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.hAlign || style.vAlign || style.wrap) {
    cell.alignment = {
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

/** The texts, limits and alert are the core's (validationText), as the Excel and WPS hosts write them. */
function toValidation(planned: PlannedValidation): ExcelJS.DataValidation {
  const text = validationText(planned);
  const prompt = { showInputMessage: true, promptTitle: text.title, prompt: text.message };
  const alert = text.alert ? { showErrorMessage: true, errorStyle: text.alert.style, errorTitle: text.title, error: text.alert.message } : {};
  switch (planned.kind) {
    case 'list':
      return { type: 'list', allowBlank: true, formulae: [`"${text.listSource ?? ''}"`], ...alert, ...prompt };
    case 'decimal':
      return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [planned.min], ...alert, ...prompt };
    case 'prompt':
      // exceljs writes type 'any' (a prompt with no restriction) but its typings omit it.
      return { type: 'any' as ExcelJS.DataValidation['type'], allowBlank: true, formulae: [], ...alert, ...prompt };
  }
}

/** Adds a worksheet drawn from the plan (values, styles, merges, sizes, validations, native checks, print setup). */
export function writePlan(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(plan.name);
  plan.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) sheet.getRow(Number(row)).height = height;

  const styleAt = new Map<string, CellStyle>();
  for (const planned of plan.cells) {
    const style = plan.styles[planned.style] ?? {};
    const cell = sheet.getCell(planned.address);
    cell.value = planned.value;
    applyStyle(cell, style);
    styleAt.set(planned.address, style);
  }
  for (const range of plan.merges) {
    const area = parseRange(range);
    // Borders and fills belong to every cell of a merged area, or Excel draws them only round the first.
    const style = styleAt.get(toA1(area.start.row, area.start.col));
    if (style) {
      for (let r = area.start.row; r <= area.end.row; r++) {
        for (let c = area.start.col; c <= area.end.col; c++) if (r !== area.start.row || c !== area.start.col) applyStyle(sheet.getCell(toA1(r, c)), style);
      }
    }
    sheet.mergeCells(range);
  }
  for (const planned of plan.validations) {
    const validation = toValidation(planned);
    const area = parseRange(planned.range);
    for (let r = area.start.row; r <= area.end.row; r++) {
      for (let c = area.start.col; c <= area.end.col; c++) sheet.getCell(toA1(r, c)).dataValidation = validation;
    }
  }
  // Native checks (core/sheet/nativeChecks.ts); a file's <formula> carries no leading `=`. A conditional
  // format's fill is a differential format, whose solid colour exceljs writes from bgColor.
  plan.conditionalFormats.forEach((planned, i) => {
    sheet.addConditionalFormatting({
      ref: planned.range,
      rules: [{ type: 'expression', priority: i + 1, formulae: [planned.formula.replace(/^=/, '')], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(planned.fill) } } } }],
    });
  });

  const printArea = parseRange(plan.print.printArea);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: PAPER_SIZE_A4 as ExcelJS.PageSetup['paperSize'],
    orientation: plan.print.orientation,
    fitToPage: plan.print.fitToWidth,
    fitToWidth: 1,
    // 0: as many pages tall as needed.
    fitToHeight: 0,
    printArea: `${toA1(printArea.start.row, printArea.start.col)}:${toA1(printArea.end.row, printArea.end.col)}`,
    ...(plan.printTitleRows ? { printTitlesRow: plan.printTitleRows.replace(/\$/g, '') } : {}),
  };
  return sheet;
}

