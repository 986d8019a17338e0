// The Excel double's snapshot of a sheet: a deep, JSON-comparable copy for assertions.
import { columnName, toA1 } from '../../../src/core/sheet/address';
import { cloneSheet, keyPosition, rectAddress } from './model';
import type { CellState, ConditionalFormatState, NoteState, PageLayoutState, ValidationState, WorkbookState } from './model';

export interface SheetSnapshot {
  name: string;
  cells: Record<string, CellState>;
  merges: string[];
  validations: { range: string; rule: unknown; prompt: ValidationState['prompt']; errorAlert: unknown }[];
  conditionalFormats: { range: string; type: string; formula: string | null; fill: string | null; borders: ConditionalFormatState['borders'] }[];
  notes: Record<string, NoteState>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  pageLayout: PageLayoutState;
}

export function sheetSnapshot(state: WorkbookState, name: string): SheetSnapshot {
  const sheet = state.sheet(name);
  const s = cloneSheet(sheet);
  const keyed = <T>(entries: Iterable<[string, T]>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [key, v] of entries) {
      const { r, c } = keyPosition(key);
      out[toA1(r, c)] = v;
    }
    return out;
  };
  return {
    name: s.name,
    cells: keyed([...s.cells].sort()),
    merges: s.merges.map(rectAddress).sort(),
    validations: s.validations.map((v) => ({ range: rectAddress(v.rect), rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert })),
    conditionalFormats: s.conditionalFormats.map((cf) => ({ range: rectAddress(cf.rect), type: cf.type, formula: cf.formula, fill: cf.fill, borders: cf.borders })),
    notes: keyed(s.notes),
    columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [columnName(c), w])),
    rowHeights: Object.fromEntries([...s.rowHeights].map(([r, h]) => [String(r + 1), h])),
    pageLayout: s.pageLayout,
  };
}
