// 自检 in the double: it runs under each tier and switch, leaves the workbook as it was (the scratch
// sheet removed), and its checks name the double's switches and report what they found — each switch's
// two behaviours told apart, the drop-down pick with a user who picks, with none, and with nobody to ask.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExcelHost } from '../../src/excel/excelHost';
import type { SelfTestOptions } from '../../src/web/host';
import { loadSeedLibrary } from '../support/seed';
import type { ExcelDouble, RealExcelBehaviours } from '../support/excelDouble';
import { setUp } from './helpers';

const CHECKS = ['normalisesText', 'notes', 'insertTakesRowAbove', 'eventsForOwnWrites', 'pickRaisesNoEvent', 'requestPayloadLimit', 'undoTier'];
const MB = 1024 * 1024;

/** A user who picks 是 from the scratch sheet's drop-down as soon as 自检 asks. */
function pickingUser(excel: ExcelDouble, asked: string[]): SelfTestOptions {
  return {
    prompt: (message) => {
      if (!message) return;
      asked.push(message);
      const sheet = /工作表“([^”]+)”/.exec(message)![1];
      const cell = /的 ([A-Z]+\d+) 单元格/.exec(message)![1];
      setTimeout(() => excel.userPickFromList(sheet, cell, '是'), 20);
    },
    userWaitMs: 3000,
  };
}

const CASES: [string, RealExcelBehaviours][] = [
  ['1.8', {}],
  ['1.18', { normalisesText: true, eventsForOwnWrites: true, pickRaisesNoEvent: true, requestPayloadLimit: 5 * MB }],
  ['1.20', { insertTakesRowAbove: true }],
];

test.each(CASES)('ExcelApi %s, switches %j: a report naming each check and its switch as found, the workbook left as it was', async (tier, real) => {
  const { excel, host } = setUp({ maxExcelApi: tier, real });
  const before = excel.sheetNames();
  const asked: string[] = [];
  const report = await host.selfTest!(pickingUser(excel, asked));
  expect(excel.sheetNames()).toEqual(before);
  expect(report.checks.map((c) => c.name)).toEqual(CHECKS);
  expect(report.requirementSets).toContain(`ExcelApi 最高 ${tier}`);
  const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
  const onOff = (on: boolean | undefined) => (on ? '开' : '关');
  expect(byName.normalisesText.passed).toBe(true);
  expect(byName.normalisesText.detail).toContain(`开关 normalisesText ${onOff(real.normalisesText)}`);
  expect(byName.eventsForOwnWrites.detail).toContain(`开关 eventsForOwnWrites ${onOff(real.eventsForOwnWrites)}`);
  if (tier !== '1.8') expect(byName.insertTakesRowAbove.detail).toContain(`insertTakesRowAbove ${onOff(real.insertTakesRowAbove)}`);
  expect(byName.undoTier.detail).toContain(tier === '1.20' ? '支持' : '清空');
  // The drop-down: the user was asked once, picked, and what Excel did (or did not) report is named.
  expect(asked).toHaveLength(1);
  expect(byName.pickRaisesNoEvent).toMatchObject({ passed: true, detail: expect.stringContaining(`开关 pickRaisesNoEvent ${onOff(real.pickRaisesNoEvent)}`) });
  expect(byName.pickRaisesNoEvent.notTried).toBeUndefined();
  if (!real.pickRaisesNoEvent) expect(byName.pickRaisesNoEvent.detail).toContain('changeType RangeEdited，source Local');
  // The request limit: found between 4 and 8 MB and recognised (jixiao halves), or none up to 8 MB.
  expect(byName.requestPayloadLimit.passed).toBe(true);
  expect(byName.requestPayloadLimit.detail).toContain(`开关 requestPayloadLimit ${onOff(real.requestPayloadLimit !== undefined)}`);
  if (real.requestPayloadLimit) expect(byName.requestPayloadLimit.detail).toMatch(/被接受的最大请求约 (4|4\.5|5) MB，(4\.5|5|6|8) MB 被拒绝（RequestPayloadSizeLimitExceeded）/);
  expect(report.text).toContain('jixiao 自检报告');
  for (const check of report.checks) expect(report.text).toContain(check.name);
}, 30_000);

test('a limit answered with an error jixiao does not take for "too large": the check fails and says so', async () => {
  const { excel } = setUp({ maxExcelApi: '1.18', real: { requestPayloadLimit: 3 * MB } });
  // An Excel answering its limit with GeneralException (office-js-docs-reference #354): a wrapped run turns the code.
  const general = ((batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    excel.Excel.run(async (context) => {
      const sync = context.sync.bind(context);
      context.sync = async () => {
        try {
          await sync();
        } catch (error) {
          throw Object.assign(new Error('An internal error has occurred.'), { code: (error as { code: string }).code === 'RequestPayloadSizeLimitExceeded' ? 'GeneralException' : (error as { code: string }).code });
        }
      };
      return batch(context as never);
    })) as never;
  const report = await createExcelHost({ library: loadSeedLibrary(), run: general }).selfTest!();
  const check = report.checks.find((c) => c.name === 'requestPayloadLimit')!;
  expect(check.passed).toBe(false);
  expect(check.detail).toMatch(/被接受的最大请求约 2(\.\d+)? MB，.* MB 被拒绝（GeneralException）.*认不出/);
  expect(report.text).toMatch(/失败 {2}requestPayloadLimit/);
});

test('the drop-down pick: nobody to ask, or a user who does not pick — reported as not tried, neither passed nor failed', async () => {
  const { host } = setUp({ maxExcelApi: '1.18' });
  const alone = await host.selfTest!();
  expect(alone.checks.find((c) => c.name === 'pickRaisesNoEvent')).toMatchObject({ notTried: true, detail: expect.stringContaining('此次未试验') });
  expect(alone.text).toMatch(/未试验 {2}pickRaisesNoEvent/);
  const prompts: (string | null)[] = [];
  const idle = await host.selfTest!({ prompt: (m) => prompts.push(m), userWaitMs: 700 });
  expect(idle.checks.find((c) => c.name === 'pickRaisesNoEvent')).toMatchObject({ notTried: true, detail: expect.stringContaining('没有选择') });
  // Asked once, and told when the wait was over.
  expect(prompts).toHaveLength(2);
  expect(prompts[1]).toBeNull();
});

test('each check is named as a switch of the double (RealExcelBehaviours) or a requirement-set tier, and docs/self-test.md explains each', async () => {
  const { excel, host } = setUp({ maxExcelApi: '1.18' });
  const report = await host.selfTest!(pickingUser(excel, []));
  const behaviours = readFileSync(join(__dirname, '../support/excel/behaviours.ts'), 'utf8');
  const block = /export interface RealExcelBehaviours \{([\s\S]*?)\n\}/.exec(behaviours)![1];
  const switches = new Set([...block.matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1]));
  const tiers = ['notes', 'undoTier'];
  const doc = readFileSync(join(__dirname, '../../docs/self-test.md'), 'utf8');
  for (const { name } of report.checks) {
    expect(switches.has(name) || tiers.includes(name)).toBe(true);
    expect(doc).toContain(`| \`${name}\` |`);
  }
});
