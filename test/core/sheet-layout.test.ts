import { FRAMEWORKS } from '../../src/core/frameworks';
import type { FrameworkName, PerformanceTable } from '../../src/core/model';
import { parseRange, toA1 } from '../../src/core/sheet/address';
import { LABELS, unitLabel } from '../../src/core/sheet/labels';
import { blankTable, LAYOUT_ROWS, planBlankSheet, planTableSheet, SPARE_ROWS, uniqueSheetName } from '../../src/core/sheet/layout';
import { readSheet } from '../../src/core/sheet/reader';
import type { SheetPlan } from '../../src/core/sheet/types';
import { loadSeedLibrary, seedTable } from '../support/seed';
import { gridFromPlan } from '../support/sheetTable';

function cellAt(plan: SheetPlan, address: string) {
  return plan.cells.find((cell) => cell.address === address);
}

function tableOf(number: number): PerformanceTable {
  const { number: _n, source: _s, line: _l, notes: _notes, ...table } = seedTable(number);
  return table;
}

describe('planTableSheet on the seed tables', () => {
  const table = tableOf(1);
  const plan = planTableSheet(table, { sheetName: '数字化运维项目', framework: 'seed' });

  test('title, 单位 line and labels sit where the reader looks for them', () => {
    expect(plan.name).toBe('数字化运维项目');
    expect(cellAt(plan, 'A1')?.value).toBe(table.title);
    expect(plan.styles[cellAt(plan, 'A1')!.style]).toMatchObject({ bold: true });
    expect(plan.styles[cellAt(plan, 'A1')!.style].fontSize).toBeGreaterThan(11);
    expect(plan.merges).toContain('A1:E1');
    expect(cellAt(plan, 'A2')?.value).toBe(`${table.department.code}${table.department.name}`);
    expect(cellAt(plan, 'D2')?.value).toBe(unitLabel(table.unit));
    expect(cellAt(plan, 'A3')?.value).toBe(LABELS.projectName);
    expect(cellAt(plan, 'B3')?.value).toBe(table.projectName);
  });

  test('amounts are numbers formatted 0.00, blank amounts stay blank', () => {
    const total = cellAt(plan, toA1(LAYOUT_ROWS.budgetTotal, 2))!;
    expect(total.value).toBe(table.budget.total);
    expect(typeof total.value).toBe('number');
    expect(plan.styles[total.style].numberFormat).toBe('0.00');
    expect(cellAt(plan, toA1(LAYOUT_ROWS.budgetOther, 2))?.value).toBeNull();
  });

  test('each 一级 is one merged cell over its group, named only in the top cell', () => {
    const first = LAYOUT_ROWS.firstIndicator;
    const groups: { name: string; start: number; end: number }[] = [];
    table.indicators.forEach((row, i) => {
      const last = groups[groups.length - 1];
      if (last && last.name === row.level1) last.end = i;
      else groups.push({ name: row.level1, start: i, end: i });
    });
    expect(groups.length).toBeGreaterThanOrEqual(3);
    for (const group of groups) {
      expect(cellAt(plan, toA1(first + group.start, 0))?.value).toBe(group.name);
      if (group.end > group.start) expect(plan.merges).toContain(`${toA1(first + group.start, 0)}:${toA1(first + group.end, 0)}`);
      for (let i = group.start + 1; i <= group.end; i++) expect(cellAt(plan, toA1(first + i, 0))).toBeUndefined();
    }
  });

  test('validations: 一级/二级 lists from the framework, amounts ≥ 0, prompts on every grid column', () => {
    const framework = FRAMEWORKS.seed;
    const lastRow = LAYOUT_ROWS.firstIndicator + table.indicators.length - 1 + SPARE_ROWS;
    const level1 = plan.validations.find((v) => v.range === `A${LAYOUT_ROWS.firstIndicator + 1}:A${lastRow + 1}`);
    expect(level1).toMatchObject({ kind: 'list', values: framework.level1.map((d) => d.name) });
    const level2 = plan.validations.find((v) => v.range.startsWith('B') && v.kind === 'list');
    expect(level2).toMatchObject({ values: framework.level1.flatMap((d) => d.level2.map((l2) => l2.name)) });
    const amounts = plan.validations.find((v) => v.kind === 'decimal');
    expect(amounts).toMatchObject({ range: 'C4:C6', min: 0 });
    const valuePrompt = plan.validations.find((v) => v.range.startsWith('E') && v.kind === 'prompt');
    expect(valuePrompt?.prompt).toContain('≥13个');
    for (const col of ['A', 'B', 'C', 'D', 'E']) expect(plan.validations.some((v) => v.range.startsWith(col) && v.prompt.length > 0)).toBe(true);
  });

  test('print setup: A4 portrait, fit to width, area covers the grid, grid header repeats', () => {
    expect(plan.print).toMatchObject({ paperSize: 'A4', orientation: 'portrait', fitToWidth: true });
    const area = parseRange(plan.print.printArea);
    expect(area.end.row).toBe(LAYOUT_ROWS.firstIndicator + table.indicators.length - 1 + SPARE_ROWS);
    expect(area.end.col).toBe(4);
    expect(plan.printTitleRows).toBe(`$${LAYOUT_ROWS.gridHeader + 1}:$${LAYOUT_ROWS.gridHeader + 1}`);
    expect(plan.columnWidths).toHaveLength(5);
    expect(plan.rowHeights[LAYOUT_ROWS.goals + 1]).toBeGreaterThanOrEqual(60);
  });

  test('longer texts get taller rows', () => {
    const long = { ...table, goals: table.goals.repeat(6) };
    const tall = planTableSheet(long, { sheetName: 'x', framework: 'seed' });
    expect(tall.rowHeights[LAYOUT_ROWS.goals + 1]).toBeGreaterThan(plan.rowHeights[LAYOUT_ROWS.goals + 1]);
  });

  test('every seed table plans and reads back through the reader unchanged', () => {
    for (const libraryTable of loadSeedLibrary().tables) {
      const { number: _n, source: _s, line: _l, notes: _notes, ...expected } = libraryTable;
      const sheet = readSheet(gridFromPlan(planTableSheet(expected, { sheetName: 's', framework: 'seed' })));
      expect(sheet?.table).toEqual(expected);
    }
  });
});

