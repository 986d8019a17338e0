// A rule's examples (types.ts ExampleStep) in two forms: one line of Chinese for the 说明, the docs and
// `jixiao rules`, and the example table with the clerk's steps done, as the cell grid a sheet would give —
// what the examples test checks and the docs page quotes the message of.
import { maxOf } from '../bounded';
import type { PerformanceTable, SettingsInput } from '../model';
import { SETTINGS_FIELD_LABELS } from '../model/settingsIssues';
import { fromA1, toA1 } from '../sheet/address';
import { gridFromPlan, planTableSheet } from '../sheet/layout';
import { readSheet } from '../sheet/reader';
import type { CellGrid, IndicatorRowRefs, TableRefs } from '../sheet/types';
import type { ExampleColumn, ExampleField, ExampleStep, RuleExample } from './types';

/** A field the example table does not print: typed as a label and its amount right of the 预算数 row. */
const ADDED_FIELD = '项目总金额';

/** What the examples are typed into, for the reader of a 说明 or a docs page. */
export const EXAMPLE_TABLE_TEXT = '示例表：种子文档第 1 张表「数字化运维项目」（单位：万元，预算数 292 = 财政资金 292，其他资金空白）';

/** Fields the example table prints, by their cell; 项目总金额 (not printed there) is added beside 预算数. */
const FIELD_REFS: Record<Exclude<ExampleField, typeof ADDED_FIELD>, keyof TableRefs> = {
  项目名称: 'projectName',
  预算数: 'budgetTotal',
  财政资金: 'budgetFiscal',
  其他资金: 'budgetOther',
  绩效目标: 'goals',
};

const COLUMN_REFS: Record<ExampleColumn, 'level1' | 'level2' | 'level3' | 'value'> = {
  一级指标: 'level1',
  二级指标: 'level2',
  三级指标: 'level3',
  指标值: 'value',
};

/** A typed value as one line: line breaks (Alt+Enter) shown as spaces, an empty cell said so. */
function shown(value: string): string {
  return value === '' ? '（空）' : value.replace(/\s*\n\s*/g, ' ');
}

/** One step in Chinese, e.g. `成本指标「运维费用支出」的指标值：≤300万元`. */
export function exampleStepText(step: ExampleStep): string {
  if ('field' in step) return `${step.field}：${shown(step.value)}`;
  if ('setting' in step) return `设置“${SETTINGS_FIELD_LABELS[step.setting]}”为 ${step.value}`;
  if ('header' in step) return step.value === '' ? `指标表头「${step.header}」留空` : `指标表头「${step.header}」写成「${step.value}」`;
  if ('deleteRow' in step) return `删去${step.dimension}「${step.indicator}」这一行`;
  return `${step.dimension}「${step.indicator}」的${step.column}：${shown(step.value)}`;
}

/** The whole example in one line: its steps joined by `；`. */
export function exampleText(example: RuleExample): string {
  return example.input.map(exampleStepText).join('；');
}

export interface ExampleSheet {
  grid: CellGrid;
  /** The settings the example sets (the rest default). */
  settings: SettingsInput;
  /** 1-based sheet rows the clerk typed into: where a flagged example's issue is expected. */
  typedRows: number[];
}

/** Excel turns a typed plain number into a number; everything else stays text. */
function typed(value: string): string | number | null {
  if (value === '') return null;
  return /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : value;
}

function setCell(grid: CellGrid, address: string, value: string): number {
  const { row, col } = fromA1(address);
  const r = row - grid.top;
  const c = col - grid.left;
  while (grid.values.length <= r) grid.values.push([]);
  const line = grid.values[r];
  while (line.length <= c) line.push(null);
  line[c] = typed(value);
  return row + 1;
}

/** Types the 项目总金额 label right of the table on the 预算数 row; the address its amount goes in (null without 预算数). */
function addedField(grid: CellGrid, budget: string | null): string | null {
  if (budget === null) return null;
  const right = grid.left + maxOf(grid.values.map((line) => line.length), 0);
  setCell(grid, toA1(fromA1(budget).row, right), ADDED_FIELD);
  return toA1(fromA1(budget).row, right + 1);
}

/**
 * The example table (left unchanged) drawn as the add-in draws it, with the example's rows deleted
 * and then its cells typed, in order. Throws when a step names a row or field the table does not have,
 * so an example cannot silently stop showing what it says.
 */
export function exampleSheet(example: RuleExample, exampleTable: PerformanceTable): ExampleSheet {
  // Only the row list changes before drawing; the cells are typed into the drawn grid.
  const table = { ...exampleTable, indicators: [...exampleTable.indicators] };
  const rowOf = (dimension: string, indicator: string): number => {
    const index = table.indicators.findIndex((row) => row.level2 === dimension && row.level3 === indicator);
    if (index < 0) throw new Error(`示例表中没有${dimension}「${indicator}」`);
    return index;
  };
  for (const step of example.input) {
    if ('deleteRow' in step) table.indicators.splice(rowOf(step.dimension, step.indicator), 1);
  }
  const grid = gridFromPlan(planTableSheet(table, { sheetName: table.projectName, framework: 'seed' }));
  const drawn = readSheet(grid, { framework: 'seed' });
  if (!drawn) throw new Error(`读不出示例表：${table.projectName}`);
  const settings: Record<string, number> = {};
  const typedRows: number[] = [];
  for (const step of example.input) {
    if ('deleteRow' in step) continue;
    if ('setting' in step) {
      settings[step.setting] = step.value;
      continue;
    }
    let address: string | null;
    if ('field' in step) {
      const { field } = step;
      address = field === ADDED_FIELD ? addedField(grid, drawn.refs.budgetTotal) : drawn.refs[FIELD_REFS[field]];
    } else if ('header' in step) {
      const header = drawn.refs.indicatorHeader;
      // The label above the column of the first indicator row.
      address = header === null ? null : toA1(fromA1(header).row, fromA1(drawn.grids[0].rows[0].refs[COLUMN_REFS[step.header]]).col);
    } else {
      const refs: IndicatorRowRefs = drawn.grids[0].rows[rowOf(step.dimension, step.indicator)].refs;
      address = refs[COLUMN_REFS[step.column]];
    }
    if (address === null) throw new Error(`示例表中找不到这一步的单元格：${exampleStepText(step)}`);
    typedRows.push(setCell(grid, address, step.value));
  }
  return { grid, settings: settings as SettingsInput, typedRows };
}
