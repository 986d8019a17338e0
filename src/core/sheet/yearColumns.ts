/**
 * Step 4a, year columns: a grid whose value columns name single years (实施期 | 2024年 | 2025年, 2024年度 |
 * 2025年度 | 2026年度, 第一年 | 第二年) reads as one grid per year. The budget year's column is the annual grid;
 * the other years' are `otherYear` grids, checked as values but never against this year's budget. The budget
 * year is the one the table's head names (预算年度 / 年度 field, a title such as （2024年度）), else 设置's 预算年度;
 * with none, the first year column is taken, and the grid's evidence says so.
 */
import { minOf } from '../bounded';
import type { HeaderBlock } from './headerFields';
import type { ReadGrid } from './gridRows';
import type { HeadYear } from './periodColumns';
import type { GridYear } from './types';

const YEAR_IN_TEXT = /(?<!\d)(20\d{2})(?!\d)/g;
/** Header fields giving the project's period (项目期 2024-2026年, 起止时间 …). */
const PERIOD_FIELD = /项目期|起止|实施期|执行期/;
/** Header fields naming the budget year. */
const BUDGET_YEAR_FIELD = /^(?:预算)?年度$/;

/** The years (20xx) a text names, in order. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR_IN_TEXT)].map((m) => Number(m[1]));
}

/** The years of the first 项目期 / 起止时间 header field that names one, with its label; null when none does. */
export function periodField(extraFields: Readonly<Record<string, string>>): { label: string; years: number[] } | null {
  for (const [label, text] of Object.entries(extraFields)) {
    const years = yearsIn(text);
    if (PERIOD_FIELD.test(label) && years.length > 0) return { label, years };
  }
  return null;
}

/** The one year a text names (several different ones name none). */
function oneYear(text: string): number | null {
  const years = new Set(yearsIn(text));
  return years.size === 1 ? [...years][0] : null;
}

/** The budget year the table's head names, and where: a 预算年度 / 年度 field, else the title. */
export function headBudgetYear(block: HeaderBlock): { year: number; source: string } | null {
  for (const [label, text] of Object.entries(block.extraFields)) {
    const year = BUDGET_YEAR_FIELD.test(label) ? oneYear(text) : null;
    if (year !== null) return { year, source: `表头「${label}」` };
  }
  const titled = block.title ? oneYear(block.title.text) : null;
  return titled === null ? null : { year: titled, source: '标题' };
}

/** A year column's calendar year: its own, or 第N年 counted from the 项目期's first year. */
function calendarYear(head: HeadYear, firstYear: number | null): number | null {
  if (head.year !== null) return head.year;
  return firstYear !== null && head.ordinal !== null ? firstYear + head.ordinal - 1 : null;
}

const yearOf = (grid: ReadGrid): HeadYear | undefined => (grid.header.periodValue && grid.header.scope === 'annual' ? grid.header.year : undefined);

/**
 * The grids with their year columns told apart: the budget year's stays annual (with its year and why it was
 * taken), every other year's becomes otherYear. Beside a plain 年度目标 column (the year's own), every year
 * column is another year's. Grids without year columns, or with one alone, are returned as they are.
 */
export function scopeYearColumns(grids: readonly ReadGrid[], block: HeaderBlock, settingsYear: number | null): ReadGrid[] {
  const years = grids.filter((grid) => yearOf(grid) !== undefined);
  const plainAnnual = grids.some((grid) => grid.header.periodValue && grid.header.scope === 'annual' && !grid.header.year);
  if (years.length + (plainAnnual ? 1 : 0) < 2) return [...grids];
  const firstYear = (() => {
    const period = periodField(block.extraFields);
    return period ? minOf(period.years, 0) : null;
  })();
  const stated = headBudgetYear(block) ?? (settingsYear === null ? null : { year: settingsYear, source: '设置的预算年度' });
  const calendar = (grid: ReadGrid) => calendarYear(yearOf(grid)!, firstYear);
  const match = stated && !plainAnnual ? years.find((grid) => calendar(grid) === stated.year) : undefined;
  const chosen = plainAnnual ? undefined : (match ?? years[0]);
  const evidence = (name: string): string => {
    if (match) return `${stated!.source}写明预算年度为 ${stated!.year} 年：按「${name}」列读作本年度目标`;
    const why = stated ? `${stated.source}写明的预算年度 ${stated.year} 年没有对应的列` : '表头未写明预算年度';
    return `${why}：按第一个年度列「${name}」读作本年度目标`;
  };
  return grids.map((grid) => {
    const head = yearOf(grid);
    if (!head) return grid;
    const year: GridYear = { name: head.name, year: calendar(grid) };
    if (grid === chosen) year.evidence = evidence(head.name);
    return { ...grid, header: { ...grid.header, scope: grid === chosen ? ('annual' as const) : ('otherYear' as const) }, year };
  });
}
