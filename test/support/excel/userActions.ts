// The Excel double's user: what a clerk does in Excel (types, picks from a list, inserts and deletes rows,
// merges, protects, adds a threaded comment, presses Ctrl+Z), each raising the events Excel raises.
import { columnName } from '../../../src/core/sheet/address';
import { cellKey, cloneSheet, insertSheetRows, moveCells, parsePoint, parseRect, rectAddress, shiftSheetRows } from './model';
import type { ChangedEvent, DataChangeType, SheetState, WorkbookState } from './model';
import { cellAt, enterValue } from './cells';
import type { ApiGate, Behaviour } from './context';
import type { ExcelDouble } from './facade';

/** The double's methods that act as the user. */
export type UserActions = Pick<ExcelDouble, 'userSelect' | 'userEdit' | 'userDeleteRows' | 'userInsertRows' | 'userInsertColumns' | 'userDeleteColumns' | 'userInsertCells' | 'userDeleteCells' | 'userPickFromList' | 'recalculate' | 'userAddThreadedComment' | 'userAddTable' | 'userSetAutoFilter' | 'userMerge' | 'userActivate' | 'userAddSheet' | 'userDeleteSheet' | 'userProtectSheet' | 'userProtectWorkbook' | 'userSetNote' | 'userSetFill' | 'userAddConditionalFormat' | 'undo' | 'undoDepth' | 'undoUserAction'>;

