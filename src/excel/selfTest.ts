// 自检: tries, on this PC's Excel, each behaviour jixiao relies on, on a scratch sheet it adds and then
// deletes, and reports what Excel returned. Each check's name is the switch of the test double
// (test/support/excel/behaviours.ts, RealExcelBehaviours) that models it, so a report from a pilot user says
// which switch matches their Excel (docs/self-test.md).
import { isMarkNote, markFormula, parseMarkFormula } from '../core/marking';
import type { SelfTestCheck, SelfTestOptions, SelfTestReport } from '../web/host';
import { checkPickEvent, checkRequestPayload } from './selfTestChecks';
import type { CheckResult, SeenChange } from './selfTestChecks';
import { EXCEL_API_VERSIONS, FEATURE_NAMES, FEATURE_SPECS } from './features';
import type { ExcelFeatures, RequirementChecker } from './features';
import type { ExcelRun, SyncCounter } from './syncCounter';

export interface SelfTestDeps {
  run: ExcelRun;
  counter: SyncCounter;
  features: ExcelFeatures;
  requirements: RequirementChecker;
  /** How long to wait for Excel's events after a write, in ms. */
  eventWaitMs?: number;
  /** Office.context.diagnostics, where there is one. */
  diagnostics?: { host?: string; platform?: string; version?: string };
  /** What the pane offers: someone to ask for the checks that need the user (the drop-down pick). */
  options?: SelfTestOptions;
}

/** How long the drop-down check waits for the user's pick by default, in ms. */
const USER_WAIT_MS = 30_000;

const SCRATCH_SHEET = 'jixiao自检';

function describe(value: unknown): string {
  if (value instanceof Error) return `${(value as { code?: string }).code ?? value.name}：${value.message}`;
  return JSON.stringify(value) ?? String(value);
}

