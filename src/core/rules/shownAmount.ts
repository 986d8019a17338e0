// Issue #26: an amount cell whose number format shows another amount than it stores (`0!.0000` shows
// 1000000 as 100.0000) is read as shown; a message naming that amount names the stored value as well,
// so the reviewer sees why the cell and the formula bar disagree.
import type { ShownAndStored, SheetTable } from '../sheet/types';

type AmountField = keyof NonNullable<SheetTable['amountStored']>;

/** `100万元`, or `100万元（单元格显示为 100.0000，存储值为 1000000）` when the cell stores another amount. */
export function withStoredValue(amountText: string, stored: ShownAndStored | undefined): string {
  return stored ? `${amountText}（单元格显示为 ${stored.shown}，存储值为 ${stored.stored}）` : amountText;
}

/** withStoredValue for one of the budget fields of a sheet. */
export function fieldAsShown(sheet: SheetTable, field: AmountField, amountText: string): string {
  return withStoredValue(amountText, sheet.amountStored?.[field]);
}
