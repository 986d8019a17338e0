import { rowDimensionRole } from '../frameworks';
import type { Finding, Rule } from './types';
import { gridRowLabel, sheetGrids } from './helpers';
import { grounded, SOURCES } from './sources';
import { compactText, isLowerBound } from '../values';

/** Counts of people or households: a floor of 1 promises next to nothing. */
const PEOPLE = /^(?:人次|人|户|家|名|人员)$/;

/** A completion share standing in for a count under 数量 (完成率 100%): it says nothing of how many. */
const SHARE_NAME = /完成率|完成比例|完成度|完成情况/;

/**
 * Floors set so low that any result meets them (≥0, ≥1人次), and 数量 written as a completion share
 * instead of a number. 88号's 适当性审核 asks whether targets are too low for the money.
 */
export const trivialTargetRule: Rule = {
  code: 'trivial-target',
  title: '目标过低或没有数量',
  defaultSeverity: 'info',
  description:
    '数量指标的下限低到任何结果都能达到（≥0、>0、≥1人次），或数量指标写成完成率（100%）而不写完成多少。评审会问：这笔预算在这个目标下是否过多。',
  ...grounded([SOURCES.suitable88, '既定资金规模下绩效目标是否过低'], [SOURCES.match88, '与计划期内的任务数相对应']),
  english: 'a 数量 floor any result meets (≥0, >0, ≥1人次), or a 数量 written as a completion share (完成率 100%) instead of a count',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      { input: [{ dimension: '数量指标', indicator: '硬件运维系统个数', column: '指标值', value: '≥0个' }], note: '≥0 个，什么都不做也算完成。' },
      {
        input: [
          { dimension: '数量指标', indicator: '租赁网络数量', column: '三级指标', value: '运维任务完成率' },
          { dimension: '数量指标', indicator: '租赁网络数量', column: '指标值', value: '100%' },
        ],
        note: '数量指标写成完成率，没有说完成多少。',
      },
    ],
    accepted: [{ input: [{ dimension: '数量指标', indicator: '网络安全渗透测试次数', column: '指标值', value: '≥1次' }], note: '一年一次渗透测试是实在的任务，不是过低的下限。' }],
  },
  check({ sheet, framework }) {
    const findings: Finding[] = [];
    for (const grid of sheetGrids(sheet)) {
      for (const { row, refs } of grid.rows) {
        if (rowDimensionRole(framework, row) !== 'quantity') continue;
        const { kind, number, operator, unit } = row.parsed;
        const label = gridRowLabel(grid, row);
        if ((kind === 'count' || kind === 'number') && number !== null && (operator === null || isLowerBound(operator))) {
          const floorless = number <= 0 && operator !== null;
          const onePerson = number <= 1 && operator !== null && unit !== null && PEOPLE.test(unit);
          if (floorless || onePerson) {
            findings.push({ message: `${label}的下限「${row.value}」低到任何结果都能达到；宜写成计划完成的数量`, cells: [refs.value] });
          }
        } else if (kind === 'ratio' && SHARE_NAME.test(compactText(row.level3))) {
          findings.push({ message: `${label}写成完成率「${row.value}」，没有说完成多少；数量指标宜写成计划完成的数量（如「≥13个」）`, cells: [refs.value] });
        }
      }
    }
    return findings;
  },
};
