// combineFixes: several fixes of one sheet as one step list (全部修正 in one batch) give the sheet that
// applying them one at a time, re-checking in between, gives.
import { applyFixToGrid, combineFixes, combineFixesDetailed } from '../../../src/core/fixes';
import type { Fix, TemplateLibrary } from '../../../src/core/model';
import type { CellGrid } from '../../../src/core/sheet/types';
import { toA1 } from '../../../src/core/sheet/address';
import { loadSeedLibrary, seedTable } from '../../support/seed';
import { gridFromTable, rowIndex, setValue } from '../../support/sheetTable';
import { issuesOf, keyOf, only } from './support';

/** Every non-blank cell by address, and the merges: two grids equal as a sheet shows them. */
function cells(grid: CellGrid): { cells: Record<string, string | number | boolean>; merges: string[] } {
  const out: Record<string, string | number | boolean> = {};
  grid.values.forEach((line, r) =>
    line?.forEach((value, c) => {
      if (value !== null && value !== undefined && value !== '') out[toA1(grid.top + r, grid.left + c)] = value;
    }),
  );
  return { cells: out, merges: [...grid.merges].sort() };
}

const grid0: CellGrid = {
  sheetName: 'S',
  top: 0,
  left: 0,
  values: [['a'], ['b'], ['c'], ['d']],
  merges: ['A1:A2', 'B2:B3', 'C4:C5'],
};
const set = (cell: string, value: string): Fix => ({ description: `写 ${cell}`, steps: [{ kind: 'setCell', cell, value }], select: [cell] });
const insert = (before: number, ...values: string[]): Fix => ({
  description: `插入 ${before}`,
  steps: [{ kind: 'insertRows', before, count: values.length, formatFrom: before - 1 }, ...values.map((value, i) => ({ kind: 'setCell' as const, cell: `A${before + i}`, value }))],
  select: values.map((_, i) => `A${before + i}`),
});

describe('applyFixToGrid', () => {
  it('moves cells and merges as Excel does on an insert: below move, spanning grow, above stay', () => {
    const after = applyFixToGrid(grid0, insert(3, 'new'));
    expect(cells(after)).toEqual({ cells: { A1: 'a', A2: 'b', A3: 'new', A4: 'c', A5: 'd' }, merges: ['A1:A2', 'B2:B4', 'C5:C6'] });
    // The grid given is left as it was.
    expect(cells(grid0)).toEqual({ cells: { A1: 'a', A2: 'b', A3: 'c', A4: 'd' }, merges: ['A1:A2', 'B2:B3', 'C4:C5'] });
    // Above the grid's first row: the grid moves down whole.
    expect(cells(applyFixToGrid({ ...grid0, top: 5 }, insert(2, 'x')))).toEqual({
      cells: { A2: 'x', A7: 'a', A8: 'b', A9: 'c', A10: 'd' },
      merges: ['A1:A3', 'B3:B4', 'C5:C6'],
    });
  });
});

describe('combineFixes', () => {
  it('shifts a later fix’s cells below an earlier insert, and keeps inserts at one place in order', () => {
    const fixes = [insert(3, 'x', 'y'), set('A4', 'D'), insert(3, 'z')];
    const combined = combineFixes(fixes);
    expect(combined.steps).toEqual([
      { kind: 'insertRows', before: 3, count: 2, formatFrom: 2 },
      { kind: 'setCell', cell: 'A3', value: 'x' },
      { kind: 'setCell', cell: 'A4', value: 'y' },
      { kind: 'setCell', cell: 'A6', value: 'D' },
      { kind: 'insertRows', before: 5, count: 1, formatFrom: 2 },
      { kind: 'setCell', cell: 'A5', value: 'z' },
    ]);
    expect(combined.select).toEqual(['A3', 'A4', 'A7', 'A5']);
    expect(cells(applyFixToGrid(grid0, combined)).cells).toEqual({ A1: 'a', A2: 'b', A3: 'x', A4: 'y', A5: 'z', A6: 'c', A7: 'D' });
    expect(combined.description).toBe('插入 3；写 A4；插入 3');
  });

  it('leaves out a fix writing a cell an earlier one writes, or inserting a row an earlier one inserts', () => {
    const result = combineFixesDetailed([set('A1', 'x'), insert(2, 'n'), set('A1', 'y'), insert(4, 'n'), set('A2', 'z')]);
    expect(result.skipped).toEqual([2, 3]);
    expect(cells(applyFixToGrid(grid0, result.fix!)).cells).toEqual({ A1: 'x', A2: 'n', A3: 'z', A4: 'c', A5: 'd' });
    expect(combineFixesDetailed([]).fix).toBeNull();
  });
});

