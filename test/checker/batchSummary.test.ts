// The checker page's batch summary on real workbooks: every kind of file counted once, in the status
// line's words; warnings alone still 可以发送; a workbook without 绩效目标表 is its own kind and needs attention.
import { checkGrids, summarize } from '../../src/core/check';
import type { SheetReport, TemplateLibrary } from '../../src/core/model';
import { attentionText, batchSummaryText, fileKind, needsAttention } from '../../src/checker/BatchSummary';
import { NO_TABLE_TEXT, READY_TEXT, statusText } from '../../src/web/StatusLine';
import { expectedReports, pageLibrary, tableNumbered, workbookOf } from '../browser/support/workbooks';
import { measuredTable } from '../support/seed';

describe('checker batch summary', () => {
  let library: TemplateLibrary;
  let clean: SheetReport[];
  let warningsOnly: SheetReport[];
  let withErrors: SheetReport[];
  let noTable: SheetReport[];

  beforeAll(async () => {
    library = pageLibrary();
    // Table 5 with its vague 效益「提升申请人重视程度」 measured (measuredTable, issue #23): a file that raises nothing.
    clean = await expectedReports(await workbookOf([measuredTable(tableNumbered(library, 5))]), library);
    // Seed table 15 has a value the rules warn about and nothing worse.
    warningsOnly = await expectedReports(await workbookOf([tableNumbered(library, 15)]), library);
    const overBudget = tableNumbered(library, 1);
    overBudget.indicators.find((row) => row.level3 === '运维费用支出')!.value = '≤391.2万元';
    withErrors = await expectedReports(await workbookOf([overBudget]), library);
    noTable = checkGrids([{ sheetName: '说明', top: 0, left: 0, values: [['本工作簿只有说明'], ['请见附件']], merges: [] }], { library });
  }, 60_000);

  test('the files are what their names say, by the core', () => {
    expect(summarize(clean).clean).toBe(true);
    expect(summarize(warningsOnly).errors).toBe(0);
    expect(summarize(warningsOnly).warnings).toBeGreaterThan(0);
    expect(summarize(withErrors).errors).toBeGreaterThan(0);
    expect(noTable).toEqual([]);
  });

  test('each file has one kind; only errors, no table and unreadable need attention', () => {
    const kinds = [clean, warningsOnly, withErrors, noTable, null].map(fileKind);
    expect(kinds).toEqual(['ready', 'warnings', 'errors', 'no-table', 'unreadable']);
    expect(kinds.filter(needsAttention)).toEqual(['errors', 'no-table', 'unreadable']);
  });

  test('one line counts them in the status line’s words, leaving out kinds with no file', () => {
    const kinds = [clean, warningsOnly, withErrors, withErrors, noTable, null].map(fileKind);
    expect(batchSummaryText(kinds)).toBe(`共 6 个文件：2 个${READY_TEXT}（其中 1 个有警告），2 个有错误，1 个${NO_TABLE_TEXT}，1 个无法读取`);
    expect(batchSummaryText([clean, clean].map(fileKind))).toBe(`共 2 个文件：2 个${READY_TEXT}`);
    expect(batchSummaryText([withErrors, null].map(fileKind))).toBe('共 2 个文件：1 个有错误，1 个无法读取');
    // A workbook without a table is never counted as 可以发送.
    expect(batchSummaryText([noTable, noTable].map(fileKind))).not.toContain(READY_TEXT);
  });

  test('an attention entry says what the file’s own status line says', () => {
    expect(attentionText(withErrors)).toBe(statusText(withErrors));
    expect(attentionText(withErrors)).toContain(`${summarize(withErrors).errors} 个错误`);
    expect(attentionText(noTable)).toBe(NO_TABLE_TEXT);
    expect(attentionText(null)).toBe('无法读取');
  });
});
