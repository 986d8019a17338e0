import { allowsNone, rowDimensionRole, type DimensionRole } from '../frameworks';
import type { IndicatorRow, Settings } from '../model';
import type { Finding, Rule } from './types';
import { formatNumber, gridRowLabel, sheetGrids } from './helpers';
import { compactText, isUpperBound, unitFromName } from '../values';

/** `培训人数`, `检查次数`, `合格率`: the name says what the bare number counts. */
const UNIT_IN_NAME = /(人次|人|次|个|件|户|天|日|册|本|套|张|份|辆|条|项|场|期|台|家|所|篇|课时|小时|月|年)数$|率$|比例$|占比$/;

/** How units say a project has no such cost. */
const NO_COST = /^(?:无|没有|不适用|不涉及|不造成负面影响|无负面影响|未造成负面影响|不产生|无影响)[。.]?$/;

function nameGivesUnit(row: IndicatorRow): boolean {
  const name = compactText(row.level3);
  return unitFromName(name) !== null || UNIT_IN_NAME.test(name);
}

function checkRow(row: IndicatorRow, label: string, role: DimensionRole | null, settings: Settings): Finding | null {
  const { parsed } = row;
  if (parsed.kind === 'placeholder') {
    return { message: `${label}的指标值「${row.value}」是占位符，应填写实际目标`, cells: [], severity: 'error' };
  }
  if (parsed.kind === 'ratio' && parsed.unit === '%' && parsed.number !== null && parsed.number > settings.maxPercent) {
    return {
      message: `${label}的指标值「${row.value}」为 ${formatNumber(parsed.number)}%，超过 ${formatNumber(settings.maxPercent)}%`,
      cells: [],
      severity: 'error',
    };
  }
  if (role === 'satisfaction' && parsed.kind === 'ratio' && parsed.unit === '%' && parsed.number !== null) {
    if (parsed.number < settings.minSatisfaction) {
      return {
        message: `${label}的目标「${row.value}」低于 ${formatNumber(settings.minSatisfaction)}%`,
        cells: [],
        severity: 'warning',
      };
    }
    if (isUpperBound(parsed.operator)) {
      return { message: `${label}写成上限「${row.value}」：满意度目标应为下限（≥）`, cells: [], severity: 'warning' };
    }
  }
  if (role === 'satisfaction' && parsed.kind === 'qualitative') {
    return {
      message: `${label}的指标值「${row.value}」不是可测量的满意度，宜写成百分比（如 ≥${formatNumber(settings.minSatisfaction)}%）`,
      cells: [],
      severity: 'warning',
    };
  }
  if (parsed.kind === 'number' && !(row.unit && row.unit.trim()) && !nameGivesUnit(row)) {
    return {
      message: `${label}的指标值「${row.value}」没有计量单位，三级指标名称和计量单位栏也未写明`,
      cells: [],
      severity: 'warning',
    };
  }
  // 质量/时效/效益 may legitimately be text (按照全国统一标准式样, 全年); 数量 and 成本 are counts and money.
  if ((role === 'quantity' || role === 'cost') && parsed.kind === 'qualitative') {
    const expected = role === 'cost' ? '金额（如 ≤10万元）' : '数量（如 ≥10个）';
    return {
      message: `${label}的指标值「${row.value}」不是可核验的${role === 'cost' ? '金额' : '数量'}，宜写成${expected}`,
      cells: [],
      severity: 'warning',
    };
  }
  return null;
}

/** One finding per row at most, in each grid: the most serious thing wrong with its 指标值. */
export const badValueRule: Rule = {
  code: 'bad-value',
  title: '指标值不规范',
  defaultSeverity: 'warning',
  check({ sheet, settings, framework }) {
    const findings: Finding[] = [];
    for (const grid of sheetGrids(sheet)) {
      for (const { row, refs } of grid.rows) {
        // 无 / 不造成负面影响 under 社会成本 or 生态环境成本 says the project has no such cost.
        if (NO_COST.test(compactText(row.value)) && allowsNone(framework, row)) continue;
        const finding = checkRow(row, gridRowLabel(grid, row), rowDimensionRole(framework, row), settings);
        if (finding) findings.push({ ...finding, cells: [refs.value] });
      }
    }
    return findings;
  },
};
