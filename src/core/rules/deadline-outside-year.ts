import type { IndicatorRow, PerformanceTable } from '../model';
import type { Finding, Rule } from './types';
import { maxOf, minOf } from '../bounded';
import { rowDimensionRole } from '../frameworks';
import { gridRowLabel, sheetGrids, type ScopedGrid } from './helpers';
import { grounded, SOURCES } from './sources';
import { periodField, yearsIn } from '../sheet/yearColumns';
import { compactText, inNextYear } from '../values';

/** The most frequent year, the latest on a tie (a goal may recall last year's work). */
function mostFrequent(years: number[]): number | null {
  if (years.length === 0) return null;
  const counts = new Map<number, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

export interface YearSpan {
  from: number;
  to: number;
  /** Where the span came from, for the message. */
  source: string;
}

/** The years of a 项目期 / 起止时间 header field; null when the sheet prints none with a year. */
export function projectPeriod(table: PerformanceTable): YearSpan | null {
  const period = periodField(table.extraFields);
  return period ? { from: minOf(period.years, 0), to: maxOf(period.years, 0), source: period.label } : null;
}

/**
 * The years a 时效 deadline may fall in: settings.budgetYear; else a 项目期 header field (a multi-year project
 * with one grid), unless usePeriod is false (a sheet whose 年度目标 grid has its own year); else the year
 * the title, project name or goals name; else the deadlines' own usual year.
 */
export function budgetYears(table: PerformanceTable, budgetYear: number | null, usePeriod = true): YearSpan | null {
  if (budgetYear !== null) return { from: budgetYear, to: budgetYear, source: '设置的预算年度' };
  const period = usePeriod ? projectPeriod(table) : null;
  if (period) return period;
  const named = mostFrequent([table.title, table.projectName, table.goals].flatMap(yearsIn));
  if (named !== null) return { from: named, to: named, source: '表中写明的年度' };
  const fromValues = mostFrequent(
    table.indicators.map((row) => row.parsed.year).filter((y): y is number => y !== null),
  );
  return fromValues === null ? null : { from: fromValues, to: fromValues, source: '多数时效指标的年度' };
}

/** Another year's column (2025年 beside 2024年): its own year where the head says which; else the 项目期. */
function columnYear(grid: ScopedGrid, table: PerformanceTable): YearSpan | null {
  const year = grid.year?.year ?? null;
  return year === null ? projectPeriod(table) : { from: year, to: year, source: `「${grid.year!.name}」列的年度` };
}

/** The year a 时效 date falls in: its own, or for 次年3月底前 the year after a one-year span; null when unsaid. */
function deadlineYear(row: IndicatorRow, span: YearSpan): number | null {
  if (row.parsed.year !== null) return row.parsed.year;
  return row.parsed.kind === 'deadline' && span.from === span.to && inNextYear(compactText(row.value)) ? span.to + 1 : null;
}

function describe(span: YearSpan): string {
  return span.from === span.to ? `${span.from}年` : `${span.from}—${span.to}年`;
}

/**
 * A 时效 date in another year than the budget year (or project period). On a multi-year sheet the annual grid
 * is held to the budget year, the overall grid, whose deadlines may lie in later years, to the 项目期 only, and
 * another year's column (2025年 beside 2024年) to its own year.
 */
export const deadlineOutsideYearRule: Rule = {
  code: 'deadline-outside-year',
  title: '时效指标不在预算年度内',
  defaultSeverity: 'warning',
  description: '时效指标中的日期不在预算年度内（多年期表的总体目标按项目期判断）。',
  ...grounded([SOURCES.match88, '与计划期内的任务相对应：年度目标在预算年度内完成']),
  english: 'a 时效 date outside the budget year',
  settings: ['severities', 'disabledRules', 'budgetYear'],
  examples: {
    flagged: [{ input: [{ setting: 'budgetYear', value: 2024 }, { dimension: '时效指标', indicator: '运维时间', column: '指标值', value: '2025年6月底前' }], note: '2025 年不在预算年度 2024 年内。' }],
    accepted: [{ input: [{ setting: 'budgetYear', value: 2024 }, { dimension: '时效指标', indicator: '运维时间', column: '指标值', value: '2024年12月底前' }], note: '在预算年度内完成。' }],
  },
  check({ sheet, settings, framework }) {
    const grids = sheetGrids(sheet);
    const findings: Finding[] = [];
    for (const grid of grids) {
      const span = grid.scope === 'annual' ? budgetYears(sheet.table, settings.budgetYear, grids.length === 1) : grid.scope === 'otherYear' ? columnYear(grid, sheet.table) : projectPeriod(sheet.table);
      if (!span) continue;
      for (const { row, refs } of grid.rows) {
        const year = deadlineYear(row, span);
        if (rowDimensionRole(framework, row) !== 'timeliness' || year === null) continue;
        if (year < span.from || year > span.to) {
          findings.push({
            message: `${gridRowLabel(grid, row)}的指标值「${row.value}」在 ${year} 年，不在${span.source} ${describe(span)}内`,
            cells: [refs.value],
          });
        }
      }
    }
    return findings;
  },
};
