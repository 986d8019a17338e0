import { allowsNone, rowDimensionRole, type DimensionRole } from '../frameworks';
import type { AmountUnit, IndicatorRow, Settings } from '../model';
import type { Finding, Rule } from './types';
import type { IndicatorRowRefs, SheetTable } from '../sheet/types';
import { cellsOf, formatAmount, formatNumber, gridRowLabel, sheetGrids } from './helpers';
import { compactText, isUpperBound, parseRowValue, percentMeaning, unitFromName } from '../values';
import { grounded, SOURCES } from './sources';
import { rewriteFix, sameReading, tidyValueText, valueCellText, type Tidied } from '../fixes/valueText';

/** `培训人数`, `检查次数`, `合格率`: the name says what the bare number counts. */
const UNIT_IN_NAME = /(人次|人|次|个|件|户|天|日|册|本|套|张|份|辆|条|项|场|期|台|家|所|篇|课时|小时|月|年)数$|率$|比例$|占比$/;

/** How units say a project has no such cost. */
const NO_COST = /^(?:无|没有|不适用|不涉及|不造成负面影响|无负面影响|未造成负面影响|不产生|无影响)[。.]?$/;

/** `5~8个`, `90%-95%`, `3至5天`: a range of figures with its unit, as verifiable as one figure. */
const FIGURE_RANGE = /^\d+(?:\.\d+)?[%％]?(?:[~～\-－—]|至|到)\d+(?:\.\d+)?[^\d]{0,6}$/;

function nameGivesUnit(row: IndicatorRow): boolean {
  const name = compactText(row.level3);
  return unitFromName(name) !== null || UNIT_IN_NAME.test(name);
}

function checkRow(row: IndicatorRow, label: string, role: DimensionRole | null, settings: Settings): Finding | null {
  const { parsed } = row;
  // Amounts are never negative: `≤-200万元` would pass any ceiling.
  if ((parsed.kind === 'moneyTotal' || parsed.kind === 'moneyRate') && parsed.number !== null && parsed.number < 0) {
    return { message: `${label}的指标值「${row.value}」是负数：金额不能为负`, cells: [], severity: 'error' };
  }
  if (parsed.kind === 'placeholder') {
    return { message: `${label}的指标值「${row.value}」是占位符，应填写实际目标`, cells: [], severity: 'error' };
  }
  if (parsed.kind === 'ratio' && parsed.unit === '%' && parsed.number !== null && parsed.number > settings.maxPercent) {
    // Only a share of a whole (完成率, 合格率, 覆盖率, 满意度) is bounded; growth and leverage may exceed it.
    const meaning = role === 'satisfaction' ? 'bounded' : percentMeaning(row.level3, row.description);
    const over = `${label}的指标值「${row.value}」为 ${formatNumber(parsed.number)}%，超过 ${formatNumber(settings.maxPercent)}%`;
    if (meaning === 'bounded') {
      return {
        message: `${over}，超出 ${formatNumber(parsed.number - settings.maxPercent)} 个百分点；宜改为不超过 ${formatNumber(settings.maxPercent)}% 的目标，或换用数量单位`,
        cells: [],
        severity: 'error',
      };
    }
    if (meaning === 'unknown') {
      return { message: `${over}：若是占全部的比例（完成率、合格率一类）则不能超过 ${formatNumber(settings.maxPercent)}%，请核对；增长率、倍数一类可以超过`, cells: [], severity: 'warning' };
    }
  }
  if (role === 'satisfaction' && parsed.kind === 'ratio' && parsed.unit === '%' && parsed.number !== null) {
    if (parsed.number < settings.minSatisfaction) {
      return {
        message:
          `${label}的目标「${row.value}」低于 ${formatNumber(settings.minSatisfaction)}%，差 ` +
          `${formatNumber(settings.minSatisfaction - parsed.number)} 个百分点；宜改为「≥${formatNumber(settings.minSatisfaction)}%」（满意度不低于 ${formatNumber(settings.minSatisfaction)}% 是评审实践，不是国家文件条款，可在设置中调整）`,
        cells: [],
        severity: 'warning',
      };
    }
    if (isUpperBound(parsed.operator)) {
      // ≤100% says nothing (every survey is ≤100%); the floor is what a reviewer wants — never 「≥100%」.
      const floor = parsed.number >= 100 ? settings.minSatisfaction : parsed.number;
      return {
        message: `${label}写成上限「${row.value}」：满意度目标应为下限，宜改为「≥${formatNumber(floor)}%」`,
        cells: [],
        severity: 'warning',
      };
    }
  }
  const range = parsed.kind === 'qualitative' && FIGURE_RANGE.test(compactText(row.value));
  if (role === 'satisfaction' && parsed.kind === 'qualitative' && !range) {
    return {
      message: `${label}的指标值「${row.value}」不是可测量的满意度，宜写成百分比（如 ≥${formatNumber(settings.minSatisfaction)}%）`,
      cells: [],
      severity: 'warning',
    };
  }
  if (parsed.kind === 'number' && !(row.unit && row.unit.trim()) && !nameGivesUnit(row)) {
    return {
      message: `${label}的指标值「${row.value}」没有计量单位，三级指标名称和计量单位栏也未写明；宜在数字后补上单位（如 个、次、万元）`,
      cells: [],
      severity: 'warning',
    };
  }
  // 质量/时效/效益 may legitimately be text (按照全国统一标准式样, 全年); 数量 and 成本 are counts and money.
  if ((role === 'quantity' || role === 'cost') && parsed.kind === 'qualitative' && !range) {
    const expected = role === 'cost' ? '金额（如 ≤10万元）' : '数量（如 ≥10个）';
    return {
      message: `${label}的指标值「${row.value}」不是可核验的${role === 'cost' ? '金额' : '数量'}，宜写成${expected}`,
      cells: [],
      severity: 'warning',
    };
  }
  return null;
}

