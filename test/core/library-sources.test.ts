// The unit's own libraries: built from real workbooks (the 16 tables written by our generator and by
// LibreOffice, a published table saved by LibreOffice) and from a seed-style text, merged after the
// bundled seed; the template rules then compare against the unit's table and say where it came from.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrids } from '../../src/core/check';
import { findTemplate, libraryFromGrids, libraryFromText, mergeLibraries, SeedFormatError } from '../../src/core/library';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import type { Issue, TemplateLibrary } from '../../src/core/model';
import { workbookToBuffer } from '../../src/xlsx';
import { readLibraryFile } from '../../src/xlsx/library';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { loadSeedLibrary, readSeedText, SEED_PATH } from '../support/seed';
import { gridFromTable, rowIndex, setValue } from '../support/sheetTable';
import { seedTables, seedWorkbook } from '../xlsx/support';

const FIXTURES = join(__dirname, '..', 'fixtures');
const REAL_TABLE = 'nanyue-2018-fupin.xlsx'; // S13, saved by LibreOffice (docProps/app.xml)

const weakened = (issues: Issue[]) => issues.filter((i) => i.code === 'template-weakened-target');
const issuesOf = (grids: CellGrid[], library: TemplateLibrary) => checkGrids(grids, { library }).flatMap((r) => r.issues);

/** A copy of the grid with every cell holding `from` set to `to` (a user's edit). */
function edited(grid: CellGrid, from: CellValue, to: CellValue): CellGrid {
  let count = 0;
  const values = grid.values.map((row) =>
    row ? row.map((cell) => (cell === from ? (count++, to) : cell)) : row,
  );
  if (count === 0) throw new Error(`表中没有「${String(from)}」`);
  return { ...grid, values };
}

/** Table 1 (数字化运维项目) drawn on a sheet, as a clerk's new year's sheet. */
function tableOneGrid(): CellGrid {
  return gridFromTable(seedTables()[0], 'seed', '数字化运维项目');
}

describe('a library from a workbook', () => {
  test('the 16-table workbook our generator writes: every table, in sheet order, named by file and sheet', async () => {
    const { workbook, names } = seedWorkbook();
    const bytes = new Uint8Array(await workbookToBuffer(workbook));
    const library = libraryFromGrids(readWorkbookGrids(bytes), '2024年申报.xlsx');
    const seed = loadSeedLibrary();
    expect(library.tables.map((t) => t.projectName)).toEqual(seed.tables.map((t) => t.projectName));
    expect(library.tables.map((t) => t.sheet)).toEqual(names);
    expect(library.tables.map((t) => t.number)).toEqual(seed.tables.map((_, i) => i + 1));
    for (const [i, table] of library.tables.entries()) {
      expect(table.library).toBe('2024年申报.xlsx');
      expect(table.source).toBe('2024年申报.xlsx');
      expect(table.indicators.map((r) => [r.level2, r.level3, r.value])).toEqual(seed.tables[i].indicators.map((r) => [r.level2, r.level3, r.value]));
      expect(table.budget).toEqual(seed.tables[i].budget);
    }
    expect(library.notes).toEqual([]);
  });

  test.each(['seed16-libreoffice.xlsx', 'seed16-libreoffice.ods', 'seed16-libreoffice.xls'])('the same 16 tables saved by LibreOffice (%s)', (file) => {
    const library = readLibraryFile(readFileSync(join(FIXTURES, 'writers', file)), file);
    expect(library.tables.map((t) => t.projectName)).toEqual(loadSeedLibrary().tables.map((t) => t.projectName));
    expect(library.tables.reduce((n, t) => n + t.indicators.length, 0)).toBe(loadSeedLibrary().tables.reduce((n, t) => n + t.indicators.length, 0));
  });

  test('a workbook with a stricter target than the seed: the unit\'s value is what template-weakened-target compares against', async () => {
    // Last year the unit promised ≥15 systems (the seed says ≥13): this year's ≥13 is weaker than its own.
    const tables = seedTables();
    setValue(tables[0], rowIndex(tables[0], '软件运维系统个数'), '≥15个');
    const { writeTablesWorkbook } = await import('../../src/xlsx');
    const bytes = new Uint8Array(await workbookToBuffer(writeTablesWorkbook(tables, { framework: 'seed' })));
    const unit = readLibraryFile(bytes, '2024年申报.xlsx');
    const seed = loadSeedLibrary();
    const sheet = tableOneGrid();

    expect(weakened(issuesOf([sheet], seed))).toEqual([]);
    const found = weakened(issuesOf([sheet], mergeLibraries([seed, unit])));
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('「≥13个」比模板「2024年申报.xlsx › 数字化运维项目」的「≥15个」宽松（下限更低）');
    // The unit's library before the seed: the seed, added later, wins again.
    expect(weakened(issuesOf([sheet], mergeLibraries([unit, seed])))).toEqual([]);
  });

  test('a published table saved by LibreOffice: a lowered target is measured against it, named by file, sheet and project', () => {
    const bytes = readFileSync(join(FIXTURES, 'real', REAL_TABLE));
    const unit = readLibraryFile(bytes, REAL_TABLE);
    expect(unit.tables).toHaveLength(1);
    const [table] = unit.tables;
    expect(table.projectName).toBe('2018年市级专项扶贫资金基础设施(人大代表扶贫基地)');
    expect(table.indicators.length).toBeGreaterThanOrEqual(16);

    // This year's sheet is last year's with two targets lowered: 4 → 3 景点, 60 → 50 亩.
    const [grid] = readWorkbookGrids(bytes);
    const thisYear = edited(edited(grid, '>=4个', '>=3个'), '>=60亩', '>=50亩');
    const library = mergeLibraries([loadSeedLibrary(), unit]);
    expect(weakened(issuesOf([grid], library))).toEqual([]);
    const found = weakened(issuesOf([thisYear], library));
    expect(found.map((i) => i.message)).toEqual([
      expect.stringContaining(`「>=3个」比模板「${REAL_TABLE} › Sheet1 › 2018年市级专项扶贫资金基础设施(人大代表扶贫基地)」的「>=4个」宽松（下限更低）`),
      expect.stringContaining('「>=50亩」比模板'),
    ]);
    // Without the unit's library there is no template for this project at all.
    expect(weakened(issuesOf([thisYear], loadSeedLibrary()))).toEqual([]);
  });

  test('a removed indicator is named with the library it is missing from', () => {
    const bytes = readFileSync(join(FIXTURES, 'real', REAL_TABLE));
    const [grid] = readWorkbookGrids(bytes);
    const withoutRow = edited(grid, '流转土地', null);
    const missing = issuesOf([withoutRow], mergeLibraries([loadSeedLibrary(), readLibraryFile(bytes, REAL_TABLE)])).filter((i) => i.code === 'template-missing-indicator');
    expect(missing.map((i) => i.message)).toEqual([expect.stringMatching(new RegExp(`^模板「${REAL_TABLE} › Sheet1 › .*」有数量指标「流转土地」（指标值 >=60亩），本表没有$`))]);
  });

  test('sheets that are not 绩效目标表 are skipped; a workbook with none is refused with the reason', () => {
    const other: CellGrid = { sheetName: '说明', top: 0, left: 0, values: [['本工作簿为 2024 年申报材料']], merges: [] };
    const library = libraryFromGrids([other, tableOneGrid()], '申报.xlsx');
    expect(library.tables.map((t) => t.projectName)).toEqual(['数字化运维项目']);
    expect(() => libraryFromGrids([other], '说明.xlsx')).toThrow(SeedFormatError);
    expect(() => libraryFromGrids([other], '说明.xlsx')).toThrow('说明.xlsx：不能用作模板库：1 张工作表中没有绩效目标表');
  });

  test('a blank form (no 项目名称) is left out with a note, never a template for every sheet', () => {
    const blank = readFileSync(join(FIXTURES, 'real', 'jiaxian-2016-blank.xlsx'));
    expect(() => readLibraryFile(blank, 'jiaxian-2016-blank.xlsx')).toThrow(/没有填写项目名称/);
    const grids = [...readWorkbookGrids(blank), tableOneGrid()];
    const library = libraryFromGrids(grids, '混合.xlsx');
    expect(library.tables).toHaveLength(1);
    expect(library.notes.map((n) => n.message)).toEqual([expect.stringContaining('没有填写项目名称')]);
  });
});

