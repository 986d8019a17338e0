// The error lives in the core now (src/core/marking/protection.ts), shared with the WPS host; here for this
// module's importers.
export { MarksKeptOnProtectedSheetsError } from '../core/marking/protection';
