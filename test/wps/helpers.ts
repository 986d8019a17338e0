// Set-up for the WPS host tests: a fresh WPS double, a host over it; and moving a sheet's marks from one
// double to the other (a workbook passed between an Excel user and a WPS user keeps its CFs and notes).
import { createWpsHost } from '../../src/wps/wpsHost';
import type { WpsHost } from '../../src/wps/wpsHost';
import type { ExcelDouble } from '../support/excelDouble';
import { createEtDouble } from '../support/wps/etDouble';
import type { EtDouble, EtDoubleOptions } from '../support/wps/etDouble';
import { rectAddress } from '../support/wps/etModel';
import { loadSeedLibrary } from '../support/seed';

export interface WpsHarness {
  et: EtDouble;
  host: WpsHost;
}

export function setUpWps(options: EtDoubleOptions & { writeWhileTyping?: boolean; pollMs?: number } = {}, liveCheckDelayMs = 80): WpsHarness {
  const et = createEtDouble(options);
  const host = createWpsHost({ app: et.Application, library: loadSeedLibrary(), liveCheckDelayMs, writeWhileTyping: options.writeWhileTyping, pollMs: options.pollMs });
  return { et, host };
}

const hex = (bgr: number | null): string => {
  const n = bgr ?? 0xffffff;
  const rgb = ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, '0').toUpperCase()}`;
};
const bgrOf = (color: string | null): number => {
  const n = parseInt((color ?? '#FFFFFF').slice(1), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
};

/** The WPS sheet's conditional formats and comments, as the file would carry them, onto the Excel double's sheet. */
export function marksFromWpsToExcel(et: EtDouble, excel: ExcelDouble, sheet: string): void {
  const model = et.model(sheet);
  for (const fc of [...model.formatConditions].reverse()) excel.userAddConditionalFormat(sheet, rectAddress(fc.rect), 'Custom', fc.formula1, hex(fc.fill));
  for (const [address, text] of Object.entries(et.notes(sheet))) excel.userSetNote(sheet, address, text);
}

/** The Excel sheet's conditional formats and notes onto the WPS double's sheet. */
export function marksFromExcelToWps(excel: ExcelDouble, et: EtDouble, sheet: string): void {
  const snap = excel.snapshot(sheet);
  for (const cf of snap.conditionalFormats) if (cf.type === 'Custom' && cf.formula) et.userAddConditionalFormat(sheet, cf.range, cf.formula, bgrOf(cf.fill));
  for (const [address, note] of Object.entries(snap.notes)) et.userSetNote(sheet, address, note.content);
}
