// The .xlsx copy of a workbook that is not one (.xls, .ods saved by LibreOffice): it reads back as the very
// grids read from the original, checks the same, takes jixiao's marks and fixes, and LibreOffice opens it
// showing what it shows for the original.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrids } from '../../src/core/check';
import { asXlsxPackage, convertedNote } from '../../src/xlsx/gridXlsx';
import { markedCopy } from '../../src/xlsx/markedCopy';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { fixedCopy } from '../../src/xlsx/fixCopy';
import { describeWithSoffice, sheetsAsCsv } from '../support/soffice';
import { loadSeedLibrary } from '../support/seed';
import { tempDir } from './support';

const WRITERS = join(__dirname, '..', 'fixtures', 'writers');

describe.each(['seed16-libreoffice.xls', 'seed16-libreoffice.ods'])('%s', (name) => {
  const original = readFileSync(join(WRITERS, name));
  const library = loadSeedLibrary();

  test('its .xlsx copy reads back as the same grids and checks the same', () => {
    const copy = asXlsxPackage(original);
    expect(copy.converted).toBe(true);
    const grids = readWorkbookGrids(original);
    const again = readWorkbookGrids(copy.bytes);
    expect(again.map(({ comments: _c, ...g }) => g)).toEqual(grids.map(({ comments: _c, ...g }) => g));
    expect(checkGrids(again, { library })).toEqual(checkGrids(grids, { library }));
  });

  test('the marked copy of it is an .xlsx whose re-check gives the same issues', () => {
    const reports = checkGrids(readWorkbookGrids(original), { library });
    const marked = markedCopy(asXlsxPackage(original).bytes, reports);
    expect(marked.marked).toBeGreaterThan(0);
    expect(checkGrids(readWorkbookGrids(marked.bytes), { library })).toEqual(reports);
  });

  test('a fix applies to it like to any .xlsx', () => {
    const grids = readWorkbookGrids(original);
    const sheet = grids[0].sheetName;
    const { bytes } = fixedCopy(asXlsxPackage(original).bytes, [{ sheet, fix: { description: '', steps: [{ kind: 'insertRows', before: 12, count: 1, formatFrom: 11 }, { kind: 'setCell', cell: 'E12', value: '≥1次' }], select: [] } }]);
    const fixed = readWorkbookGrids(bytes)[0];
    expect(fixed.values[11][4]).toBe('≥1次');
    expect(fixed.values[12]).toEqual(grids[0].values[11]);
  });

  describeWithSoffice('LibreOffice', () => {
    jest.setTimeout(300_000);
    test('opens the copy and shows every sheet as it shows the original', () => {
      const dir = tempDir('gridxlsx');
      const inFile = join(dir, `in${name.slice(name.lastIndexOf('.'))}`);
      const outFile = join(dir, 'copy.xlsx');
      writeFileSync(inFile, original);
      writeFileSync(outFile, asXlsxPackage(original).bytes);
      const csv = sheetsAsCsv([inFile, outFile]);
      const was = csv.get(inFile)!;
      const now = csv.get(outFile)!;
      expect([...now.keys()]).toEqual([...was.keys()]);
      // Trailing empty cells and rows are where LibreOffice's used range ends, not content.
      const trim = (rows: string[][]) => {
        const lines = rows.map((row) => {
          const cells = [...row];
          while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
          return cells;
        });
        while (lines.length > 0 && lines[lines.length - 1].length === 0) lines.pop();
        return lines;
      };
      for (const [sheet, rows] of was) expect([sheet, trim(now.get(sheet)!)]).toEqual([sheet, trim(rows)]);
    });
  });
});

test('an .xlsx is used as it is', () => {
  const xlsx = readFileSync(join(WRITERS, 'seed16-libreoffice.xlsx'));
  const copy = asXlsxPackage(xlsx);
  expect(copy.converted).toBe(false);
  expect(copy.bytes).toBe(xlsx);
});

test('the note names the original format', () => {
  expect(convertedNote('/tmp/报表.xls', '标记副本')).toBe('原文件为 .xls，标记副本另存为 .xlsx（只保留单元格的值和合并区域）');
  expect(convertedNote('表.ET', '修正后的副本')).toBe('原文件为 .et，修正后的副本另存为 .xlsx（只保留单元格的值和合并区域）');
  expect(convertedNote('收到的文件', '标记副本')).toBe('原文件不是 .xlsx 格式，标记副本另存为 .xlsx（只保留单元格的值和合并区域）');
});
