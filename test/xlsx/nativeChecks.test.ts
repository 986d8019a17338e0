// Native checks (conditional formats written once with an inserted sheet) against the core's verdicts:
// seed tables with deliberately bad values and the real published tables are drawn by the `jixiao workbook`
// writer; a helper column repeats each row's native-check formula, LibreOffice computes it in ONE run, and
// every row's TRUE/FALSE must equal whether the core flags that cell for the same rule.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkSheet } from '../../src/core/check';
import { detectFramework, getFramework, isCostDimension } from '../../src/core/frameworks';
import type { Issue, PerformanceTable } from '../../src/core/model';
import { parseMarkFormula } from '../../src/core/marking';
import { gridFromPlan } from '../../src/core/sheet/layout';
import { LAYOUT_ROWS, nativeCheckOf, planTableSheet, readSheet, readSheetTables, toA1, uniqueSheetName } from '../../src/core/sheet';
import type { NativeCheckCode, SheetPlan } from '../../src/core/sheet';
import { parseRowValue } from '../../src/core/values';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { writePlan } from '../../src/xlsx/write';
import { describeWithSoffice, sheetsAsCsv } from '../support/soffice';
import { loadSeedLibrary } from '../support/seed';
import { tempDir } from './support';
import { OoxmlPackage } from '../../src/xlsx/package';

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const REAL = join(__dirname, '..', 'fixtures', 'real');
/** Helper columns (0-based) beside the form's A–E: one per row check; the funds check sits in a cell. */
const HELPER = { 'missing-value': 6, 'cost-over-budget': 7 } as const;
const FUNDS_CELL = toA1(LAYOUT_ROWS.budgetTotal, 6);

function setValue(table: PerformanceTable, index: number, value: string): void {
  const row = table.indicators[index];
  row.value = value;
  row.parsed = parseRowValue(row, table.unit);
}

/** Seed tables, each with one kind of mistake (or a near miss that must stay unflagged). */
function badSeedTables(): PerformanceTable[] {
  return loadSeedLibrary().tables.map((table, i) => {
    const framework = getFramework(detectFramework(table.indicators.map((r) => r.level1)));
    const cost = table.indicators.findIndex((r) => isCostDimension(framework, r.level1, r.level2));
    const total = table.budget.total ?? 100;
    switch (i % 5) {
      case 0:
        if (cost >= 0) setValue(table, cost, `≤${total + 8}万元`);
        break;
      case 1:
        if (cost >= 0) setValue(table, cost, `≤${(total + 3) * 10000}元`);
        break;
      case 2:
        setValue(table, 1, '');
        break;
      case 3:
        table.budget.fiscal = (table.budget.fiscal ?? total) - 10;
        break;
      case 4:
        if (cost >= 0) setValue(table, cost, `≤${total * 10000}元`);
        break;
    }
    return table;
  });
}

function realTables(): PerformanceTable[] {
  return readdirSync(REAL)
    .filter((name) => name.endsWith('.xlsx'))
    .flatMap((name) => readWorkbookGrids(readFileSync(join(REAL, name))).flatMap((grid) => readSheetTables(grid).tables.map((sheet) => sheet.table)));
}

/** The formula as a cell on `row` (0-based): the native checks' relative references are `$X<first row>`. */
function atRow(formula: string, row: number): string {
  return formula.replace(new RegExp(`(\\$[A-Z]+)${LAYOUT_ROWS.firstIndicator + 1}(?![0-9])`, 'g'), `$1${row + 1}`).slice(1);
}

function flagged(issues: Issue[], code: NativeCheckCode, cell: string): boolean {
  // One cost row over the budget names its value and 预算数; the sum of several (not a native check) names more.
  return issues.some((issue) => issue.code === code && issue.cells.includes(cell) && (code !== 'cost-over-budget' || issue.cells.length === 2));
}

describe('native check formulas', () => {
  test('each plan carries the three checks, tagged, never taken for a mark', () => {
    const table = loadSeedLibrary().tables[0];
    const plan = planTableSheet(table, { sheetName: 'S', framework: 'seed' });
    expect(plan.conditionalFormats.map((cf) => cf.check).sort()).toEqual(['cost-over-budget', 'funds-mismatch', 'missing-value']);
    for (const cf of plan.conditionalFormats) {
      expect(nativeCheckOf(cf.formula)).toBe(cf.check);
      expect(parseMarkFormula(cf.formula)).toBeNull();
      // Excel takes a file's formula (ST_Formula, cfRule's <formula> included) up to 8192 characters
      // (MS-OI29500 2.1.1085); the 255 limit is the old .xls format's, which jixiao never writes.
      expect(cf.formula.length).toBeLessThan(1000);
    }
    expect(nativeCheckOf('=AND(ISREF($E$12),N("jixiao:error")=0)')).toBeNull();
  });

  test('the `jixiao workbook` writer puts them in the file as expression rules on their ranges', async () => {
    const table = loadSeedLibrary().tables[0];
    const plan = planTableSheet(table, { sheetName: 'S', framework: 'seed' });
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, plan);
    const xml = OoxmlPackage.open(new Uint8Array(await workbook.xlsx.writeBuffer())).text('xl/worksheets/sheet1.xml');
    const rules = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule type="expression"[^>]*><formula>([^<]*)<\/formula>/g)].map((m) => [m[1], unescape(m[2])]);
    expect(rules).toEqual(plan.conditionalFormats.map((cf) => [cf.range, cf.formula.slice(1)]));
  });
});

