// Speed of the .xls (BIFF8) reader: the 16-table workbook and a 10,000-row table saved by LibreOffice, and
// how fast damaged files are refused; SheetJS's bare read of the same bytes alongside.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';
import { loadBundledLibrary } from '../../src/cli/seeds';
import { checkGrids } from '../../src/core/check';
import type { IndicatorRow, PerformanceTable } from '../../src/core/model';
import { workbookToBuffer, writeTablesWorkbook } from '../../src/xlsx';
import { readXlsGrids } from '../../src/xlsx/xls';

/** The table with `rows` indicators (cycled, 三级 names made unique), as LibreOffice saves it in .xls; null without soffice. */
async function tenThousandRowXls(base: PerformanceTable, source: IndicatorRow[]): Promise<Uint8Array | null> {
  if (!existsSync(SOFFICE)) return null;
  const indicators = Array.from({ length: 10_000 }, (_, i) => ({ ...source[i % source.length], level3: `${source[i % source.length].level3}${i}` }));
  indicators.sort((a, b) => a.level1.localeCompare(b.level1));
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-xls-'));
  try {
    writeFileSync(join(dir, 'big.xlsx'), await workbookToBuffer(writeTablesWorkbook([{ ...base, indicators }], { framework: 'seed' })));
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xls', '--outdir', dir, join(dir, 'big.xlsx')], { stdio: 'pipe', timeout: 300_000 });
    return new Uint8Array(readFileSync(join(dir, 'big.xls')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SOFFICE = '/usr/bin/soffice';

const sheetjsRead = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array', cellNF: true });

export default async (): Promise<BenchFigure[]> => {
  const tables = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'xls', 'libreoffice-16-tables.xls')));
  const library = loadBundledLibrary();
  const readMs = await medianMs(20, () => readXlsGrids(tables));
  const sheetjsMs = await medianMs(20, () => sheetjsRead(tables));
  const checkMs = await medianMs(20, () => checkGrids(readXlsGrids(tables), { library }));

  // A 10,000-row table written by jixiao, saved as .xls by LibreOffice (RK/MULRK numbers, a large SST).
  const big = await tenThousandRowXls(library.tables[0], library.tables.flatMap((t) => t.indicators));
  const bigMs = big ? await medianMs(5, () => readXlsGrids(big)) : NaN;
  const bigSheetjsMs = big ? await medianMs(5, () => sheetjsRead(big)) : NaN;
  const bigCheckMs = big ? await medianMs(5, () => checkGrids(readXlsGrids(big), { library })) : NaN;

  // Damaged files: every 97th truncation of the 16-table file; the slowest refusal.
  let worstMs = 0;
  for (let cut = 0; cut < tables.length; cut += 97) {
    const start = performance.now();
    try {
      readXlsGrids(tables.subarray(0, cut));
    } catch {
      // Refused, as it should be; only the time matters here.
    }
    worstMs = Math.max(worstMs, performance.now() - start);
  }

  return [
    { name: 'read the 16-table .xls (LibreOffice) → grids', value: readMs, unit: 'ms' },
    { name: '  SheetJS bare read of the same file', value: sheetjsMs, unit: 'ms' },
    { name: '  read + check 16 tables (with library)', value: checkMs, unit: 'ms' },
    { name: `read a 10,000-row table .xls (${big ? (big.length / 1048576).toFixed(1) : '–'} MB, LibreOffice)`, value: bigMs, unit: 'ms' },
    { name: '  SheetJS bare read of the same file', value: bigSheetjsMs, unit: 'ms' },
    { name: '  read + check it', value: bigCheckMs, unit: 'ms' },
    { name: 'slowest refusal of a truncated 16-table .xls', value: worstMs, unit: 'ms' },
  ];
};
