// What reading one workbook may cost at most. Past a limit that file gets a clear Chinese error
// (WorkbookReadError reason 'too-large') and the other files of a batch are still checked.
// Every limit is checked before the allocation it guards, never after.

export interface ReadLimits {
  /** Bytes of the file as stored. */
  maxFileBytes: number;
  /** Bytes of all parts once decompressed, counted while inflating (zip bombs). */
  maxInflatedBytes: number;
  /** Cells holding a value, over all sheets (empty styled cells do not count). */
  maxCells: number;
  /** Rows holding a value, on one sheet. */
  maxRows: number;
  /** Merged areas on one sheet (their size costs nothing: merges are never expanded cell by cell). */
  maxMerges: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxCells: 3_000_000,
  maxRows: 500_000,
  maxMerges: 100_000,
});
