// The in-memory Excel the adapter tests run against: a workbook model (test/support/excel/model.ts) and
// its Office.js facade (test/support/excel/facade.ts and the proxies beside it, one file per concern).
// This module keeps the one import path tests use.
export * from './excel/model';
export * from './excel/facade';
