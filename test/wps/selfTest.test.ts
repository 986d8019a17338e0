// 自检 on the WPS double: every assumed behaviour passes where the double follows the documents, a
// missing one is reported (not thrown), and the scratch sheet is gone afterwards.
import { setUpWps } from './helpers';

test('自检 passes every check on the double and removes its scratch sheet', async () => {
  const { et, host } = setUpWps();
  const report = await host.selfTest();
  expect(report.checks.filter((c) => !c.passed)).toEqual([]);
  expect(report.checks.map((c) => c.name)).toEqual([
    'worksheetsAdd',
    'value2Block',
    'value2Scalar',
    'propertyShape',
    'formatConditionFormula',
    'formatConditionBorders',
    'commentTag',
    'rowInsertMoves',
    'validationList',
    'customProperty',
    'apiEvent',
  ]);
  expect(et.sheetNames()).toEqual(['Sheet1']);
  expect(et.properties().size).toBe(0);
  const lines = report.text.split('\n');
  expect(lines[0]).toBe('绩效目标表助手 WPS 自检报告');
  expect(lines[2]).toBe('结果：11 项通过，0 项未通过');
  expect(report.checks.find((c) => c.name === 'propertyShape')?.detail).toBe('Value2 为属性，Name 为属性');
  expect(lines.slice(3).every((line) => /^\[通过\] \w+ .+：.+$/.test(line))).toBe(true);
});

test('自检 reports what this WPS lacks instead of failing', async () => {
  const { et, host } = setUpWps({ noApiEvent: true, formatBorderIndices: 'edges' });
  const report = await host.selfTest();
  const failed = report.checks.filter((c) => !c.passed);
  expect(failed.map((c) => c.name)).toEqual(['apiEvent']);
  expect(report.checks.find((c) => c.name === 'formatConditionBorders')?.detail).toBe('xlLeft 不可用，xlEdgeLeft 可用');
  expect(report.text).toContain('[未通过] apiEvent');
  expect(et.sheetNames()).toEqual(['Sheet1']);
});

test('自检 passes on a build exposing properties as methods (Value2(), Name(), Formula1())', async () => {
  const { et, host } = setUpWps({ propertiesAsMethods: true });
  const report = await host.selfTest();
  expect(report.checks.filter((c) => !c.passed)).toEqual([]);
  expect(report.checks.find((c) => c.name === 'value2Block')?.detail).toBe('读回 [["甲",1],["乙",2]]');
  expect(report.checks.find((c) => c.name === 'propertyShape')?.detail).toBe('Value2 为方法，Name 为方法');
  expect(et.sheetNames()).toEqual(['Sheet1']);
});