describe('a library from a seed-style text', () => {
  test('the unit\'s text document wins over the bundled seed, and is named in the message', () => {
    const text = readSeedText().replace('≥13个', '≥15个');
    const unit = libraryFromText(text, '单位模板.txt');
    expect(unit.tables).toHaveLength(16);
    expect(unit.tables.every((t) => t.library === '单位模板.txt')).toBe(true);
    const found = weakened(issuesOf([tableOneGrid()], mergeLibraries([loadSeedLibrary(), unit])));
    expect(found.map((i) => i.message)).toEqual([expect.stringContaining('比模板「单位模板.txt › 第 1 表 数字化运维项目」的「≥15个」宽松')]);
  });

  test('read from bytes in GBK, as 记事本 saves it (made by iconv), with the encoding said', () => {
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', SEED_PATH]);
    const library = readLibraryFile(gbk, '单位模板.txt');
    expect(library.tables).toHaveLength(16);
    expect(library.notes[0].message).toBe('单位模板.txt：文件编码是 GBK（GB18030），已按此编码读取；建议另存为 UTF-8。');
    expect(() => readLibraryFile(new TextEncoder().encode('这不是绩效目标表'), '随便.txt')).toThrow(SeedFormatError);
  });
});

describe('precedence between libraries', () => {
  test('the later library wins a project even when only its year suffix matches; the seed keeps the rest', () => {
    const seed = loadSeedLibrary();
    const unit = libraryFromGrids([gridFromTable({ ...seedTables()[0], projectName: '数字化运维项目-2024一般' }, 'seed', '运维')], '2024年申报.xlsx');
    const library = mergeLibraries([seed, unit]);
    expect(findTemplate(library, '数字化运维项目')?.library).toBe('2024年申报.xlsx');
    expect(findTemplate(library, '数字化运维项目-2025一般')?.library).toBe('2024年申报.xlsx');
    // Other projects still find the seed's tables, and the seed alone behaves as before.
    expect(findTemplate(library, '法治建设')?.number).toBe(4);
    expect(findTemplate(library, '法治建设')?.library).toBeUndefined();
    expect(findTemplate(seed, '数字化运维项目')?.number).toBe(1);
  });
});
