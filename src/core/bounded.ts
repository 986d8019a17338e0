// Helpers for work bounded whatever the input. Max and min over arrays of any length: `Math.max(...values)`
// puts every element on the stack and throws RangeError past ~125k elements (the lint rule against spread
// arguments points here). Sizes and size limits as people read them.

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

/** `1.5 MB`, `120 KB`, `3 字节`: a size as a person reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

/** Why a file past the size limit is not read: the same sentence in the CLI and on the checker page. */
export function tooLargeMessage(bytes: number | null, maxBytes: number): string {
  const size = bytes === null ? '读取时文件仍在增大，已' : `文件大小 ${formatBytes(bytes)}，`;
  return `${size}超过上限 ${formatBytes(maxBytes)}，不予读取。`;
}
