import { rowDimensionRole, type DimensionRole } from '../frameworks';
import type { Finding, Rule } from './types';
import { gridRowLabel, namesOwnRows, sheetGrids } from './helpers';
import { grounded, SOURCES } from './sources';
import { compactText, isInputName } from '../values';

/** Outputs and effects: where money put in, or the pace of spending, is no target. 成本 is where money belongs. */
const RESULT_ROLES: ReadonlySet<DimensionRole> = new Set(['quantity', 'quality', 'timeliness', 'benefit']);

/** A money total under 数量 named as funds (投入资金 ≥100万元): the input, not what it buys. */
const FUNDS_WORDS = /资金|经费|投入|预算|拨款/;

/**
 * 投入资金, 拨付率, 预算执行率 written as 产出 or 效益: what is put in and how fast it is spent, not what the
 * money produces. Reviewers return these; provincial 填报说明 say 财力、人力和物力等投入数量不能作为绩效目标.
 */
export const inputAsOutputRule: Rule = {
  code: 'input-as-output',
  title: '把投入当作产出',
  defaultSeverity: 'warning',
  description:
    '产出或效益指标写的是投入或执行进度（投入资金≥100万元、资金拨付率、预算执行率），而不是资金带来的产品、服务或效果。绩效目标反映预算资金的预期产出和效果；投入金额属于成本指标，执行进度属于执行监控。',
  ...grounded([SOURCES.content88, '绩效目标是预期产出和效果'], [SOURCES.inputs, '投入不能作为绩效目标']),
  english: 'an input or spending pace (投入资金, 拨付率, 预算执行率, a money total under 数量) written as an output or effect',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      {
        input: [
          { dimension: '数量指标', indicator: '租赁网络数量', column: '三级指标', value: '投入资金' },
          { dimension: '数量指标', indicator: '租赁网络数量', column: '指标值', value: '≥100万元' },
        ],
        note: '投入资金是花出去的钱，不是产出。',
      },
      { input: [{ dimension: '质量指标', indicator: '运维服务验收通过率', column: '三级指标', value: '预算执行率' }], note: '预算执行率衡量花钱的进度，不是服务质量。' },
    ],
    accepted: [{ input: [{ dimension: '数量指标', indicator: '租赁网络数量', column: '指标值', value: '≥3项' }], note: '租赁网络的数量是产出。' }],
  },
  check({ sheet, framework }) {
    const findings: Finding[] = [];
    for (const grid of sheetGrids(sheet)) {
      for (const { row, refs } of grid.rows) {
        const role = rowDimensionRole(framework, row);
        if (!role || !RESULT_ROLES.has(role)) continue;
        const fundsAsCount = role === 'quantity' && row.parsed.kind === 'moneyTotal' && FUNDS_WORDS.test(compactText(row.level3));
        // A name is judged once, on the grid whose rows it names (not again on another year's column).
        if (!(namesOwnRows(grid) && isInputName(row.level3)) && !fundsAsCount) continue;
        findings.push({
          message: `${gridRowLabel(grid, row)}写的是投入或执行进度，不是产出或效果：资金金额宜写在成本指标下，这里宜写资金带来的产品、服务或效果（如完成的数量、达到的标准）`,
          cells: [refs.level3],
        });
      }
    }
    return findings;
  },
};