describe('全部修正 on a seed table with five kinds of defect', () => {
  let library: TemplateLibrary;
  beforeAll(() => {
    library = loadSeedLibrary();
  });

  function defective(): CellGrid {
    const table = seedTable(1);
    setValue(table, rowIndex(table, '运维费用支出'), '≥291.2万元');
    setValue(table, rowIndex(table, '软件运维系统个数'), '≥１３个');
    table.budget.fiscal = 200;
    table.indicators.splice(rowIndex(table, '租赁网络数量'), 1);
    table.indicators = table.indicators.filter((row) => row.level1 !== '满意度指标');
    return gridFromTable(table);
  }

  it('one combined fix gives the sheet that one fix at a time with re-checks gives, and it checks as the complete table', () => {
    const grid = defective();
    const before = issuesOf(grid, { library });
    // funds-mismatch has two ways out (issue #22): it is never in 全部修正; the clerk's pick is applied first.
    const funds = only(before, 'funds-mismatch');
    expect(funds.fix).toBeUndefined();
    const picked = funds.choices!.find((choice) => choice.choice === '其他资金')!;
    const fixable = before.filter((i) => i.fix);
    expect([...new Set(fixable.map((i) => i.code))].sort()).toEqual(['bad-value', 'cost-lower-bound', 'missing-dimension', 'template-missing-indicator']);
    const combined = applyFixToGrid(grid, combineFixes([picked, ...fixable.map((i) => i.fix!)]));

    // One at a time: re-check, apply the next fix still offered for an issue that was fixable at the start.
    let current = applyFixToGrid(grid, picked);
    const wanted = new Set(fixable.map(keyOf));
    for (let step = 0; step < fixable.length; step++) {
      const next = issuesOf(current, { library }).find((i) => i.fix && wanted.has(keyOf(i)));
      if (!next) break;
      current = applyFixToGrid(current, next.fix!);
    }
    expect(cells(combined)).toEqual(cells(current));
    const complete = issuesOf(gridFromTable(seedTable(1)), { library });
    expect(issuesOf(combined, { library }).map((i) => `${i.code} ${i.message}`)).toEqual(complete.map((i) => `${i.code} ${i.message}`));
  });
});

describe('two rewrites of one cell are one edit (issue 24)', () => {
  it('≥0.8万 on a cost: the operator fix and the unit fix merge into ≤0.8万元, nothing left for a second round', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, '运维费用支出'), '≥0.8万');
    const grid = gridFromTable(table);
    const issues = issuesOf(grid, { library: loadSeedLibrary() });
    const onCell = issues.filter((issue) => issue.fix && issue.fix.steps.some((step) => step.kind === 'setCell' && step.from === '≥0.8万'));
    // Two rules each offer half of the change, both computed on the same text.
    expect(onCell.map((issue) => issue.code).sort()).toEqual(['bad-value', 'cost-lower-bound']);
    const cell = onCell[0].cells[0];
    const result = combineFixesDetailed(onCell.map((issue) => issue.fix!));
    expect(result.skipped).toEqual([]);
    expect(result.fix!.steps).toHaveLength(1);
    const fixed = applyFixToGrid(grid, result.fix!);
    expect(cells(fixed).cells[cell]).toBe('≤0.8万元');
    expect(issuesOf(fixed, { library: loadSeedLibrary() }).filter((issue) => issue.cells.includes(cell) && issue.fix)).toEqual([]);
  });

  it('rewrites that change the same characters, or start from different texts, still wait for a re-check', () => {
    const rewrite = (from: string, to: string): Fix => ({ description: `${from}→${to}`, steps: [{ kind: 'setCell', cell: 'A1', value: to, from }], select: ['A1'] });
    expect(combineFixesDetailed([rewrite('≥5万', '≤5万'), rewrite('≥5万', '=5万')]).skipped).toEqual([1]);
    expect(combineFixesDetailed([rewrite('≥5万', '≤5万'), rewrite('≥6万', '≥6万元')]).skipped).toEqual([1]);
    expect(combineFixesDetailed([rewrite('≥5万', '≤5万'), set('A1', '≥5万元')]).skipped).toEqual([1]);
    // The same rewrite offered twice is applied once.
    const twice = combineFixesDetailed([rewrite('≥5万', '≤5万'), rewrite('≥5万', '≤5万')]);
    expect([twice.skipped, twice.fix!.steps]).toEqual([[], [{ kind: 'setCell', cell: 'A1', value: '≤5万', from: '≥5万' }]]);
  });
});
