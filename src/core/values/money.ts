import type { AmountUnit } from '../model';

/** Size of each money unit in 元. 千元, 百万元 and 千万元 appear in values although a table's unit is never one. */
export const MONEY_UNIT_FACTORS: Readonly<Record<string, number>> = {
  元: 1,
  千元: 1e3,
  万元: 1e4,
  百万元: 1e6,
  千万元: 1e7,
  亿元: 1e8,
};

export function isMoneyUnit(unit: string): boolean {
  return Object.prototype.hasOwnProperty.call(MONEY_UNIT_FACTORS, unit);
}

/**
 * Removes the float noise arithmetic leaves in a value read from text: a power-of-ten conversion
 * (291.2 × 10000 = 2912000.0000000005) or a product such as 7*24.
 */
export function withoutFloatNoise(value: number): number {
  return Number.isFinite(value) ? Number.parseFloat(value.toPrecision(15)) : value;
}

/**
 * Converts an amount between money units (`convertMoney(2910000, '元', '万元')` → 291).
 * Returns null when `from` is not a money unit.
 */
export function convertMoney(amount: number, from: AmountUnit | string, to: AmountUnit): number | null {
  const fromFactor = MONEY_UNIT_FACTORS[from];
  const toFactor = MONEY_UNIT_FACTORS[to];
  if (fromFactor === undefined || toFactor === undefined) return null;
  if (fromFactor === toFactor) return amount;
  // Multiply or divide by an exact power of ten rather than by a fractional ratio, to keep digits exact.
  const result = fromFactor > toFactor ? amount * (fromFactor / toFactor) : amount / (toFactor / fromFactor);
  return withoutFloatNoise(result);
}

/** `万元/年`, `元/年度`: money a year. On a one-year budget it is the year's total, not a unit cost. */
export function yearlyMoneyUnit(unit: string | null): string | null {
  const match = unit === null ? null : /^(.+)\/(?:年|年度|每年)$/.exec(unit);
  return match && isMoneyUnit(match[1]) ? match[1] : null;
}
