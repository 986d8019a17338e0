/**
 * A1 references in formula text (cells, sqref lists, defined names), moved the way Excel moves them when
 * rows are inserted: a row at or below the insertion point moves down, `$`-anchored or not; a range whose
 * rows straddle the point grows. String literals, structured references and other workbooks' references
 * are left alone, and so are whole-column ranges (rows do not change them).
 */

const MAX_ROW = 1_048_576;

/** `count` rows inserted above 1-based row `before` of sheet `sheet`. */
export interface RowInsert {
  sheet: string;
  before: number;
  count: number;
}

/** A 1-based row after the insert. */
export function shiftedRow(row: number, before: number, count: number): number {
  return row >= before ? row + count : row;
}

/** The parts of one reference as written: `Sheet1!`, `$A$1:B2`. */
interface Ref {
  /** The sheet as named (quotes undone), or null when unqualified. */
  sheet: string | null;
  /** `[1]Sheet!A1`, or a 3-D `Sheet1:Sheet3!A1`: never moved. */
  foreign: boolean;
  body: string;
}

// A sheet prefix (quoted, or a run of characters that cannot be operators), then a cell, a cell range, a
// row range or a column range; not followed by `(` (LOG10( is a function) or more name characters.
const REF =
  /(?:('(?:[^']|'')+'|[^\s'"!()+\-*/^&=<>,;:{}%#[\]]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\w(.!$\u0080-\uffff])/y;
/** Characters that continue a name or a number: a match may only start where none precedes it. */
const NAME_CHAR = /[\w.$\u0080-\uffff]/;

/**
 * Rewrites every reference of `formula` with `map` (which returns the new body, or the same to keep it).
 * The formula is as written in the file (no leading `=`, entities already decoded).
 */
export function mapRefs(formula: string, map: (ref: Ref) => string): string {
  let out = '';
  let i = 0;
  let last = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal; "" is a quote inside it.
      i++;
      while (i < formula.length) {
        if (formula[i] === '"') {
          if (formula[i + 1] === '"') i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    if (ch === '[') {
      // A structured reference (Table1[[#This Row],[金额]]) or an external workbook's index ([1]Sheet1!A1).
      let depth = 0;
      for (; i < formula.length; i++) {
        if (formula[i] === '[') depth++;
        else if (formula[i] === ']' && --depth === 0) break;
      }
      i++;
      // Whatever name follows the brackets belongs to that workbook or table.
      while (i < formula.length && (NAME_CHAR.test(formula[i]) || formula[i] === '!' || formula[i] === ':' || formula[i] === "'")) {
        if (formula[i] === "'") {
          i++;
          while (i < formula.length && !(formula[i] === "'" && formula[i + 1] !== "'")) i += formula[i] === "'" ? 2 : 1;
        }
        i++;
      }
      continue;
    }
    if (i > 0 && NAME_CHAR.test(formula[i - 1])) {
      i++;
      continue;
    }
    REF.lastIndex = i;
    const m = REF.exec(formula);
    if (!m) {
      // An operator is passed alone; a word whole, so that no reference is found inside a name (A1B, _xlfn.X1).
      const word = NAME_CHAR.test(ch);
      i++;
      while (word && i < formula.length && NAME_CHAR.test(formula[i])) i++;
      continue;
    }
    const prefix = m[1];
    const sheet = prefix === undefined ? null : prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
    const foreign = prefix !== undefined && i > 0 && formula[i - 1] === ':';
    const body = map({ sheet, foreign, body: m[2] });
    if (body !== m[2]) {
      const bodyAt = i + m[0].length - m[2].length;
      out += formula.slice(last, bodyAt) + body;
      last = i + m[0].length;
    }
    i += m[0].length;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

/** Moves one reference body (`A5`, `$A$5:B9`, `5:9`, `A:C`) part by part with `row` and `col`. */
function mapBodyRows(body: string, row: (n: number, absolute: boolean, end: boolean) => number, col: (letters: string, absolute: boolean) => string): string {
  return body
    .split(':')
    .map((part, index, parts) => {
      const m = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/.exec(part);
      if (!m) return part;
      const [, first, letters, second, digits] = m;
      // In a row-only part (`$5`) the first `$` anchors the row.
      const rowAbsolute = letters === '' ? first === '$' : second === '$';
      const newCol = letters === '' ? '' : col(letters, first === '$');
      const newRow = digits === '' ? '' : String(row(Number(digits), rowAbsolute, index > 0 && index === parts.length - 1));
      return `${first}${newCol}${second}${newRow}`;
    })
    .join(':');
}

/**
 * A row past the sheet's last is refused, as Excel refuses an insert that would push cells off the sheet;
 * but a range's last row stops at the sheet's last (`A1:C1048576`, a selection or rule over whole columns,
 * keeps reaching the bottom, as in Excel; found in a book saved by Excel, POI's 62629_target.xlsm).
 */
function overflow(n: number, end = false): number {
  if (n > MAX_ROW) {
    if (end) return MAX_ROW;
    throw new RangeError(`插入行后第 ${n} 行超出工作表的最大行数`);
  }
  return n;
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A formula after `insert`: its references to the insert's sheet move. `home` is the sheet the formula is
 * on (unqualified references are to it); null for a defined name, whose references are all qualified.
 */
export function shiftFormula(formula: string, home: string | null, insert: RowInsert): string {
  return mapRefs(formula, (ref) => {
    const sheet = ref.sheet ?? home;
    if (ref.foreign || sheet === null || !sameSheet(sheet, insert.sheet)) return ref.body;
    return mapBodyRows(ref.body, (n, _absolute, end) => overflow(shiftedRow(n, insert.before, insert.count), end), (c) => c);
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

/**
 * A shared formula's text for a cell `dRow` rows and `dCol` columns from the formula's first cell: its
 * relative parts move by that much, `$`-anchored parts stay (how Excel derives each cell of the group).
 */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapRefs(formula, (ref) => {
    if (ref.foreign) return ref.body;
    return mapBodyRows(
      ref.body,
      (n, absolute) => (absolute ? n : n + dRow),
      (c, absolute) => (absolute ? c : columnLetters(columnNumber(c) + dCol)),
    );
  });
}

/** A space-separated list of ranges (`sqref`, `ref`) on the inserted sheet, moved. */
export function shiftSqref(sqref: string, before: number, count: number): string {
  return sqref
    .split(/\s+/)
    .map((range) => (range === '' ? range : mapBodyRows(range, (n, _absolute, end) => overflow(shiftedRow(n, before, count), end), (c) => c)))
    .join(' ');
}
