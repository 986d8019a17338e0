import type { Finding, Rule } from './types';
import type { Framework } from '../frameworks/types';
import type { CellGrid } from '../sheet/types';
import { cellList, formatNumber, inGrid, namesOwnRows, sheetGrids, type ScopedGrid } from './helpers';
import { grounded, SOURCES } from './sources';
import { compactText } from '../values';
import { findLevel1, findLevel2, findLevel2Anywhere } from '../frameworks';
import { fromA1, toA1 } from '../sheet/address';

/** Whole sums where the form prints none: 100, or 90 where 预算执行率 carries the other 10 outside the grid (自评表). */
const SUMS = [100, 90];

/** A weight printed in a 一级 name: 产出指标（50分）, 效益指标(30分). */
const WEIGHT = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

/** The head of a weight column: 权重, 分值, 权重分值, 指标分值（分）; never 得分 (the score given). */
const WEIGHT_HEADER = /^(?:指标)?(?:权重|分值|权重分值|分值权重)(?:[（(](?:分|%)[)）])?$/;

/** A label printing the grid's total: 绩效指标(90分), 年度绩效目标（90分）, 绩效指标（权重分值90分，其中…）. */
const TOTAL_LABEL = /(?:绩效指标|绩效目标|指标)[^0-9]{0,8}?(\d+(?:\.\d+)?)\s*分/;

/** A 一级's share printed in that label: 其中产出指标权重分值50分. */
const PART_LABEL = /(产出|效益|满意度|成本)指标[^0-9，,；;）)]{0,6}?(\d+(?:\.\d+)?)\s*分/g;

/** A weight cell: a plain number, or one with 分 or % (10分, 10%). */
const WEIGHT_VALUE = /^(\d+(?:\.\d+)?)\s*(分|%)?$/;

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);
const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9;

/** The text of a cell of the grid the sheet was read from ('' outside it). */
function cellText(cells: CellGrid, row: number, col: number): string {
  const value = cells.values[row - cells.top]?.[col - cells.left];
  return value === null || value === undefined ? '' : compactText(String(value));
}

/** Each row's weight from the grid's 权重/分值 column, or null where the form has no such column. */
function rowWeights(cells: CellGrid, grid: ScopedGrid): { weight: number | null; cell: string; level1: string }[] | null {
  if (!grid.header || grid.rows.length === 0) return null;
  const headerRow = fromA1(grid.header).row;
  const valueCol = fromA1(grid.rows[0].refs.value).col;
  const firstCol = fromA1(grid.header).col;
  // The weight column nearest this grid's value column (two grids side by side each have their own).
  let col: number | null = null;
  const line = cells.values[headerRow - cells.top] ?? [];
  line.forEach((_value, c) => {
    const at = c + cells.left;
    if (at <= firstCol || !WEIGHT_HEADER.test(cellText(cells, headerRow, at))) return;
    if (col === null || Math.abs(at - valueCol) < Math.abs(col - valueCol)) col = at;
  });
  if (col === null) return null;
  const weightCol: number = col;
  // Printed rows still to fill (slots) count too: their points are a value left to type until typed.
  const rows = [...grid.rows.map(({ row, refs }) => ({ level1: row.level1, refs })), ...(grid.slots ?? [])];
  const weights = rows.map(({ level1, refs }) => {
    const at = fromA1(refs.value).row;
    const match = WEIGHT_VALUE.exec(cellText(cells, at, weightCol));
    return { weight: match ? Number(match[1]) : null, cell: toA1(at, weightCol), level1 };
  });
  // Weights stored as shares of 1 (a 权重 column formatted 0%: 0.1 shown as 10%) are read in points.
  const values = weights.map((w) => w.weight ?? 0);
  const total = sum(values);
  if (values.every((v) => v <= 1) && total > 0.5 && total <= 1 + 1e-9) for (const w of weights) if (w.weight !== null) w.weight = Math.round(w.weight * 1e6) / 1e4;
  return weights;
}

