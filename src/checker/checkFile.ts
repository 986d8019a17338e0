// The marked copy's download in the browser: its name and type. Loaded lazily by the page; reading,
// checking and building the copy happen in the worker (worker.ts, markedCopyBuild.ts).

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The copy's bytes as a download. */
export function markedBlob(bytes: ArrayBuffer): Blob {
  return new Blob([bytes], { type: XLSX_MIME });
}

/** `报表.xlsx` (or `.xls`, `.et`, `.ods`) → `报表-已标记.xlsx`: the copy is always an .xlsx. */
export function markedFileName(name: string): string {
  return `${name.replace(/\.(xlsx|xls|et|ods)$/i, '')}-已标记.xlsx`;
}