export function createUserActions(state: WorkbookState, behaviour: Behaviour, api: ApiGate): UserActions {
  const undoStack = state.undoStack;
  /** Under cellEditMode, the user keeps editing (the next cell) for a while after each edit. */
  const holdCellEdit = (): void => {
    if (!behaviour.real.cellEditMode) return;
    let end: () => void = () => undefined;
    const editing = new Promise<void>((resolve) => {
      end = resolve;
    });
    behaviour.cellEdit = editing;
    setTimeout(() => {
      if (behaviour.cellEdit === editing) behaviour.cellEdit = null;
      end();
    }, behaviour.real.cellEditMs ?? 150);
  };

  /** A user's change as Excel reports it: triggerSource Unknown from ExcelApi 1.14, absent below. */
  const userEvent = (changeType: DataChangeType, source: 'Local' | 'Remote', worksheetId: string, address: string): ChangedEvent => ({
    type: 'WorksheetChanged',
    changeType,
    source,
    worksheetId,
    address,
    ...(api.supports('1.14') ? { triggerSource: 'Unknown' as const } : {}),
  });

  const userChange = (sheetName: string, inverse: DataChangeType, address: string, change: (sheet: SheetState) => DataChangeType, source: 'Local' | 'Remote'): void => {
    const sheet = state.sheet(sheetName);
    // Excel lets nobody edit a protected sheet's (locked) cells; a test doing so is wrong.
    if (sheet.protected) throw new Error(`工作表受保护，用户不能编辑：${sheetName}`);
    undoStack.push({ kind: 'user', sheetId: sheet.id, before: cloneSheet(sheet), inverse, address });
    const changeType = change(sheet);
    state.emitChanged(userEvent(changeType, source, sheet.id, address));
    if (source === 'Local') holdCellEdit();
  };

  const actions: UserActions = {
      userSelect: (sheetName, address) => {
        const sheet = state.sheet(sheetName);
        state.activeSheetId = sheet.id;
        state.selection = { sheetId: sheet.id, address: rectAddress(parseRect(address)) };
      },
      userEdit: (sheetName, address, value, source = 'Local') =>
        userChange(sheetName, 'RangeEdited', address, (sheet) => {
          const rect = parseRect(address);
          enterValue(cellAt(sheet, rect.r1, rect.c1), value);
          return 'RangeEdited';
        }, source),
      userDeleteRows: (sheetName, firstRow, count, source = 'Local') =>
        userChange(sheetName, 'RowInserted', `${firstRow}:${firstRow + count - 1}`, (sheet) => {
          shiftSheetRows(sheet, firstRow - 1, count, false);
          return 'RowDeleted';
        }, source),
      userInsertRows: (sheetName, beforeRow, count, source = 'Local') =>
        userChange(sheetName, 'RowDeleted', `${beforeRow}:${beforeRow + count - 1}`, (sheet) => {
          insertSheetRows(sheet, beforeRow - 1, count, behaviour.real.insertTakesRowAbove === true);
          return 'RowInserted';
        }, source),
      userInsertColumns: (sheetName, beforeColumn, count, source = 'Local') => {
        const first = parsePoint(`${beforeColumn}1`).c;
        userChange(sheetName, 'ColumnDeleted', `${beforeColumn}:${columnName(first + count - 1)}`, (sheet) => {
          moveCells(sheet, (r, c) => ({ r, c: c >= first ? c + count : c }));
          return 'ColumnInserted';
        }, source);
      },
      userDeleteColumns: (sheetName, firstColumn, count, source = 'Local') => {
        const first = parsePoint(`${firstColumn}1`).c;
        userChange(sheetName, 'ColumnInserted', `${firstColumn}:${columnName(first + count - 1)}`, (sheet) => {
          moveCells(sheet, (r, c) => (c < first ? { r, c } : c < first + count ? null : { r, c: c - count }));
          return 'ColumnDeleted';
        }, source);
      },
      userInsertCells: (sheetName, range, shift, source = 'Local') => {
        const at = parseRect(range);
        userChange(sheetName, 'CellDeleted', range, (sheet) => {
          const rows = at.r2 - at.r1 + 1;
          const cols = at.c2 - at.c1 + 1;
          moveCells(sheet, (r, c) =>
            shift === 'Down' ? (c >= at.c1 && c <= at.c2 && r >= at.r1 ? { r: r + rows, c } : { r, c }) : r >= at.r1 && r <= at.r2 && c >= at.c1 ? { r, c: c + cols } : { r, c },
          );
          return 'CellInserted';
        }, source);
      },
      userDeleteCells: (sheetName, range, shift, source = 'Local') => {
        const at = parseRect(range);
        userChange(sheetName, 'CellInserted', range, (sheet) => {
          const rows = at.r2 - at.r1 + 1;
          const cols = at.c2 - at.c1 + 1;
          moveCells(sheet, (r, c) => {
            const inside = r >= at.r1 && r <= at.r2 && c >= at.c1 && c <= at.c2;
            if (inside) return null;
            if (shift === 'Up') return c >= at.c1 && c <= at.c2 && r > at.r2 ? { r: r - rows, c } : { r, c };
            return r >= at.r1 && r <= at.r2 && c > at.c2 ? { r, c: c - cols } : { r, c };
          });
          return 'CellDeleted';
        }, source);
      },
      userPickFromList: (sheetName, address, value) => {
        if (!behaviour.real.pickRaisesNoEvent) {
          actions.userEdit(sheetName, address, value);
          return;
        }
        const sheet = state.sheet(sheetName);
        undoStack.push({ kind: 'user', sheetId: sheet.id, before: cloneSheet(sheet), inverse: 'RangeEdited', address });
        const rect = parseRect(address);
        enterValue(cellAt(sheet, rect.r1, rect.c1), value);
      },
      recalculate: (sheetName, address, value) => {
        const sheet = state.sheet(sheetName);
        const rect = parseRect(address);
        cellAt(sheet, rect.r1, rect.c1).value = value;
        state.emitSheet(state.calculatedHandlers, { type: 'WorksheetCalculated', source: 'Local', worksheetId: sheet.id });
      },
      userAddThreadedComment: (sheetName, address) => {
        const sheet = state.sheet(sheetName);
        const rect = parseRect(address);
        (sheet.threadedComments ??= new Set()).add(cellKey(rect.r1, rect.c1));
      },
      userAddTable: (sheetName, range, name) => {
        const sheet = state.sheet(sheetName);
        (sheet.tables ??= []).push({ name: name ?? `表${(sheet.tables?.length ?? 0) + 1}`, rect: parseRect(range) });
      },
      userSetAutoFilter: (sheetName, range) => {
        state.sheet(sheetName).autoFilter = range ? parseRect(range) : null;
      },
      userMerge: (sheetName, range) => {
        state.sheet(sheetName).merges.push(parseRect(range));
      },
      userActivate: (sheetName) => {
        const sheet = state.sheet(sheetName);
        state.activeSheetId = sheet.id;
        state.emitSheet(state.activatedHandlers, { type: 'WorksheetActivated', source: 'Local', worksheetId: sheet.id });
      },
      userAddSheet: (name) => {
        if (state.structureProtected) throw new Error('工作簿结构受保护，用户不能添加工作表');
        const sheet = state.addSheet(name);
        state.emitSheet(state.addedHandlers, { type: 'WorksheetAdded', source: 'Local', worksheetId: sheet.id });
      },
      userDeleteSheet: (name) => {
        if (state.structureProtected) throw new Error('工作簿结构受保护，用户不能删除工作表');
        state.removeSheet(state.sheet(name));
      },
      userProtectSheet: (name, isProtected) => state.setSheetProtected(state.sheet(name), isProtected),
      userProtectWorkbook: (isProtected) => {
        state.structureProtected = isProtected;
      },
      userSetNote: (sheetName, address, content) => {
        const rect = parseRect(address);
        state.sheet(sheetName).notes.set(cellKey(rect.r1, rect.c1), { content, authorName: '用户' });
      },
      userSetFill: (sheetName, address, color) => {
        const rect = parseRect(address);
        cellAt(state.sheet(sheetName), rect.r1, rect.c1).format.fill = color.toUpperCase();
      },
      userAddConditionalFormat: (sheetName, range, type, formula, fill) => {
        state.sheet(sheetName).conditionalFormats.push({ id: state.newId('cf'), type, rect: parseRect(range), formula, fill: fill.toUpperCase(), borders: {} });
      },
      undo: () => {
        const last = undoStack.pop();
        if (!last) throw new Error('没有可撤销的操作');
        if (last.kind === 'addin') {
          // Ctrl+Z after an add-in's write (ExcelApi 1.20): its write goes first. Whether undoing formats
          // and notes raises onChanged is not documented; the double raises nothing (as for their writes).
          for (const [sheetId, before] of last.before) {
            const at = state.sheets.findIndex((s) => s.id === sheetId);
            if (at >= 0) state.sheets[at] = before;
          }
          return;
        }
        const index = state.sheets.findIndex((s) => s.id === last.sheetId);
        if (index < 0) throw new Error('要撤销的工作表已删除');
        state.sheets[index] = last.before;
        state.emitChanged(userEvent(last.inverse, 'Local', last.sheetId, last.address));
      },
      undoDepth: () => undoStack.length,
      undoUserAction: () => {
        while (undoStack[undoStack.length - 1]?.kind === 'addin') actions.undo();
        actions.undo();
      },
  };
  return actions;
}
