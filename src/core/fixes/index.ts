// Quick fixes (一键修正) as data: computed by the rules, applied by the user's click.
export { applyFixToGrid } from './applyToGrid';
export { combineFixes, combineFixesDetailed, type CombinedFixes } from './combine';
export { indicatorRowsFix, describeInsert, sheetRowOf, type IndicatorRowsOptions, type IndicatorRowsResult, type NewIndicatorRow } from './indicatorRows';
