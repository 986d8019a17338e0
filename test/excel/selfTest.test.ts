// 自检 in the double: it runs under each tier and switch, leaves the workbook as it was (the scratch
// sheet removed), and its checks name the double's switches and report what they found.
import type { RealExcelBehaviours } from '../support/excelDouble';
import { setUp } from './helpers';

const CASES: [string, RealExcelBehaviours][] = [
  ['1.8', {}],
  ['1.18', { normalisesText: true, eventsForOwnWrites: true }],
  ['1.20', { insertTakesRowAbove: true }],
];

test.each(CASES)('ExcelApi %s, switches %j: a report naming each check, the workbook left as it was', async (tier, real) => {
  const { excel, host } = setUp({ maxExcelApi: tier, real });
  const before = excel.sheetNames();
  const report = await host.selfTest!();
  expect(excel.sheetNames()).toEqual(before);
  expect(report.checks.map((c) => c.name)).toEqual(['normalisesText', 'notes', 'insertTakesRowAbove', 'eventsForOwnWrites', 'pickRaisesNoEvent', 'undoTier']);
  expect(report.requirementSets).toContain(`ExcelApi 最高 ${tier}`);
  const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
  expect(byName.normalisesText.passed).toBe(true);
  expect(byName.normalisesText.detail).toContain(real.normalisesText ? '开关 normalisesText 开' : '开关 normalisesText 关');
  expect(byName.eventsForOwnWrites.detail).toContain(real.eventsForOwnWrites ? '开关 eventsForOwnWrites 开' : '开关 eventsForOwnWrites 关');
  if (tier !== '1.8') expect(byName.insertTakesRowAbove.detail).toContain(real.insertTakesRowAbove ? 'insertTakesRowAbove 开' : 'insertTakesRowAbove 关');
  expect(byName.undoTier.detail).toContain(tier === '1.20' ? '支持' : '清空');
  expect(report.text).toContain('jixiao 自检报告');
  for (const check of report.checks) expect(report.text).toContain(check.name);
});
