/**
 * Native checks: conditional formats jixiao writes once, when it inserts a sheet, and that the spreadsheet
 * evaluates by itself from then on — in every Excel tier, in WPS and on a PC without jixiao — so the
 * commonest mistakes show while the clerk types, with no add-in write (an add-in write clears Excel's
 * undo history below ExcelApi 1.20). They cover what a cell formula can express of three rules:
 * missing-value (an empty 指标值 in a row whose 三级 or 描述 is filled), cost-over-budget (one 成本 amount
 * above 预算数; the sum of several is left to jixiao's own check) and funds-mismatch.
 *
 * Formula shape (documented, distinct from a mark's `AND(ISREF(..),N("jixiao:error")=0)`): an AND whose
 * last argument is `N("jixiao-check:<rule code>")=0` — always true, so it only names the check. Marks are
 * recognised by parseMarkFormula's `jixiao:` sentinel, which these never match, so 清除标记 keeps them.
 * Formulas are en-US invariant syntax (comma separators, English function names) for Office.js `formula`,
 * WPS FormatConditions.Add and the xlsx file alike. The cost formula is about 500 characters: Excel takes a
 * formula of up to 8192 in a file (MS-OI29500 2.1.1085, ST_Formula); only the .xls format stopped at 255.
 */
import { DEFAULT_SETTINGS } from '../model';
import type { AmountUnit, FrameworkName } from '../model';
import { getFramework, isCostDimension } from '../frameworks';
import { columnName } from './address';

export type NativeCheckCode = 'missing-value' | 'cost-over-budget' | 'funds-mismatch';

export interface PlannedConditionalFormat {
  /** A1 range the format applies to; relative references in `formula` are relative to its top-left cell. */
  range: string;
  /** en-US formula with the leading `=`. */
  formula: string;
  check: NativeCheckCode;
  /** Fill while the formula holds: paler than a mark's, with no border, so the two are told apart. */
  fill: string;
}

const CHECK_TAG = 'jixiao-check';
const FILL: Record<NativeCheckCode, string> = {
  'missing-value': '#FFF2CC',
  'cost-over-budget': '#F8CBAD',
  'funds-mismatch': '#F8CBAD',
};

/** How many 元 one unit of each amount unit is: the 成本 text and 预算数 are compared in 元. */
const YUAN_PER_UNIT: Record<AmountUnit, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

const UNIT_COST_WORDS = ['每', '人均', '户均', '单价', '均价', '单位成本', '单次'];

function tagged(check: NativeCheckCode, condition: string): string {
  return `=AND(${condition},N("${CHECK_TAG}:${check}")=0)`;
}

/** The check a formula names, or null when it is not one of jixiao's native checks. */
export function nativeCheckOf(formula: string): NativeCheckCode | null {
  const m = /n\("jixiao-check:(missing-value|cost-over-budget|funds-mismatch)"\)=0\)$/.exec(formula.replace(/\s+/g, '').toLowerCase());
  return m ? (m[1] as NativeCheckCode) : null;
}

export interface NativeCheckCells {
  framework: FrameworkName;
  unit: AmountUnit;
  /** 0-based rows of the indicator grid (first and last, spare rows included). */
  firstRow: number;
  lastRow: number;
  /** 0-based columns of 二级, 三级, 描述, 指标值. */
  columns: { level2: number; level3: number; description: number; value: number };
  /** A1 cells of 预算数, 财政资金, 其他资金. */
  budget: { total: string; fiscal: string; other: string };
}

/**
 * `≤350万元`, `<=2,600,000元`, `不超过1.2亿元` → the amount in 元, as a formula; an error (caught by the
 * caller's IFERROR) for any other text. 万元/亿元 become the exponents E4/E8, so VALUE reads `350E4`.
 */
function amountInYuan(cell: string): string {
  let text = cell;
  for (const [from, to] of [[' ', ''], [',', ''], ['≤', ''], ['<', ''], ['=', ''], ['不超过', ''], ['千元', 'E3'], ['万元', 'E4'], ['亿元', 'E8'], ['元', '']]) {
    text = `SUBSTITUTE(${text},"${from}","${to}")`;
  }
  return `VALUE(${text})`;
}

export function planNativeChecks(cells: NativeCheckCells): PlannedConditionalFormat[] {
  const { columns, firstRow, lastRow } = cells;
  const rel = (col: number) => `$${columnName(col)}${firstRow + 1}`;
  const column = (col: number) => `${columnName(col)}${firstRow + 1}:${columnName(col)}${lastRow + 1}`;
  const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const value = rel(columns.value);
  const total = abs(cells.budget.total);
  const fiscal = abs(cells.budget.fiscal);
  const other = abs(cells.budget.other);

  const framework = getFramework(cells.framework);
  const costNames = [...new Set(framework.level1.flatMap((l1) => l1.level2.filter((l2) => isCostDimension(framework, l1.name, l2.name)).map((l2) => l2.name)))];
  const isCost = costNames.map((name) => `${rel(columns.level2)}="${name}"`).join(',');
  const budgetInYuan = `${total}*${YUAN_PER_UNIT[cells.unit]}`;
  // A 三级 name of a per-unit cost (the value parser's UNIT_COST_NAME: 每人每天, 人均, 单价, …标准) makes
  // the amount a rate, never weighed against 预算数.
  const level3 = rel(columns.level3);
  const notUnitCost = `SUMPRODUCT(--ISNUMBER(SEARCH({${UNIT_COST_WORDS.map((w) => `"${w}"`).join(',')}},${level3})))=0,RIGHT(TRIM(${level3}),2)<>"标准"`;

  const formats: PlannedConditionalFormat[] = [
    {
      range: column(columns.value),
      check: 'missing-value',
      formula: tagged('missing-value', `OR(TRIM(${rel(columns.level3)})<>"",TRIM(${rel(columns.description)})<>""),TRIM(${value})=""`),
      fill: FILL['missing-value'],
    },
    {
      range: `${total}:${other}`.replace(/\$/g, ''),
      check: 'funds-mismatch',
      // Blank 财政资金/其他资金 count as 0, as in the rule; both blank makes no claim.
      formula: tagged('funds-mismatch', `ISNUMBER(${total}),COUNT(${fiscal},${other})>0,ABS(N(${fiscal})+N(${other})-${total})>${DEFAULT_SETTINGS.fundsTolerance}`),
      fill: FILL['funds-mismatch'],
    },
  ];
  if (costNames.length > 0) {
    formats.push({
      range: column(columns.value),
      check: 'cost-over-budget',
      // An amount with its unit (…元), or a bare number read in the sheet's stated unit, as the rule reads it.
      formula: tagged(
        'cost-over-budget',
        `OR(${isCost}),${notUnitCost},RIGHT(TRIM(${value}),1)<>"%",ISNUMBER(${total}),IFERROR(IF(RIGHT(TRIM(${value}),1)="元",${amountInYuan(value)},${amountInYuan(value)}*${YUAN_PER_UNIT[cells.unit]})>${budgetInYuan},FALSE)`,
      ),
      fill: FILL['cost-over-budget'],
    });
  }
  return formats;
}
