// Issue #22: the dimension fixes used to insert rows named after their 二级 (`产出指标 | 成本指标 | 成本`), which
// passed every check once any value was typed — even `成本 | 100%`. The standard row now leaves its 三级 empty,
// and generic-indicator flags such a name wherever a clerk (or an old fix) left one.
import { FRAMEWORK_LIST, formLevel2 } from '../../../src/core/frameworks';
import { standardRow } from '../../../src/core/fixes/dimensionRows';
import { genericName } from '../../../src/core/rules/generic-indicator';
import { gridFromTable, rowIndex } from '../../support/sheetTable';
import { seedTable } from '../../support/seed';
import { issuesOf } from './support';

const oldScaffolding = FRAMEWORK_LIST.flatMap((framework) =>
  framework.level1.flatMap((level1) => formLevel2(level1).map((level2) => ({ level1: level1.name, level2: level2.name, level3: level2.name.replace(/指标$/, '') }))),
);

test('every 三级 name the old standard rows inserted is flagged as generic, in every framework, bar 服务对象满意度', () => {
  expect(oldScaffolding.length).toBeGreaterThan(15);
  // 服务对象满意度 is the frameworks' own wording for whose satisfaction is asked, and what the seed and most
  // published tables write: a reviewer accepts it (bare 满意度, or the 二级 repeated with its 指标, is flagged).
  const accepted = /^(?:社会公众或服务对象|服务对象|社会公众)满意度$/;
  for (const row of oldScaffolding) expect({ ...row, generic: genericName(row) }).toEqual({ ...row, generic: !accepted.test(row.level3) });
  expect(genericName({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '满意度' })).toBe(true);
  expect(genericName({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意度指标' })).toBe(true);
});

test('the standard row of every 二级 names no 三级 now', () => {
  for (const framework of FRAMEWORK_LIST) {
    for (const level1 of framework.level1) for (const level2 of formLevel2(level1)) expect(standardRow(level1, level2).level3).toBe('');
  }
});

test('real names are not generic: the seed library’s 三级 names pass', () => {
  const names = [1, 2, 3, 4, 5, 6].flatMap((n) => seedTable(n).indicators);
  expect(names.filter((row) => genericName(row)).map((row) => row.level3)).toEqual([]);
});

test('scaffolding typed into (`成本 | 100%`) no longer passes: both the name and the value are flagged', () => {
  const table = seedTable(1);
  const i = rowIndex(table, '项目评审费用支出');
  table.indicators[i] = { ...table.indicators[i], level3: '成本', value: '100%' };
  const found = issuesOf(gridFromTable(table)).filter((issue) => issue.code === 'generic-indicator');
  expect(found.map((issue) => issue.message)).toEqual([
    expect.stringContaining('三级指标「成本」只是维度名称'),
    expect.stringContaining('百分比「100%」说不出花多少钱'),
  ]);
});