describeWithSoffice('native checks computed by LibreOffice agree with the core', () => {
  test('seed tables with mistakes and the real published tables: every row, one conversion', () => {
    const tables = [...badSeedTables(), ...realTables()];
    const workbook = new ExcelJS.Workbook();
    const names: string[] = [];
    const plans: SheetPlan[] = tables.map((table, i) => {
      // Sheet names by index: the CSV file names carry them.
      const name = uniqueSheetName(`t${i}`, names);
      names.push(name);
      const plan = planTableSheet(table, { sheetName: name, framework: detectFramework(table.indicators.map((r) => r.level1)) });
      const sheet = writePlan(workbook, plan);
      const last = LAYOUT_ROWS.firstIndicator + table.indicators.length - 1;
      for (const cf of plan.conditionalFormats) {
        if (cf.check === 'funds-mismatch') sheet.getCell(FUNDS_CELL).value = { formula: cf.formula.slice(1) };
        else for (let row = LAYOUT_ROWS.firstIndicator; row <= last; row++) sheet.getCell(toA1(row, HELPER[cf.check])).value = { formula: atRow(cf.formula, row) };
      }
      return plan;
    });
    const dir = tempDir('native-checks');
    const file = join(dir, 'checks.xlsx');
    return workbook.xlsx.writeBuffer().then((buffer) => {
      writeFileSync(file, Buffer.from(buffer));
      const computed = sheetsAsCsv([file]).get(file)!;

      const disagreements: string[] = [];
      const counts = { rows: 0, flagged: { 'missing-value': 0, 'cost-over-budget': 0, 'funds-mismatch': 0 } as Record<NativeCheckCode, number> };
      plans.forEach((plan, i) => {
        const table = tables[i];
        const sheet = readSheet(gridFromPlan(plan), { framework: detectFramework(table.indicators.map((r) => r.level1)) });
        expect(sheet).not.toBeNull();
        const issues = checkSheet(sheet!);
        const rows = computed.get(plan.name);
        expect(rows).toBeDefined();
        const at = (a1: string) => {
          const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
          return rows![Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? '';
        };
        const compare = (code: NativeCheckCode, formulaCell: string, coreCell: string) => {
          const lo = at(formulaCell);
          expect(['TRUE', 'FALSE']).toContain(lo);
          const core = flagged(issues, code, coreCell);
          if (lo === 'TRUE') counts.flagged[code]++;
          if ((lo === 'TRUE') !== core) disagreements.push(`${plan.name} ${table.projectName} ${code} ${coreCell}: LibreOffice ${lo}, core ${core}`);
        };
        compare('funds-mismatch', FUNDS_CELL, toA1(LAYOUT_ROWS.budgetTotal, 2));
        table.indicators.forEach((row, k) => {
          const r = LAYOUT_ROWS.firstIndicator + k;
          counts.rows++;
          // Rows with neither 三级 nor 描述 are missing-value's too, but not "filled rows": the format stays off.
          if (row.level3.trim() || row.description.trim()) compare('missing-value', toA1(r, HELPER['missing-value']), toA1(r, 4));
          compare('cost-over-budget', toA1(r, HELPER['cost-over-budget']), toA1(r, 4));
        });
      });
      console.log(`native checks: ${tables.length} sheets, ${counts.rows} rows; LibreOffice flagged ${JSON.stringify(counts.flagged)}`);
      expect(disagreements).toEqual([]);
      // The deliberate mistakes are all caught (the seed has 16 tables: 4, 3, 3, 3, 3 of each kind).
      expect(counts.flagged['missing-value']).toBeGreaterThanOrEqual(3);
      expect(counts.flagged['cost-over-budget']).toBeGreaterThanOrEqual(6);
      expect(counts.flagged['funds-mismatch']).toBeGreaterThanOrEqual(3);
    });
  }, 300_000);
});
