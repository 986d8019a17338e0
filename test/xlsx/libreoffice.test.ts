// The 16-table workbook saved again by LibreOffice (another writer's idea of .xlsx) still reads back the same.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSheet } from '../../src/core/sheet/reader';
import { loadWorkbook, readGrids, workbookToBuffer, WorkbookReadError } from '../../src/xlsx';
import { seedWorkbook, tempDir } from './support';
import { describeWithSoffice, soffice } from '../support/soffice';


/** One conversion in a dedicated, throw-away LibreOffice profile; returns the converted file. */
function convert(file: string, format: 'xlsx' | 'xls', outDir: string): string {
  const profile = `file://${tempDir('lo-profile')}`;
  execFileSync(soffice(), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  const converted = join(outDir, file.replace(/^.*\//, '').replace(/\.xlsx$/, `.${format}`));
  if (!existsSync(converted)) throw new Error(`LibreOffice 未生成 ${converted}`);
  return converted;
}

describeWithSoffice('LibreOffice round trip', () => {
  jest.setTimeout(240_000);

  test('16 seed tables written by exceljs, saved by LibreOffice, read back unchanged', async () => {
    const { workbook, names, tables } = seedWorkbook();
    const dir = tempDir('lo');
    const original = join(dir, 'seed.xlsx');
    writeFileSync(original, await workbookToBuffer(workbook));
    const converted = convert(original, 'xlsx', join(dir, 'out'));
    const grids = readGrids(await loadWorkbook(readFileSync(converted)));
    expect(grids.map((g) => g.sheetName)).toEqual(names);
    tables.forEach((table, i) => expect(readSheet(grids[i])?.table).toEqual(table));
  });

  test('the same workbook saved as a legacy .xls is refused with a clear reason', async () => {
    const { workbook } = seedWorkbook();
    const dir = tempDir('lo-xls');
    const original = join(dir, 'seed.xlsx');
    writeFileSync(original, await workbookToBuffer(workbook));
    const xls = convert(original, 'xls', join(dir, 'out'));
    await expect(loadWorkbook(readFileSync(xls))).rejects.toMatchObject({ reason: 'legacy-xls' });
    await expect(loadWorkbook(readFileSync(xls))).rejects.toBeInstanceOf(WorkbookReadError);
  });
});