interface TidyRow {
  tidied: Tidied;
  /** The row as it reads once tidied. */
  row: IndicatorRow;
  /** The value cell's text before and after. */
  from: string;
  to: string;
}

/** The row with full-width digits and operators narrowed and, under 成本, a bare 万 made 万元; null when nothing changes. */
function tidyRow(row: IndicatorRow, refs: IndicatorRowRefs, role: DimensionRole | null, tableUnit: AmountUnit): TidyRow | null {
  const own = valueCellText(row, refs);
  const tidied = tidyValueText(own, role === 'cost');
  if (!tidied) return null;
  const value = (refs.operator ? row.value.slice(0, 1) : '') + tidied.text;
  return { tidied, row: { ...row, value, parsed: parseRowValue({ ...row, value }, tableUnit) }, from: own, to: tidied.text };
}

/** A value read right but written in a form reviewers query (`≥９０％`, `≤250万` under 成本): a hint with its fix. */
function formFinding(label: string, row: IndicatorRow, tidy: TidyRow | null): Finding | null {
  if (!tidy || !sameReading(tidy.row.parsed, row.parsed)) return null;
  return { message: `${label}的指标值「${row.value}」${tidy.tidied.problems.join('，')}，宜写成「${tidy.to}」`, cells: [], severity: 'info' };
}

/** 预算数, 财政资金, 其他资金 below zero: no budget is negative, and a negative part hides a mismatch. */
function negativeBudget(sheet: SheetTable): Finding[] {
  const { budget, unit } = sheet.table;
  const { refs } = sheet;
  const parts = [
    { label: '预算数', amount: budget.total, cell: refs.budgetTotal },
    { label: '财政资金', amount: budget.fiscal, cell: refs.budgetFiscal },
    { label: '其他资金', amount: budget.other, cell: refs.budgetOther },
  ];
  return parts.flatMap(({ label, amount, cell }) =>
    amount !== null && amount < 0
      ? [{ message: `${label}为 ${formatAmount(amount, unit)}，是负数：金额不能为负`, cells: cellsOf(cell), severity: 'error' as const }]
      : [],
  );
}

