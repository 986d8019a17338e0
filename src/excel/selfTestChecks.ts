// Two 自检 checks that need more than one write and read: the largest request this Excel accepts
// (requestPayloadLimit) and whether a pick from a drop-down list raises onChanged (pickRaisesNoEvent).
// Each is named as the test double's switch that models it (test/support/excel/behaviours.ts).
import { isPayloadError } from './payload';
import type { SyncCounter } from './syncCounter';

export interface CheckResult {
  passed: boolean;
  detail: string;
  /** The check could not run (it needs the user, who did not act): neither passed nor failed. */
  notTried?: boolean;
}

/** A change Excel reported on the scratch sheet. */
export interface SeenChange {
  address: string;
  changeType?: string;
  source?: string;
  triggerSource?: string;
}

const MB = 1024 * 1024;
/** Characters a cell is filled with (Excel's limit is 32 767 a cell). */
const CELL_TEXT = 'x'.repeat(30_000);
/** Request sizes tried, doubling: Excel on the web's documented limit (5 MB) lies between the last two. */
const TRIED_MB = [1, 2, 4, 8];
/** Halvings of the gap between the largest accepted and the smallest refused size. */
const BISECTIONS = 2;

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.name : String(error);
}

interface Refusal {
  mb: number;
  code: string;
  /** Whether jixiao takes the error for "too large" (and so halves its writes). */
  recognised: boolean;
}

/**
 * requestPayloadLimit: writes requests of growing size (cells of text in column H of the scratch sheet,
 * clear of the other checks) until Excel refuses one or 8 MB go through, then narrows the gap. Passed when
 * nothing is refused, or when the refusal is an error jixiao recognises as too large (src/excel/payload.ts),
 * so its writes are halved; failed when Excel refuses with something else (e.g. GeneralException,
 * office-js-docs-reference #354), as jixiao would then not halve.
 */
export async function checkRequestPayload(sheet: Excel.Worksheet, context: Excel.RequestContext, counter: SyncCounter): Promise<CheckResult> {
  const found: { accepted: number; refused: Refusal | null } = { accepted: 0, refused: null };
  const attempt = async (mb: number): Promise<boolean> => {
    const rows = Math.ceil((mb * MB) / CELL_TEXT.length);
    sheet.getRange(`H1:H${rows}`).values = Array.from({ length: rows }, () => [CELL_TEXT]);
    try {
      await counter.sync(context);
      found.accepted = Math.max(found.accepted, mb);
      return true;
    } catch (error) {
      if (!found.refused || mb < found.refused.mb) found.refused = { mb, code: codeOf(error), recognised: isPayloadError(error) };
      return false;
    }
  };
  for (const mb of TRIED_MB) if (!(await attempt(mb))) break;
  for (let step = 0; step < BISECTIONS && found.refused; step++) await attempt((found.accepted + found.refused.mb) / 2);
  const { accepted, refused } = found;
  if (!refused) return { passed: true, detail: `${TRIED_MB[TRIED_MB.length - 1]} MB 的写入请求也被接受；开关 requestPayloadLimit 关` };
  return {
    passed: refused.recognised,
    detail:
      `被接受的最大请求约 ${accepted} MB，${refused.mb} MB 被拒绝（${refused.code}）；开关 requestPayloadLimit 开` +
      (refused.recognised ? '，本助手会把写入分批' : '。本助手认不出这个错误是“请求过大”，写入不会自动分批：请把报告发给维护人员'),
  };
}

export interface PickCheckDeps {
  sheet: Excel.Worksheet;
  sheetName: string;
  context: Excel.RequestContext;
  counter: SyncCounter;
  /** Changes Excel has reported on the scratch sheet so far (its onChanged handler appends). */
  events: SeenChange[];
  /** Tells the user what to do (null: done); absent: nobody to ask, the check is not tried. */
  prompt?: (message: string | null) => void;
  waitMs: number;
}

const PICK_CELL = 'E2';
const PICK_VALUE = '是';
const POLL_MS = 300;
/** How long an event may trail the value it reports. */
const EVENT_GRACE_MS = 1000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * pickRaisesNoEvent: a drop-down list on the scratch sheet, the user asked to pick from it; then whether
 * onChanged came, with which changeType and source, or only the value changed (office-js #420).
 */
export async function checkPickEvent(deps: PickCheckDeps): Promise<CheckResult> {
  const { sheet, context, counter, events, prompt } = deps;
  if (!prompt) return { passed: true, notTried: true, detail: '需要用户从下拉列表中选择，此次未试验' };
  const cell = sheet.getRange(PICK_CELL);
  cell.dataValidation.rule = { list: { inCellDropDown: true, source: `${PICK_VALUE},否` } };
  sheet.activate();
  cell.select();
  await counter.sync(context);
  const before = events.length;
  const picked = () => events.slice(before).find((e) => e.address.slice(e.address.lastIndexOf('!') + 1) === PICK_CELL && e.triggerSource !== 'ThisLocalAddin');
  const seconds = Math.round(deps.waitMs / 1000);
  prompt(`自检：请在工作表“${deps.sheetName}”的 ${PICK_CELL} 单元格点下拉箭头，选择“${PICK_VALUE}”（${seconds} 秒内）。`);
  try {
    let valueSeenAt: number | null = null;
    for (const start = Date.now(); Date.now() - start < deps.waitMs || valueSeenAt !== null; ) {
      const event = picked();
      if (event) {
        return { passed: true, detail: `选择后 onChanged 到达：changeType ${event.changeType ?? '无'}，source ${event.source ?? '无'}，triggerSource ${event.triggerSource ?? '无'}；开关 pickRaisesNoEvent 关` };
      }
      if (valueSeenAt !== null && Date.now() - valueSeenAt > EVENT_GRACE_MS) {
        return { passed: true, detail: `单元格已变为“${PICK_VALUE}”，但没有 onChanged；开关 pickRaisesNoEvent 开（本助手在切换工作表和重新计算时补查）` };
      }
      if (valueSeenAt === null) {
        cell.load('values');
        await counter.sync(context);
        if (String(cell.values[0]?.[0] ?? '') !== '') valueSeenAt = Date.now();
      }
      await sleep(POLL_MS);
    }
    return { passed: true, notTried: true, detail: `${seconds} 秒内没有选择，未能判断` };
  } finally {
    prompt(null);
  }
}
