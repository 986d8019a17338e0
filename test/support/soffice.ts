// LibreOffice headless for tests that need another program to open a file jixiao wrote: each call in a
// throw-away profile that recalculates every formula on load (OOXMLRecalcMode 0), so what it prints is
// computed from the formulas, never a cached value.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { describeWith, requireTool } from './tools';

/** LibreOffice's soffice; the tests that use it fail (naming the install command) where it is missing. */
export function soffice(): string {
  return requireTool('soffice');
}

/** `describe` whose tests fail at once where LibreOffice is missing. */
export function describeWithSoffice(name: string, fn: () => void): void {
  describeWith('soffice', name, fn);
}

function recalculatingProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'jixiao-lo-profile-'));
  mkdirSync(join(profile, 'user'));
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
  );
  return `file://${profile}`;
}

/**
 * Every sheet of every file as CSV rows, as LibreOffice computes them: `result[file][sheet]` is the sheet's
 * rows of cells (text as shown). One soffice run for all files.
 */
export function sheetsAsCsv(files: string[]): Map<string, Map<string, string[][]>> {
  const out = mkdtempSync(join(tmpdir(), 'jixiao-lo-csv-'));
  // 44 comma, 34 quote, 76 UTF-8; the last field -1 writes each sheet to <file>-<sheet>.csv.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  execFileSync(soffice(), [`-env:UserInstallation=${recalculatingProfile()}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', out, ...files], { stdio: 'pipe', timeout: 240_000 });
  const result = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const stem = basename(file, extname(file));
    const sheets = new Map<string, string[][]>();
    for (const name of readdirSync(out)) {
      if (!name.startsWith(`${stem}-`)) continue;
      sheets.set(name.slice(stem.length + 1, -'.csv'.length), parseCsv(readFileSync(join(out, name), 'utf8')));
    }
    if (sheets.size === 0) throw new Error(`LibreOffice 未能打开 ${file}`);
    result.set(file, sheets);
  }
  return result;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Converts files with LibreOffice (to xlsx, ods …) into a fresh folder; returns the folder. */
export function convertAll(files: string[], format: string): string {
  const out = mkdtempSync(join(tmpdir(), 'jixiao-lo-convert-'));
  execFileSync(soffice(), [`-env:UserInstallation=${recalculatingProfile()}`, '--headless', '--norestore', '--convert-to', format, '--outdir', out, ...files], { stdio: 'pipe', timeout: 240_000 });
  return out;
}
