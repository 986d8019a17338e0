// The Excel double's request context: what Excel.run hands the add-in — commands queued and applied at
// sync, round trips and request/response sizes counted, the requirement-set gate.
import { DoubleOfficeError, WorkbookState, rectAddress, syncWrites, unionRect, versionAtLeast } from './model';
import type { RealExcelBehaviours, Rect } from './model';
import { WorkbookProxy } from './workbook';

export type Op = () => void;

/** What the add-in sent Excel: round trips, and queued commands (loads, writes, proxies made at sync). */
export interface RequestTraffic {
  syncs: number;
  commands: number;
  /** Syncs Excel refused whole as too large (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). */
  refused: number;
  /** The largest request accepted, in bytes (counted only under requestPayloadLimit). */
  largestRequest: number;
}

/**
 * Bytes a queued command costs in the request besides its data: Office.js sends each as a JSON action
 * naming its object path and method (the framing is not documented; 100 bytes is a round guess).
 */
export const COMMAND_BYTES = 100;

export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** Excel.RunOptions, as far as the double reads them. */
export interface DoubleRunOptions {
  delayForCellEdit?: boolean;
  /** ExcelApi 1.20: the batch's writes are one undo step. */
  mergeUndoGroup?: boolean;
}

/** What the double's context needs to know of the switched-on behaviours and the user's edit mode. */
export interface Behaviour {
  real: RealExcelBehaviours;
  /** Set while the user is in cell-edit mode; resolves when the edit ends. */
  cellEdit: Promise<void> | null;
}

export class DoubleRequestContext {
  readonly queue: Op[] = [];
  /** Value writes of this batch, announced as change events once the sync is done. */
  readonly editedSheets = new Map<string, Rect>();
  /** Format and note writes of this batch (announced only under eventsForOwnWrites). */
  readonly formattedSheets = new Map<string, Rect>();
  /** Rows the batch inserted, announced as RowInserted once the sync is done. */
  readonly insertedRows: { sheetId: string; rect: Rect }[] = [];
  readonly workbook: WorkbookProxy;
  delayForCellEdit = false;
  mergeUndoGroup = false;
  /** Bytes loaded in the running sync (for the response payload limit). */
  responseBytes = 0;
  /** Bytes of the commands queued since the last sync (for the request payload limit). */
  requestBytes = 0;
  constructor(
    readonly state: WorkbookState,
    readonly api: ApiGate,
    private readonly traffic: RequestTraffic,
    readonly behaviour: Behaviour,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  get real(): RealExcelBehaviours {
    return this.behaviour.real;
  }

  /** Counts what a load hands back against the response payload limit. */
  countResponse(value: unknown): void {
    if (this.real.responsePayloadLimit === undefined) return;
    this.responseBytes += jsonBytes(value);
  }

  noteFormatWrite(sheetId: string, rect: Rect): void {
    const prev = this.formattedSheets.get(sheetId);
    this.formattedSheets.set(sheetId, prev ? unionRect(prev, rect) : rect);
  }

  /** Queues a command; `payload` is the data it carries (values, a formula, a note's text) for the request limit. */
  enqueue(op: Op, payload?: unknown): void {
    this.traffic.commands++;
    if (this.real.requestPayloadLimit !== undefined) this.requestBytes += COMMAND_BYTES + (payload === undefined ? 0 : jsonBytes(payload));
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    this.traffic.syncs++;
    const ops = this.queue.splice(0);
    const requestBytes = this.requestBytes;
    this.requestBytes = 0;
    const editing = this.behaviour.cellEdit;
    if (editing && this.delayForCellEdit) await editing;
    else if (editing) throw new DoubleOfficeError('InvalidOperationInCellEditMode', 'Excel 正处于单元格编辑模式');
    // A request over the limit is refused whole, before any of its commands runs (its queue is gone).
    const requestLimit = this.real.requestPayloadLimit;
    if (requestLimit !== undefined && requestBytes > requestLimit) {
      this.traffic.refused++;
      throw new DoubleOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} > ${requestLimit} bytes).`);
    }
    this.traffic.largestRequest = Math.max(this.traffic.largestRequest, requestBytes);
    this.responseBytes = 0;
    const triggerSource = this.api.supports('1.14') ? ('ThisLocalAddin' as const) : undefined;
    const announce = (sheets: Map<string, Rect>) => {
      for (const [sheetId, rect] of sheets) {
        this.state.emitChanged({ type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: sheetId, address: rectAddress(rect), ...(triggerSource ? { triggerSource } : {}) });
      }
      sheets.clear();
    };
    syncWrites.sheets = new Map();
    syncWrites.workbook = false;
    try {
      for (const op of ops) op();
      const limit = this.real.responsePayloadLimit;
      if (limit !== undefined && this.responseBytes > limit) {
        this.traffic.refused++;
        throw new DoubleOfficeError('ResponsePayloadSizeLimitExceeded', `响应 ${this.responseBytes} 字节，超过 ${limit} 字节`);
      }
    } finally {
      const written = syncWrites.sheets;
      const wroteWorkbook = syncWrites.workbook;
      syncWrites.sheets = null;
      syncWrites.workbook = false;
      if (written.size > 0 || wroteWorkbook) this.state.addinWrote(written, this.api.supports('1.20'), this.mergeUndoGroup && this.api.supports('1.20') ? this : null);
      for (const { sheetId, rect } of this.insertedRows.splice(0)) {
        this.state.emitChanged({ type: 'WorksheetChanged', changeType: 'RowInserted', source: 'Local', worksheetId: sheetId, address: `${rect.r1 + 1}:${rect.r2 + 1}`, ...(triggerSource ? { triggerSource } : {}) });
      }
      announce(this.editedSheets);
      if (this.real.eventsForOwnWrites) announce(this.formattedSheets);
      this.formattedSheets.clear();
    }
    await Promise.resolve();
  }
}

export class ApiGate {
  constructor(private readonly max: string) {}
  supports(version: string): boolean {
    return versionAtLeast(this.max, version);
  }
  require(version: string, what: string): void {
    if (!this.supports(version)) throw new DoubleOfficeError('ApiNotFound', `${what} 需要 ExcelApi ${version}，本 Excel 只支持到 ${this.max}`);
  }
}