/** The total the form prints over its grid (绩效指标(90分)), with the 一级 shares it names; null when none. */
function printedTotal(cells: CellGrid, grid: ScopedGrid): { total: number; parts: Map<string, number> } | null {
  if (!grid.header) return null;
  const headerRow = fromA1(grid.header).row;
  for (let row = headerRow; row >= Math.max(cells.top, headerRow - 2); row--) {
    for (const value of cells.values[row - cells.top] ?? []) {
      const text = value === null ? '' : compactText(String(value));
      if (/预算执行/.test(text)) continue;
      const match = TOTAL_LABEL.exec(text);
      // A 一级 name with its weight (产出指标（50分）) is a part, not the total.
      if (!match || findLevel1Weighted(text)) continue;
      const parts = new Map<string, number>();
      for (const part of text.matchAll(PART_LABEL)) parts.set(`${part[1]}指标`, Number(part[2]));
      return { total: Number(match[1]), parts };
    }
  }
  return null;
}

/** A 一级 name carrying its weight (产出指标（50分）): not a label over the whole grid. */
function findLevel1Weighted(text: string): boolean {
  return /^(?:产出|效益|满意度|成本)指标[（(]/.test(text);
}

/**
 * Whether the grid holds every required dimension: where one is missing (missing-dimension says so, or the
 * copy is cut off) its points are elsewhere, and no sum can be judged.
 */
function complete(grid: ScopedGrid, framework: Framework): boolean {
  const rows = [...grid.rows.map(({ row }) => row), ...(grid.slots ?? [])];
  return framework.level1.every((level1) => {
    const present = rows.some((row) => findLevel1(framework, row.level1) === level1);
    if (!present) return !level1.required;
    const level2s = new Set(rows.filter((row) => findLevel2Anywhere(framework, row.level2) === level1.name).map((row) => findLevel2(framework, level1.name, row.level2)));
    return level1.level2.every((level2) => !level2.required || level2s.has(level2));
  });
}


function checkGrid(grid: ScopedGrid, framework: Framework, cells: CellGrid | null): Finding[] {
  const findings: Finding[] = [];
  const printed = cells ? printedTotal(cells, grid) : null;
  const wholes = printed ? [printed.total] : SUMS;
  const wholeText = printed ? `${formatNumber(printed.total)} 分（表上印出的总分）` : '100 分（自评表另计预算执行率 10 分时为 90 分）';
  // Weights in the 一级 names (产出指标（50分）): judged only where every 一级 of the grid carries one.
  const labelled = new Map<string, { weight: number; cell: string }>();
  for (const { row, refs } of grid.rows) {
    const name = compactText(row.level1);
    const match = WEIGHT.exec(name);
    if (match && !labelled.has(name)) labelled.set(name, { weight: Number(match[1]), cell: refs.level1 });
  }
  // A 一级 printed with only rows still to fill has its share unprinted as much as one with rows.
  const level1Names = new Set([...grid.rows.map(({ row }) => row.level1), ...(grid.slots ?? []).map((slot) => slot.level1)].map(compactText));
  const parts = [...labelled.values()];
  if (parts.length >= 2 && parts.length >= level1Names.size && !wholes.some((whole) => same(sum(parts.map((p) => p.weight)), whole))) {
    findings.push({
      message: `${inGrid(grid, '一级指标的分值')}合计 ${parts.map((p) => formatNumber(p.weight)).join(' + ')} = ${formatNumber(sum(parts.map((p) => p.weight)))} 分，应为 ${wholeText}`,
      cells: cellList(parts.map((p) => p.cell)),
    });
  }
  // Weights in a 权重/分值 column, one per indicator: judged where every indicator has one.
  const weights = cells ? rowWeights(cells, grid) : null;
  if (!weights || weights.length < 2 || weights.some((w) => w.weight === null)) return findings;
  const rowTotal = sum(weights.map((w) => w.weight ?? 0));
  if (!wholes.some((whole) => same(rowTotal, whole))) {
    findings.push({
      message: `${inGrid(grid, `${weights.length} 项指标的分值`)}（权重列）合计 ${formatNumber(rowTotal)} 分，应为 ${wholeText}`,
      cells: cellList(weights.map((w) => w.cell)),
    });
  }
  // Each 一级's rows against the share printed for it, in its name (产出指标（50分）) or over the grid.
  for (const level1 of framework.level1) {
    const mine = weights.filter((w) => findLevel1(framework, w.level1) === level1);
    if (mine.length === 0) continue;
    const name = [...labelled.keys()].find((label) => findLevel1(framework, label) === level1);
    const share = name !== undefined ? labelled.get(name)?.weight : printed?.parts.get(level1.name);
    const got = sum(mine.map((w) => w.weight ?? 0));
    if (share === undefined || same(got, share)) continue;
    findings.push({
      message: `${inGrid(grid, `一级指标「${level1.name}」`)}下各指标的分值合计 ${formatNumber(got)} 分，与表上印出的 ${formatNumber(share)} 分不符`,
      cells: cellList(mine.map((w) => w.cell)),
    });
  }
  return findings;
}

/**
 * Where the form prints weights — in the 一级 names (产出指标（50分）) or in a 权重/分值 column, one per
 * indicator — they should add up to the total it prints (绩效指标（90分）), else to 100 (90 on a 自评表,
 * whose 预算执行率 takes the other 10 outside the grid). Forms without weights, or missing a required
 * dimension (its points are elsewhere), are not judged.
 */
export const weightSumRule: Rule = {
  code: 'weight-sum',
  title: '分值合计不对',
  defaultSeverity: 'warning',
  description:
    '表中写有分值时——一级指标名称里（如「产出指标（50分）」），或每项指标一行的「权重」「分值」列——各分值合计应等于表上印出的总分（如「绩效指标（90分）」）；未印总分时应为 100 分（自评表另计预算执行率 10 分的，为 90 分）。分值列中一个一级指标下各行的合计，也应等于该一级指标印出的分值。未写分值、有指标未填分值或缺少必需维度的表不检查。',
  ...grounded([SOURCES.evaluation10, '评价总分 100 分，自评另计预算执行率'], [SOURCES.printedWeights, '表上印出总分时以它为准']),
  english:
    'weights printed in the 一级 names (产出指标（50分）) or in a 权重/分值 column that do not add up to the total the form prints (绩效指标（90分）), else to 100 (90 on a 自评表); a 一级 whose rows do not add up to its printed share; forms without weights, or missing a required dimension, are not judged',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      {
        input: [
          { dimension: '数量指标', indicator: '软件运维系统个数', column: '一级指标', value: '产出指标（50分）' },
          { dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '一级指标', value: '效益指标（30分）' },
          { dimension: '服务对象满意度指标', indicator: '使用人员满意度', column: '一级指标', value: '满意度指标（5分）' },
        ],
        note: '50 + 30 + 5 = 85 分，既不是 100 分，也不是自评表的 90 分。',
      },
    ],
    accepted: [
      {
        input: [
          { dimension: '数量指标', indicator: '软件运维系统个数', column: '一级指标', value: '产出指标（50分）' },
          { dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '一级指标', value: '效益指标（30分）' },
          { dimension: '服务对象满意度指标', indicator: '使用人员满意度', column: '一级指标', value: '满意度指标（20分）' },
        ],
        note: '50 + 30 + 20 = 100 分。',
      },
    ],
  },
  check({ sheet, framework, cells }) {
    // Another year's column shares the budget year's rows and their weights: weighed once, there.
    return sheetGrids(sheet).filter(namesOwnRows).flatMap((grid) => (complete(grid, framework) ? checkGrid(grid, framework, cells ?? null) : []));
  },
};
