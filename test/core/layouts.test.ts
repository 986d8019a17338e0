import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGridTables } from '../../src/core/check';
import { applyLayout, layoutProfileText, matchLayout, parseLayoutProfile, parseLayoutProfileText, teachLayout, LayoutProfileError } from '../../src/core/layouts';
import type { LayoutPointing, LayoutProfile } from '../../src/core/layouts';
import { readSheetTables } from '../../src/core/sheet';
import { seedTable } from '../support/seed';
import { gridFromTable } from '../support/sheetTable';
import { DISABLED_SUBSIDY, DISABLED_SUBSIDY_WORDED, FIRST_DATA_ROW, formGrid, RELIEF, RELIEF_WORDED } from '../support/taughtForm';

/** What a person points at on the 困难群众救助 file: value cells, the first indicator row, four columns. */
const POINTING: LayoutPointing = {
  fields: { projectName: { row: 2, col: 1 }, budgetTotal: { row: 6, col: 1 }, budgetFiscal: { row: 6, col: 2 }, budgetOther: { row: 6, col: 3 }, goals: { row: 7, col: 1 } },
  firstDataRow: FIRST_DATA_ROW - 1,
  columns: { level1: 1, level2: 2, level3: 3, value: 4 },
};

function taught(): LayoutProfile {
  const { profile, problem } = teachLayout(formGrid(RELIEF), '参考模板 绩效目标申报表', POINTING);
  expect(problem).toBeNull();
  if (!profile) throw new Error('未生成布局');
  return profile;
}

