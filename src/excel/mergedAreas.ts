// Merged areas read in bands. Range.getMergedAreasOrNullObject fails when the range holds more than 512
// merged areas (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)),
// and one failed call fails every sheet of the batch: each band is small enough that it cannot hold 512
// (a merged area covers at least two cells), so no sheet, however merged, can fail the check. Excel returns
// only the areas whose top-left cell is in the range, whole (office-js #3611): each area comes from
// exactly one band, so the bands together give every area once.
import { toRange } from '../core/sheet/address';

/** Cells per band: fewer than 2 × 512, so at most 511 two-cell areas fit. */
const BAND_CELLS = 1022;

export interface MergeBands {
  bands: Excel.RangeAreas[];
  /** Areas of bands whose address did not read area by area (loaded with the next sync). */
  byArea: Excel.RangeCollection[];
  found: Set<string>;
}

/** A1 part of an address Excel returns (`'My sheet'!A1:B2` → `A1:B2`); the sheet name may hold `!`. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

const AREA = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;
const SHEET_PREFIX = /^(?:'(?:[^']|'')*'|[^',!]*)!/;

/**
 * The areas of a RangeAreas address (`'预算,2024'!A1:B2,'预算,2024'!C3:D4`), each with its sheet part taken
 * off as a whole (a quoted sheet name may hold commas), or null when the address does not read as exactly
 * `count` areas (then the areas are read one by one).
 */
export function areasOfAddress(address: string, count: number): string[] | null {
  const areas: string[] = [];
  let rest = address;
  while (rest.length > 0) {
    rest = rest.replace(SHEET_PREFIX, '');
    const comma = rest.indexOf(',');
    const area = (comma < 0 ? rest : rest.slice(0, comma)).replace(/\$/g, '');
    if (!AREA.test(area)) return null;
    areas.push(area);
    rest = comma < 0 ? '' : rest.slice(comma + 1);
  }
  return areas.length === count ? areas : null;
}

/** Queues the merged areas of rows `top`…`top + rows - 1`, columns `left`…`left + columns - 1`, band by band. */
export function queueMergeBands(worksheet: Excel.Worksheet, top: number, rows: number, left: number, columns: number, into?: MergeBands): MergeBands {
  const bands = into ?? { bands: [], byArea: [], found: new Set<string>() };
  if (rows <= 0 || columns <= 0) return bands;
  const rowsPerBand = Math.max(1, Math.floor(BAND_CELLS / columns));
  // A band one row high over more than 1022 columns could still hold 512 areas: cut the columns too.
  const columnsPerBand = Math.min(columns, BAND_CELLS);
  for (let row = top; row < top + rows; row += rowsPerBand) {
    for (let col = left; col < left + columns; col += columnsPerBand) {
      const address = toRange({ row, col }, { row: Math.min(top + rows, row + rowsPerBand) - 1, col: Math.min(left + columns, col + columnsPerBand) - 1 });
      const band = worksheet.getRange(address).getMergedAreasOrNullObject();
      band.load('address,areaCount');
      bands.bands.push(band);
    }
  }
  return bands;
}

/**
 * After the sync: each band's areas from its address, or, where it did not read area by area, its areas
 * queued one by one (returns true: they need one more sync).
 */
export function settleMergeBands(merges: MergeBands): boolean {
  for (const band of merges.bands) {
    if (band.isNullObject) continue;
    const areas = areasOfAddress(band.address, band.areaCount);
    if (areas) for (const area of areas) merges.found.add(area);
    else {
      const items = band.areas;
      items.load('items/address');
      merges.byArea.push(items);
    }
  }
  merges.bands = [];
  return merges.byArea.length > 0;
}

/** Every merged area found, as A1 ranges. */
export function mergesOf(merges: MergeBands): string[] {
  for (const items of merges.byArea) for (const area of items.items) merges.found.add(localAddress(area.address).replace(/\$/g, ''));
  merges.byArea = [];
  return [...merges.found];
}
