// A template library from a workbook (last year's submission): its sheets read by the very reader that
// checks workbooks, each readable table one library table. Pure: the grids come from src/xlsx or Excel.
import type { LibraryTable, ParseNote, TemplateLibrary } from '../model';
import { fromA1 } from '../sheet/address';
import { readSheetTables } from '../sheet/reader';
import type { CellGrid, SheetTable } from '../sheet/types';
import { SeedFormatError } from './parse';

/** The 1-based sheet row of an address, or 1 where there is none. */
function rowNumber(address: string | null): number {
  if (!address) return 1;
  try {
    return fromA1(address).row + 1;
  } catch {
    return 1;
  }
}

function libraryTable(sheet: SheetTable, library: string, number: number): LibraryTable {
  const { table, refs } = sheet;
  const notes: ParseNote[] = [];
  if (sheet.unread) {
    notes.push({ line: rowNumber(sheet.unread.cell), message: `工作表「${sheet.sheetName}」有部分内容无法读取（找不到${sheet.unread.missing.join('、')}），只收入读到的指标。` });
  }
  return {
    ...table,
    title: table.title || `${table.projectName}绩效目标表`,
    number,
    source: library,
    line: rowNumber(refs.title ?? refs.projectName ?? refs.indicatorHeader),
    notes,
    library,
    sheet: sheet.sheetName,
  };
}

/**
 * Every readable 绩效目标表 of a workbook's sheets as one library named `name` (the file name the user
 * knows), tables numbered in sheet order. A table with no 项目名称 or no indicator cannot serve as a
 * template and is left out with a note; so is a sheet that looks like a 绩效目标表 but cannot be read.
 * Throws SeedFormatError when no table at all can be taken: an empty library is never stored silently.
 */
export function libraryFromGrids(grids: readonly CellGrid[], name: string): TemplateLibrary {
  const tables: LibraryTable[] = [];
  const notes: ParseNote[] = [];
  const note = (message: string) => notes.push({ line: 0, message: `${name}：${message}` });
  for (const grid of grids) {
    const read = readSheetTables(grid);
    if (read.unreadable) {
      note(`工作表「${grid.sheetName}」看起来是绩效目标表，但无法读取（找不到${read.unreadable.missing.join('、')}），未收入模板库。`);
      continue;
    }
    for (const sheet of read.tables) {
      if (sheet.table.projectName.trim() === '') {
        note(`工作表「${grid.sheetName}」的表没有填写项目名称，无法与要检查的表对应，未收入模板库。`);
      } else if (sheet.table.indicators.length === 0) {
        note(`工作表「${grid.sheetName}」的「${sheet.table.projectName}」没有指标行，未收入模板库。`);
      } else {
        tables.push(libraryTable(sheet, name, tables.length + 1));
      }
    }
  }
  if (tables.length === 0) {
    const why = notes.length > 0 ? notes.map((n) => n.message.slice(name.length + 1)).join('') : `${grids.length} 张工作表中没有绩效目标表（一级指标、二级指标、三级指标、指标值）。`;
    throw new SeedFormatError(name, 0, `不能用作模板库：${why}`);
  }
  return { tables, notes };
}