/** One finding per row at most, in each grid: the most serious thing wrong with its 指标值; negative budget amounts. */
export const badValueRule: Rule = {
  code: 'bad-value',
  title: '指标值不规范',
  defaultSeverity: 'warning',
  description: '指标值不可测量：占位符（*、XX）、超过 100% 的占比类比率（完成率、合格率、覆盖率、满意度；增长率、倍数类不受限，含义不明的提示核对）、没有单位的数字、数量/成本/满意度指标下的文字描述（101号的社会/生态环境成本可用文字作答）、低于阈值的满意度（评审实践）；另提示含全角数字或符号、成本金额只写「万」的指标值（可一键改为半角、「万元」）。',
  ...grounded([SOURCES.refine88, '指标应细化、量化、可衡量'], [SOURCES.practice, '满意度通常≥90%，阈值为设置']),
  english: 'a negative 预算数, 财政资金, 其他资金 or money 指标值 (`≤-200万元`), placeholders (`*`, `XX`), a share (完成率, 合格率, 覆盖率, 满意度) above 100% (growth rates and ratios are free; unclear names get a warning), a number with no unit anywhere, text under 数量/成本/满意度, 满意度 below 90%; as hints with a quick fix, full-width digits or operators (`≥１３个`) and a 成本 amount written with a bare 万 (`≤250万`)',
  settings: ['severities', 'disabledRules', 'maxPercent', 'minSatisfaction'],
  examples: {
    flagged: [
      { input: [{ dimension: '数量指标', indicator: '软件运维系统个数', column: '指标值', value: 'XX' }], note: '“XX”是占位符，不是目标值。' },
      { input: [{ dimension: '质量指标', indicator: '运维服务验收通过率', column: '指标值', value: '≥105%' }], note: '比率超过 100%（上限由设置决定）。' },
      { input: [{ dimension: '服务对象满意度指标', indicator: '使用人员满意度', column: '指标值', value: '≥85%' }], note: '满意度目标低于 90%（下限由设置决定）。' },
      { input: [{ dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤291.2万' }], note: '成本金额只写了“万”：提示写成“万元”，可一键修正。' },
      { input: [{ dimension: '数量指标', indicator: '软件运维系统个数', column: '指标值', value: '≥１３个' }], note: '全角数字：提示改为半角“≥13个”，可一键修正。' },
    ],
    accepted: [
      { input: [{ dimension: '数量指标', indicator: '软件运维系统个数', column: '指标值', value: '≥13个' }], note: '有运算符、数字和单位，可以核验。' },
      { input: [{ dimension: '服务对象满意度指标', indicator: '使用人员满意度', column: '指标值', value: '≥95%' }], note: '满意度不低于 90%。' },
      {
        input: [
          { dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '三级指标', value: '增收增长率' },
          { dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '指标值', value: '≥120%' },
        ],
        note: '增长率可以超过 100%，不是占比。',
      },
    ],
  },
  check({ sheet, settings, framework }) {
    const findings: Finding[] = negativeBudget(sheet);
    for (const grid of sheetGrids(sheet)) {
      for (const { row, refs } of grid.rows) {
        // 无 / 不造成负面影响 under 社会成本 or 生态环境成本 says the project has no such cost; under 101号 those
        // costs are answered in words (对社会无负面影响), so any text there is an answer, not a missing amount.
        if (allowsNone(framework, row) && (NO_COST.test(compactText(row.value)) || row.parsed.kind === 'qualitative')) continue;
        const label = gridRowLabel(grid, row);
        const role = rowDimensionRole(framework, row);
        const tidy = tidyRow(row, refs, role, sheet.table.unit);
        const finding = checkRow(row, label, role, settings);
        // The tidied value is offered for a finding only when it clears the row (`≤5万` under 成本 → `≤5万元`).
        const clears = tidy !== null && checkRow(tidy.row, label, role, settings) === null;
        const found = finding ?? formFinding(label, row, tidy);
        if (!found) continue;
        const fix = tidy && (finding === null || clears) ? rewriteFix(refs.value, tidy.from, tidy.to, tidy.tidied.changes.join('，')) : undefined;
        findings.push({ ...found, cells: [refs.value], ...(fix ? { fix } : {}) });
      }
    }
    return findings;
  },
};