/** Highest ExcelApi supported, by asking each version (isSetSupported is documented per version). */
export function highestExcelApi(requirements: RequirementChecker): string {
  let highest = '无';
  for (const version of EXCEL_API_VERSIONS) if (requirements.isSetSupported('ExcelApi', version)) highest = version;
  return highest;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function runSelfTest(deps: SelfTestDeps): Promise<SelfTestReport> {
  const { run, counter, features } = deps;
  const checks: SelfTestCheck[] = [];
  const add = (name: string, label: string, passed: boolean, detail: string, notTried?: boolean) => checks.push({ name, label, passed, detail, ...(notTried ? { notTried } : {}) });
  const attempt = async (name: string, label: string, body: () => Promise<CheckResult>) => {
    try {
      const { passed, detail, notTried } = await body();
      add(name, label, passed, detail, notTried);
    } catch (error) {
      add(name, label, false, `Excel 报错 ${describe(error)}`);
    }
  };

  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await counter.sync(context);
    const name = sheets.items.some((s) => s.name === SCRATCH_SHEET) ? `${SCRATCH_SHEET}${Date.now() % 10000}` : SCRATCH_SHEET;
    const sheet = sheets.add(name);
    await counter.sync(context);
    try {
      const events: SeenChange[] = [];
      const handler = sheet.onChanged.add(async (e) => {
        events.push({ triggerSource: e.triggerSource, address: e.address, changeType: e.changeType, source: e.source });
      });
      await counter.sync(context);

      await attempt('normalisesText', '条件格式公式读回（标记靠公式识别）', async () => {
        const formula = markFormula('B2', 'error');
        const cf = sheet.getRange('B2').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        cf.custom.rule.formula = formula;
        await counter.sync(context);
        const all = sheet.getRange().conditionalFormats;
        all.load('items/type');
        await counter.sync(context);
        const rule = all.items[0].custom.rule;
        rule.load('formula');
        await counter.sync(context);
        const recognised = parseMarkFormula(rule.formula) !== null;
        return { passed: recognised, detail: `写入 ${formula}，读回 ${rule.formula}；${rule.formula === formula ? '原样（开关 normalisesText 关）' : '改写（开关 normalisesText 开）'}` };
      });

      if (features.notes) {
        await attempt('notes', '注释写入与读回（ExcelApi 1.18）', async () => {
          const text = '[jixiao] 自检注释';
          sheet.notes.add('C3', text);
          await counter.sync(context);
          const note = sheet.notes.getItem('C3');
          note.load('content');
          await counter.sync(context);
          return { passed: note.content.includes('自检注释'), detail: `读回 ${describe(note.content)}；${isMarkNote(note.content) ? '识别为本助手的注释' : '未识别为本助手的注释'}` };
        });
      } else add('notes', '注释写入与读回（ExcelApi 1.18）', true, '此 Excel 不支持注释：标记只有底色，说明在窗格中');

      await attempt('insertTakesRowAbove', '插入行时是否带上一行的合并', async () => {
        sheet.getRange('A5:B5').values = [['甲', '乙']];
        sheet.getRange('A5:B5').merge(true);
        sheet.getRange('A5').dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
        await counter.sync(context);
        sheet.getRange('6:6').insert('Down' as Excel.InsertShiftDirection);
        const merged = features.mergedAreas ? sheet.getRange('A6:B6').getMergedAreasOrNullObject() : null;
        merged?.load('address');
        await counter.sync(context);
        const hasMerge = merged ? !merged.isNullObject : false;
        return { passed: true, detail: merged ? `新行${hasMerge ? '带' : '不带'}上一行的合并；开关 insertTakesRowAbove ${hasMerge ? '开' : '关'}` : '此 Excel 读不出合并区域（ExcelApi 1.13 以前）' };
      });

      await attempt('eventsForOwnWrites', '本助手写入时的 onChanged 与 triggerSource', async () => {
        await sleep(deps.eventWaitMs ?? 600);
        // Only the format and note writes (B2, C3): value writes always raise onChanged.
        const marks = events.filter((e) => /^(B2|C3)$/.test(e.address.slice(e.address.lastIndexOf('!') + 1)));
        const own = marks.filter((e) => e.triggerSource === 'ThisLocalAddin').length;
        const told = marks.every((e) => e.triggerSource === 'ThisLocalAddin');
        return {
          passed: told || !features.triggerSource,
          detail: `标记写入引起 ${marks.length} 个事件，其中 ${own} 个标明 ThisLocalAddin；开关 eventsForOwnWrites ${marks.length > 0 ? '开' : '关'}`,
        };
      });
      await attempt('pickRaisesNoEvent', '从下拉列表选择是否引发 onChanged（office-js #420）', () =>
        checkPickEvent({ sheet, sheetName: name, context, counter, events, prompt: deps.options?.prompt, waitMs: deps.options?.userWaitMs ?? USER_WAIT_MS }),
      );
      await attempt('requestPayloadLimit', '一次写入请求的大小上限（Excel 网页版 5 MB）', () => checkRequestPayload(sheet, context, counter));
      handler.remove();
      await counter.sync(context);
    } finally {
      sheet.delete();
      await counter.sync(context);
    }
  });

  add(
    'undoTier',
    '撤消记录（ExcelApi 1.20）',
    true,
    features.undoSafeWrites ? '支持：本助手的写入进入撤消记录，Ctrl+Z 先撤消本助手的标记' : '不支持：本助手的每次写入都会清空 Excel 的撤消记录，因此默认只在“全部检查”“标记问题”时写标记',
  );

  const diagnostics = deps.diagnostics ?? {};
  const environment = `${diagnostics.host ?? 'Excel'} ${diagnostics.version ?? '版本未知'}（${diagnostics.platform ?? '平台未知'}）`;
  const requirementSets = `ExcelApi 最高 ${highestExcelApi(deps.requirements)}；可用功能：${FEATURE_NAMES.filter((f) => features[f]).map((f) => `${f}（${FEATURE_SPECS[f].excelApi}）`).join('、') || '无'}`;
  const lines = [
    'jixiao 自检报告',
    `环境：${environment}`,
    `要求集：${requirementSets}`,
    ...checks.map((c) => `${c.notTried ? '未试验' : c.passed ? '通过' : '失败'}  ${c.name}  ${c.label}：${c.detail}`),
  ];
  return { environment, requirementSets, checks, text: lines.join('\n') };
}
