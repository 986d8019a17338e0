// The Excel double's errors: what Office.js raises (OfficeExtension.Error's code and debugInfo).

/** The error Office.js raises; `code` and `debugInfo.errorLocation` as in OfficeExtension.Error. */
export class DoubleOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(`${code}: ${message}`);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** What Excel answers a write it refuses because of protection (its English text, as Office.js gives it). */
export function accessDenied(errorLocation: string): DoubleOfficeError {
  return new DoubleOfficeError('AccessDenied', 'You cannot perform the requested operation.', errorLocation);
}
