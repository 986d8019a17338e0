// Done-criterion of issue #11: the 16-table workbook saved by LibreOffice as .xls gives exactly the
// issues of the .xlsx. The .xls is made now from today's workbook, so the two can never drift apart.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrids } from '../../../src/core/check';
import { loadWorkbook, readGrids, workbookToBuffer } from '../../../src/xlsx';
import { readXlsGrids } from '../../../src/xlsx/xls';
import { loadSeedLibrary } from '../../support/seed';
import { seedWorkbook, tempDir } from '../support';
import { cellsOf } from './cells';
import { describeWithSoffice, soffice } from '../../support/soffice';


describeWithSoffice('the 16-table workbook as .xls (LibreOffice)', () => {
  jest.setTimeout(240_000);

  test('same cells, merges and issues as the .xlsx', async () => {
    const { workbook, names } = seedWorkbook();
    const dir = tempDir('xls');
    const xlsxPath = join(dir, 'seed.xlsx');
    const xlsxBytes = await workbookToBuffer(workbook);
    writeFileSync(xlsxPath, xlsxBytes);
    execFileSync(soffice(), [`-env:UserInstallation=file://${tempDir('lo-profile')}`, '--headless', '--norestore', '--convert-to', 'xls', '--outdir', dir, xlsxPath], {
      stdio: 'pipe',
      timeout: 180_000,
    });
    const xlsGrids = readXlsGrids(new Uint8Array(readFileSync(join(dir, 'seed.xls'))));
    const xlsxGrids = readGrids(await loadWorkbook(xlsxBytes));

    expect(xlsGrids.map((g) => g.sheetName)).toEqual(names);
    xlsGrids.forEach((grid, i) => {
      expect(cellsOf(grid)).toEqual(cellsOf(xlsxGrids[i]));
      expect([...grid.merges].sort()).toEqual([...xlsxGrids[i].merges].sort());
    });

    const library = loadSeedLibrary();
    const fromXls = checkGrids(xlsGrids, { library });
    const fromXlsx = checkGrids(xlsxGrids, { library });
    expect(fromXls).toHaveLength(16);
    expect(fromXls).toEqual(fromXlsx);
    // Not vacuous: the seed has its known warnings and hints.
    expect(fromXls.flatMap((r) => r.issues).length).toBeGreaterThan(0);
  });
});
