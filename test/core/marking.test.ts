// The host-neutral marking core: the sentinel read tolerantly, the diff's order and de-duplication, and
// the live-check scheduler's retry, driven by a hand-stepped clock.
import { issueNoteLine, marksForReport } from '../../src/core/marks';
import { LiveCheckScheduler, classifyChange, diffMarks, isMarkNote, markFormula, markNoteText, parseMarkFormula, sameMarkNote } from '../../src/core/marking';

test('a mark formula is recognised however the host spells it back', () => {
  const formula = markFormula('E12', 'error');
  for (const spelling of [formula, formula.replace(/,/g, ', '), formula.replace(/,/g, ';'), formula.toLowerCase(), formula.slice(1), ` ${formula.replace('=0', ' = 0')} `]) {
    expect(parseMarkFormula(spelling)).toEqual({ address: 'E12', severity: 'error' });
  }
  expect(parseMarkFormula('=AND(ISREF(#REF!),N("jixiao:warning")=0)')).toEqual({ address: null, severity: 'warning' });
  expect(parseMarkFormula('=AND(ISREF($E$12),N("other:error")=0)')).toBeNull();
  expect(parseMarkFormula('=LEN(A1)>100')).toBeNull();
});

test('a mark note is recognised with CRLF, an author line or trailing spaces; a user note is not', () => {
  const text = markNoteText('【错误】成本超过预算\n【警告】缺少单位');
  expect(sameMarkNote(`绩效目标表助手:\r\n${text.replace(/\n/g, '\r\n')}  `, text)).toBe(true);
  expect(isMarkNote(`绩效目标表助手:\r\n${text}`)).toBe(true);
  expect(sameMarkNote(text, markNoteText('别的消息'))).toBe(false);
  expect(isMarkNote('我的备注\n第二行\n【绩效目标表助手】')).toBe(false);
  // A reviewer's one-line comment with jixiao's message appended (a marked copy) is the reviewer's note.
  expect(isMarkNote(`请核实\n${text}`)).toBe(false);
});

test('the diff deletes from the highest position down, keeps the first of duplicates and never touches user notes', () => {
  const want = [{ address: 'E12', severity: 'error' as const, message: 'a' }];
  const changes = diffMarks(want, [null, { address: 'E12', severity: 'error' }, { address: 'E9', severity: 'info' }, { address: 'E12', severity: 'error' }], new Map([['E12', '我的备注'], ['E9', markNoteText('旧')]]));
  expect(changes.deleteFormats).toEqual([3, 2]);
  expect(changes.addFormats).toEqual([]);
  expect(changes.deleteNotes).toEqual(['E9']);
  expect(changes.addNotes).toEqual([]); // E12 holds the user's note
});

test('change kinds: own writes ignored, every cell-moving type resets', () => {
  expect(classifyChange({ changeType: 'RangeEdited', triggerSource: 'ThisLocalAddin' })).toBe('own');
  expect(classifyChange({ changeType: 'RangeEdited', triggerSource: 'Unknown' })).toBe('edited');
  expect(classifyChange({ changeType: 'RangeEdited' })).toBe('edited');
  for (const type of ['RowInserted', 'RowDeleted', 'ColumnInserted', 'ColumnDeleted', 'CellInserted', 'CellDeleted', 'Unknown']) expect(classifyChange({ changeType: type })).toBe('moved');
});

test('a failed check keeps its sheets pending, retries after a longer wait, and reports only after its retries', async () => {
  const timers: { at: number; run: () => void }[] = [];
  const calls: string[][] = [];
  const errors: unknown[] = [];
  let failures = 2;
  const scheduler = new LiveCheckScheduler({
    delayMs: 100,
    // Clearing is not modelled: the test fires only the last arming of a burst.
    timers: { set: (run, ms) => timers.push({ at: ms, run }), clear: () => undefined },
    retries: 2,
    onError: (e) => errors.push(e),
    check: async (ids) => {
      calls.push(ids);
      if (failures-- > 0) throw new Error('InvalidOperationInCellEditMode');
    },
  });
  const fire = async () => {
    const timer = timers.shift()!;
    timer.run();
    await new Promise((r) => setTimeout(r, 0));
    return timer.at;
  };
  scheduler.changed('s1');
  scheduler.changed('s2');
  timers.splice(0, timers.length - 1); // only the last arming counts (the others were cleared)
  expect(await fire()).toBe(100);
  expect(scheduler.pendingSheets.sort()).toEqual(['s1', 's2']);
  expect(await fire()).toBe(200);
  expect(await fire()).toBe(400);
  expect(calls).toHaveLength(3);
  expect(scheduler.pendingSheets).toEqual([]);
  expect(errors).toEqual([]);
  await scheduler.stop();
});

test('a note line is severity, message and the rule title, for Excel and the marked copy alike', () => {
  const issue = { code: 'cost-lower-bound' as const, severity: 'warning' as const, message: '成本指标「运维费用支出」写成「≥5万元」', cells: ['E18', 'E19'] };
  expect(issueNoteLine(issue)).toBe('【警告】成本指标「运维费用支出」写成「≥5万元」（规则：成本指标写成下限）');
  const error = { code: 'cost-over-budget' as const, severity: 'error' as const, message: '超过预算数', cells: ['E18'] };
  // Two issues on one cell: the most severe first, each line ending with its own rule's title.
  expect(marksForReport({ sheet: 'S', projectName: 'P', framework: 'seed', issues: [issue, error] })).toEqual([
    { address: 'E18', severity: 'error', message: '【错误】超过预算数（规则：成本超过预算数）\n【警告】成本指标「运维费用支出」写成「≥5万元」（规则：成本指标写成下限）' },
    { address: 'E19', severity: 'warning', message: '【警告】成本指标「运维费用支出」写成「≥5万元」（规则：成本指标写成下限）' },
  ]);
});
