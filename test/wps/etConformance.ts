// Type-only: the narrow WPS types the host uses (src/wps/et.ts) are satisfied by et-jsapi-declare's
// declarations of WPS 表格's object model (Kingsoft's, used as published: its licence forbids changes),
// so the host calls nothing WPS does not declare; and the double (test/support/wps) implements the
// same narrow types. Checked by `tsc -p tsconfig.json`; nothing here runs.
/// <reference types="et-jsapi-declare" />
import type * as Narrow from '../../src/wps/et';
import type { EtDouble } from '../support/wps/etDouble';

/** Compiles only when T is assignable to U. */
type Satisfies<T extends U, U> = T;

export type Conformance = [
  Satisfies<Et.Range, Narrow.EtRange>,
  Satisfies<Et.Worksheet, Narrow.EtWorksheet>,
  Satisfies<Et.Sheets, Narrow.EtSheets>,
  Satisfies<Et.Workbook, Narrow.EtWorkbook>,
  Satisfies<Et.FormatCondition, Narrow.EtFormatCondition>,
  Satisfies<Et.FormatConditions, Narrow.EtFormatConditions>,
  Satisfies<Et.Comment, Narrow.EtComment>,
  Satisfies<Et.Comments, Narrow.EtComments>,
  Satisfies<Et.Validation, Narrow.EtValidation>,
  Satisfies<Et.PageSetup, Narrow.EtPageSetup>,
  Satisfies<Et.Border, Narrow.EtBorder>,
  Satisfies<Et.Borders, Narrow.EtBorders>,
  Satisfies<Kso.DocumentProperties, Narrow.EtDocumentProperties>,
  Satisfies<Kso.DocumentProperty, Narrow.EtDocumentProperty>,
  Satisfies<Et.Application, Omit<Narrow.EtApplication, 'ApiEvent'>>,
  // The pane's `window.Application`: WPS's merged root, events included.
  Satisfies<WPSMergedRoot, Narrow.EtApplication>,
  Satisfies<EtDouble['Application'], Narrow.EtApplication>,
];
