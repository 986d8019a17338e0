// Max and min over arrays of any length. `Math.max(...values)` puts every element on the stack and
// throws RangeError past ~125k elements; the lint rule against spread arguments points here.

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty: number): number {
  let max: number | null = null;
  for (const value of values) if (max === null || value > max) max = value;
  return max ?? empty;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty: number): number {
  let min: number | null = null;
  for (const value of values) if (min === null || value < min) min = value;
  return min ?? empty;
}
