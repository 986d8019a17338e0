// An amount cell as the reader and the seed parser read it, apart from the sheet reader so that parsing
// the template library (the task pane's first paint) does not load the reader.
import type { AmountUnit } from '../model';
import type { CellValue } from './types';
import { compactText, convertMoney } from '../values';

/** `￥120.00`, `¥120`, `RMB 120`: the currency is the table's. */
const CURRENCY_SIGN = /^(?:[￥¥]|RMB|人民币)/i;
const NIL_DASH = /^[-－—–]{1,2}$/;

/**
 * `292.00`, `￥120.00`, `292万元`, `2,920,000元`, `250万`, `≤400万`, a number cell → the amount in the table's unit;
 * null if none; a dash alone is nil (0).
 */
export function readAmount(value: CellValue, tableUnit: AmountUnit): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  // A remark in brackets after the amount (`6923.3552万元（其中：上级财政资金…）`) is not part of it.
  const text = compactText(value).replace(/,/g, '').replace(/^([^()\d]*\d[^()]*)\(.*\)$/, '$1').replace(CURRENCY_SIGN, '');
  // A published money column prints nothing as a dash.
  if (NIL_DASH.test(text)) return 0;
  const match = /^(?:[≤<＜≦]=?|<=|不超过|不高于|约)?([+-]?\d+(?:\.\d+)?)(\D*)$/.exec(text);
  if (!match) return null;
  // `250万` is 万元; convertMoney answers null for a unit that is not money.
  const unit = match[2] === '万' || match[2] === '亿' ? `${match[2]}元` : match[2];
  return convertMoney(Number(match[1]), unit || tableUnit, tableUnit);
}