describe('taught layouts on a form the reader cannot read', () => {
  // Issue #19 §1 (reading by content, merged beside the taught layouts of §4): a grid under a 绩效指标 row with
  // no 一级/二级 heads is now read from its dimension names. It used to be unreadable-layout; read by content,
  // it must say exactly what the taught layout says, at the same cells.
  it('the form alone is read by content, as the taught layout reads it', () => {
    const reports = checkGridTables(formGrid(RELIEF));
    expect(reports).toHaveLength(1);
    const taughtReport = checkGridTables(formGrid(RELIEF), { layouts: [taught()] })[0];
    expect(reports[0].issues.map((i) => [i.code, i.cells])).toEqual(taughtReport.issues.map((i) => [i.code, i.cells]));
  });

  it('teaching keeps the form’s own labels beside the pointed cells as its signature', () => {
    const profile = taught();
    expect(profile.signature).toEqual([
      { cell: 'A3', text: '项目名称' },
      { cell: 'B6', text: '年度资金总额' },
      { cell: 'C6', text: '其中：财政拨款' },
      { cell: 'D6', text: '其他资金' },
      { cell: 'A8', text: '年度目标' },
    ]);
    expect(profile.grid).toEqual({ firstDataRow: 10, columns: { level1: 'B', level2: 'C', level3: 'D', value: 'E' } });
    // The file a 财政局 hands out parses back to the same profile; the CLI test and docs use this very file.
    expect(parseLayoutProfileText(layoutProfileText(profile))).toEqual(profile);
    expect(layoutProfileText(profile)).toBe(readFileSync(join(__dirname, '..', 'fixtures', 'layouts', 'cankao-2021.json'), 'utf8'));
  });

  it('reads the taught form at the user’s own addresses and reports its real defect', () => {
    const reports = checkGridTables(formGrid(RELIEF), { layouts: [taught()] });
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report.projectName).toBe('困难群众救助项目');
    // The funds do not add up; the template's 成本指标 is a 标准 per person (≤460元/人·月, a unit cost a reviewer can
    // verify, no longer called unverifiable), not an amount to check.
    expect(report.issues.map((i) => [i.code, i.cells])).toEqual([
      ['funds-mismatch', ['B7', 'C7', 'D7']],
      // 「有所提升」 promises without a measure: a warning of issue #23.
      ['vague-target', ['E15']],
    ]);
    const read = readSheetTables(applyLayout(formGrid(RELIEF), taught()).grid).tables[0];
    expect(read.table.budget).toEqual({ total: 1200, fiscal: 1000, other: 100 });
    expect(read.table.goals).toBe(RELIEF.goals);
    expect(read.table.indicators).toHaveLength(RELIEF.rows.length);
    expect(read.rowRefs[0]).toMatchObject({ level1: 'B10', level2: 'C10', level3: 'D10', value: 'E10' });
  });

  it('never changes the grid it was given', () => {
    const grid = formGrid(RELIEF);
    const before = structuredClone(grid);
    applyLayout(grid, taught());
    expect(grid).toEqual(before);
  });

  it('reads a second file of the same form, one line lower, with no teaching', () => {
    const grid = formGrid(DISABLED_SUBSIDY);
    expect(matchLayout(grid, [taught()])?.shift).toBe(1);
    const [report] = checkGridTables(grid, { layouts: [taught()] });
    // Read by content too (issue #19 §1), with the same findings as the taught layout.
    expect(checkGridTables(grid)[0].issues.map((i) => [i.code, i.cells])).toEqual(report.issues.map((i) => [i.code, i.cells]));
    expect(report.projectName).toBe(DISABLED_SUBSIDY.name);
    const missing = report.issues.filter((i) => i.code === 'missing-value');
    expect(missing.map((i) => i.cells[0])).toEqual([`E${FIRST_DATA_ROW + 1 + 5}`]);
    expect(report.issues.some((i) => i.code === 'funds-mismatch' || i.code === 'unreadable-layout')).toBe(false);
  });

  // Issue #19: a form the content reader cannot read with confidence (bare-number and worded targets, prose
  // beside them) is reported as unreadable; taught on it, the layout reads it and a second file of the form.
  it('a form unreadable by content is reported as such; the layout taught on it reads it and a second file', () => {
    const { profile } = teachLayout(formGrid(RELIEF_WORDED), '参考模板 绩效目标申报表', POINTING);
    if (!profile) throw new Error('未生成布局');
    expect(profile).toEqual(taught());
    expect(checkGridTables(formGrid(RELIEF_WORDED)).map((r) => r.issues.map((i) => [i.code, i.cells]))).toEqual([[['unreadable-layout', [`B${FIRST_DATA_ROW}`]]]]);
    const [report] = checkGridTables(formGrid(RELIEF_WORDED), { layouts: [profile] });
    expect(report.projectName).toBe(RELIEF_WORDED.name);
    // The funds do not add up, and this form has no 成本指标 row at all.
    expect(report.issues.map((i) => [i.code, i.cells])).toEqual([
      ['funds-mismatch', ['B7', 'C7', 'D7']],
      ['missing-dimension', [`B${FIRST_DATA_ROW}`]],
    ]);
    const second = formGrid(DISABLED_SUBSIDY_WORDED);
    expect(checkGridTables(second)[0].issues.map((i) => i.code)).toEqual(['unreadable-layout']);
    expect(checkGridTables(second, { layouts: [profile] })[0].issues.map((i) => [i.code, i.cells])).toEqual([
      ['missing-dimension', [`B${FIRST_DATA_ROW + 1}`]],
      ['missing-value', [`E${FIRST_DATA_ROW + 1 + 4}`]],
    ]);
  });

  it('does not touch an unrelated form', () => {
    const seed = gridFromTable(seedTable(1));
    expect(matchLayout(seed, [taught()])).toBeNull();
    expect(checkGridTables(seed, { layouts: [taught()] })).toEqual(checkGridTables(seed));
  });

  it('says what is still to point at', () => {
    const { profile, problem } = teachLayout(formGrid(RELIEF), 'x', { ...POINTING, columns: { level1: 1, level2: 2 } });
    expect(profile).toBeNull();
    expect(problem).toBe('还需指定：指标值列');
  });
});

describe('layout profile files', () => {
  it('names the field that is wrong, in Chinese', () => {
    const profile = taught();
    const bad = { ...profile, grid: { ...profile.grid, columns: { level1: 'B', level2: 'C' } } };
    expect(() => parseLayoutProfile(bad)).toThrow(new LayoutProfileError('指标表 grid › columns › value（指标值列）：缺少此项'));
    expect(() => parseLayoutProfile({ ...profile, fields: { budgetTotal: 'B' } })).toThrow('字段 fields › budgetTotal（预算数（年度资金总额））：应为单元格地址，如 B3');
    expect(() => parseLayoutProfile({ ...profile, format: 'other' })).toThrow('格式标记 format：应为 "jixiao.layout"');
    expect(() => parseLayoutProfileText('{')).toThrow('不是有效的 JSON 文件');
  });
});
