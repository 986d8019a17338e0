/**
 * An in-memory Excel for tests and browser tests: the parts of Office.js the jixiao adapter uses, with
 * Office's proxy semantics kept — writes are queued and applied at `context.sync()`, a property read
 * before it was loaded and synced throws, every sync is counted, APIs above the configured ExcelApi
 * version throw as they do in an older Excel. Pure browser-compatible TypeScript (no Node imports).
 *
 * The workbook model, split by concern into the modules below; this one keeps the single import path the
 * facade, the WPS double and tests use.
 */
export * from './errors';
export * from './addresses';
export * from './sheetState';
export * from './syncWrites';
export * from './behaviours';
export * from './rowMoves';
export * from './workbookState';
