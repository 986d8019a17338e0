// What a host remembers between checks of a sheet: only hints that save round trips.

/**
 * Where notes were at the last check, by worksheet id: only a hint that saves a round trip. Each read
 * probes these cells and counts the sheet's notes; when the two differ, every note is located.
 */
export class MarkMemory {
  private readonly noteCells = new Map<string, Set<string>>();

  notesOf(sheetId: string): Set<string> {
    return this.noteCells.get(sheetId) ?? new Set();
  }

  rememberNotes(sheetId: string, cells: Iterable<string>): void {
    this.noteCells.set(sheetId, new Set(cells));
  }

  /** Cells where Excel refused a note (a threaded comment is there): their issue stays in the pane only. */
  private readonly refused = new Map<string, Set<string>>();

  refusedNotes(sheetId: string): Set<string> {
    return this.refused.get(sheetId) ?? new Set();
  }

  refuseNote(sheetId: string, address: string): void {
    const cells = this.refused.get(sheetId) ?? new Set<string>();
    cells.add(address);
    this.refused.set(sheetId, cells);
  }

  /** Rows, columns or cells moved: the notes moved with them. */
  cellsMoved(sheetId: string): void {
    this.noteCells.delete(sheetId);
    this.refused.delete(sheetId);
  }

  forget(sheetId: string): void {
    this.noteCells.delete(sheetId);
    this.refused.delete(sheetId);
  }
}
