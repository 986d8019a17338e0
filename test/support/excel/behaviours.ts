// How the Excel double is set up: the real-Excel behaviours it can be switched to (each citing Microsoft's
// documentation or a known issue), the requirement-set version, and the workbook it starts with.
import type { ExcelDouble } from './facade';
import type { WorkbookState } from './workbookState';

/**
 * Behaviours Microsoft documents for real Excel where the double's defaults are kinder. Each can be
 * switched on alone; the adapter must work under every combination (test/excel/realExcel.test.ts).
 */
export interface RealExcelBehaviours {
  /**
   * `ConditionalFormat.id` is the format's priority, its position in the collection, and
   * `ConditionalFormatCollection.add` puts the new format first (learn.microsoft.com/javascript/api/excel/
   * excel.conditionalformat#excel-excel-conditionalformat-id: "The priority of the conditional format in
   * the current ConditionalFormatCollection"; excel.conditionalformatcollection#add: "Adds a new
   * conditional format to the collection at the first/top priority"). `getItem(id)` and a loaded item
   * address the format at that position when the command runs, so deleting one shifts the rest.
   */
  formatIdsArePositions?: boolean;
  /**
   * Formulas and note text handed back as Excel spells them, not as written: a conditional format's
   * formula with a space after each argument separator, a note's text with CRLF line endings and the
   * author's line in front (how a note is stored in the file, ECMA-376 §18.7.3 `<comment>`'s first run).
   * Neither form is documented for Office.js; the adapter must recognise its marks either way.
   */
  normalisesText?: boolean;
  /**
   * After each edit the user stays in cell-edit mode (typing in the next cell) for `cellEditMs`: a batch
   * run without `delayForCellEdit` then fails with InvalidOperationInCellEditMode, one run with it waits
   * until the edit ends (learn.microsoft.com/javascript/api/excel/excel.runoptions; Excel.ErrorCodes).
   */
  cellEditMode?: boolean;
  cellEditMs?: number;
  /**
   * The add-in's own writes of conditional formats and notes raise worksheet onChanged too, with
   * `triggerSource` ThisLocalAddin from ExcelApi 1.14 (learn.microsoft.com/javascript/api/excel/
   * excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource). Whether format
   * writes raise onChanged at all is not documented.
   */
  eventsForOwnWrites?: boolean;
  /**
   * Bytes one sync's response may carry: Excel on the web refuses more than 5 MB with
   * ResponsePayloadSizeLimitExceeded (learn.microsoft.com/office/dev/add-ins/concepts/
   * resource-limits-and-performance-optimization#excel-add-ins). Unlimited when unset.
   */
  responsePayloadLimit?: number;
  /**
   * Bytes one sync's request may carry (the queued commands and the data they write): Excel on the web
   * refuses a request above 5 MB whole, with RequestPayloadSizeLimitExceeded ("This error occurs in Excel
   * on the web": learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling, error table,
   * added by office-js-docs-pr #2278; "Excel on the web has a payload size limit for requests and responses
   * of 5MB": learn.microsoft.com/office/dev/add-ins/excel/performance; speckle-excel #9 quotes the error).
   * Nothing of a refused request is applied. Unlimited when unset. The 自检 check of the same name finds
   * the largest request this Excel accepts.
   */
  requestPayloadLimit?: number;
  /**
   * Rows inserted by `Range.insert` take what the row above carries, as Excel's own Insert does by default
   * ("Format Same As Above", support.microsoft.com "Insert or delete rows and columns"; VBA `Range.Insert`
   * CopyOrigin defaults to xlFormatFromLeftOrAbove): its cell formats, its one-row merges, and the data
   * validation and conditional formats that end on it (Excel extends them into the new rows, as ClosedXML
   * #1046, exceljs #2793 and EPPlus #1512 report of Excel). Off: the new rows are blank and only ranges that
   * span the insertion point grow. Office.js documents neither for `Range.insert`.
   */
  insertTakesRowAbove?: boolean;
  /**
   * Picking a value from a list-validation drop-down raises no onChanged (office-js #420, open since 2017).
   * The 自检 check of the same name tells whether this Excel does so.
   */
  pickRaisesNoEvent?: boolean;
}

export interface ExcelDoubleOptions {
  /** Real-Excel behaviours switched on (all off by default). */
  real?: RealExcelBehaviours;
  /** Highest ExcelApi requirement set this Excel supports, e.g. `1.8`; default `1.18`. */
  maxExcelApi?: string;
  /** Names of sheets the workbook starts with; default one sheet `Sheet1`. */
  sheets?: string[];
  /** Initial Office.Settings of this add-in (stored per add-in Id: learn.microsoft.com/javascript/api/office/office.settings). */
  settings?: Record<string, unknown>;
  /**
   * A second add-in (another Id, e.g. the finance bureau's deployment) in the same workbook: it shares
   * the sheets, events, undo stack and custom properties, and has Office.Settings of its own.
   */
  sharedWith?: ExcelDouble;
  /** Initial custom document properties (key → value). */
  customProperties?: Record<string, string>;
  /**
   * A workbook another double already holds (a WPS double's, test/support/wps): this Excel opens the same
   * sheets, marks and custom properties, as a file passed between an Excel user and a WPS user carries them.
   */
  workbook?: WorkbookState;
}

/** Whether requirement set `max` reaches `wanted`, compared as numbers (1.10 is above 1.9). */
export function versionAtLeast(max: string, wanted: string): boolean {
  const [a1v, a2v = 0] = max.split('.').map(Number);
  const [b1v, b2v = 0] = wanted.split('.').map(Number);
  return a1v > b1v || (a1v === b1v && a2v >= b2v);
}
