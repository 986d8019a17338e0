// Bundled as excel-double.js for the browser tests and served in place of office.js: puts E's
// in-memory Excel on window before the task pane starts. A test may set window.__excelDoubleOptions
// (addInitScript) first, e.g. an old ExcelApi version to see the pane's error message.
import { installExcelDouble, type ExcelDouble, type ExcelDoubleOptions } from '../../support/excelDouble';

declare global {
  interface Window {
    __excelDoubleOptions?: ExcelDoubleOptions;
    __excelDouble?: ExcelDouble;
  }
}

window.__excelDouble = installExcelDouble(window, window.__excelDoubleOptions ?? {});
