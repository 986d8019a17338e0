// Native checks in the Excel double: written with the inserted sheet in the insert's own batch (no sync of
// their own, no write afterwards), kept by 全部检查's marking and by 清除标记.
import { detectFramework } from '../../src/core/frameworks';
import { nativeCheckOf, planTableSheet, readSheet } from '../../src/core/sheet';
import { loadSeedLibrary } from '../support/seed';
import { gridFromDouble, marksInDouble, setUp } from './helpers';

const nativeChecksOf = (formats: { range: string; formula: string | null; fill: string | null }[]) =>
  formats.filter((cf) => cf.formula !== null && nativeCheckOf(cf.formula) !== null).map((cf) => ({ range: cf.range, formula: cf.formula, fill: cf.fill }));

test.each(['1.8', '1.20'] as const)('ExcelApi %s: inserted with the sheet, untouched by checks, kept by clearMarks', async (maxExcelApi) => {
  const { excel, host } = setUp({ maxExcelApi });
  const table = loadSeedLibrary().tables[0];
  const result = await host.insertTables([table]);
  expect(result.syncs).toBeLessThanOrEqual(2);
  expect(excel.syncCount).toBe(result.syncs);
  const [name] = result.sheetNames;
  const plan = planTableSheet(table, { sheetName: name, framework: detectFramework(table.indicators.map((r) => r.level1)) });
  const inserted = nativeChecksOf(excel.snapshot(name).conditionalFormats);
  expect([...inserted].sort((a, b) => a.formula!.localeCompare(b.formula!))).toEqual(
    plan.conditionalFormats.map((cf) => ({ range: cf.range, formula: cf.formula, fill: cf.fill.toUpperCase() })).sort((a, b) => a.formula.localeCompare(b.formula)),
  );
  expect(inserted).toHaveLength(3);

  // The clerk empties a 指标值: jixiao's check marks it; the native checks are neither rewritten nor removed.
  const sheet = readSheet(gridFromDouble(excel, name))!;
  excel.userEdit(name, sheet.rowRefs[0].value, '');
  await host.checkAll();
  expect(marksInDouble(excel, name).length).toBeGreaterThan(0);
  expect(nativeChecksOf(excel.snapshot(name).conditionalFormats)).toEqual(inserted);

  await host.clearMarks();
  expect(marksInDouble(excel, name)).toHaveLength(0);
  expect(nativeChecksOf(excel.snapshot(name).conditionalFormats)).toEqual(inserted);
});