describe('blank forms', () => {
  test.each(['seed', '2021'] as FrameworkName[])('%s: every required dimension is pre-filled', (name) => {
    const framework = FRAMEWORKS[name];
    const plan = planBlankSheet(name, '空白表');
    const sheet = readSheet(gridFromPlan(plan));
    expect(sheet).not.toBeNull();
    const rows = sheet!.table.indicators;
    for (const level1 of framework.level1.filter((d) => d.required)) {
      const under = rows.filter((row) => row.level1 === level1.name);
      expect(new Set(under.map((row) => row.level2)).size).toBeGreaterThanOrEqual(Math.max(1, level1.minLevel2));
      for (const level2 of level1.level2.filter((d) => d.required)) {
        expect(under.some((row) => row.level2 === level2.name)).toBe(true);
      }
    }
    for (const row of rows) expect([row.level3, row.description, row.value]).toEqual(['', '', '']);
    expect(sheet!.framework).toBe(name);
    // The spare rows after the pre-filled ones are empty, with the same validations.
    const lastRow = parseRange(plan.print.printArea).end.row;
    expect(lastRow).toBe(LAYOUT_ROWS.firstIndicator + rows.length - 1 + SPARE_ROWS);
    expect(plan.validations.find((v) => v.kind === 'list')?.range).toBe(`A${LAYOUT_ROWS.firstIndicator + 1}:A${lastRow + 1}`);
  });

  test('the blank table has no project data', () => {
    const table = blankTable('seed');
    expect(table.projectName).toBe('');
    expect(table.budget).toEqual({ total: null, fiscal: null, other: null });
  });
});

describe('uniqueSheetName', () => {
  test('keeps a plain name', () => {
    expect(uniqueSheetName('数字化运维项目', [])).toBe('数字化运维项目');
  });
  test('replaces the characters Excel forbids', () => {
    expect(uniqueSheetName('a:b\\c/d?e*f[g]h', [])).toBe('a_b_c_d_e_f_g_h');
  });
  test('cuts to 31 characters', () => {
    const long = '深入推进公共法律服务便民化及其支持经费绩效目标表再加一些字符凑够长度';
    const name = uniqueSheetName(long, []);
    expect([...name]).toHaveLength(31);
    expect(long.startsWith(name)).toBe(true);
  });
  test('adds (2), (3) when taken, case-insensitively, trimming to fit', () => {
    expect(uniqueSheetName('法治建设', ['法治建设'])).toBe('法治建设 (2)');
    expect(uniqueSheetName('法治建设', ['法治建设', '法治建设 (2)'])).toBe('法治建设 (3)');
    expect(uniqueSheetName('Sheet', ['SHEET'])).toBe('Sheet (2)');
    const long = 'x'.repeat(40);
    const second = uniqueSheetName(long, [uniqueSheetName(long, [])]);
    expect(second).toBe(`${'x'.repeat(27)} (2)`);
    expect(second.length).toBe(31);
  });
  test('never blank, never History, no edge apostrophes', () => {
    expect(uniqueSheetName('   ', [])).toBe('绩效目标表');
    expect(uniqueSheetName('History', [])).toBe('History (2)');
    expect(uniqueSheetName('history', [])).toBe('history (2)');
    expect(uniqueSheetName("'项目'", [])).toBe('项目');
  });
});
