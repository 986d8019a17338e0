// Issue #26: where a person expects the parts of a sheet after rows are inserted above them — asked of
// LibreOffice, not of our own XML. Each case inserts two rows into one sheet of a workbook saved by Excel
// (test/fixtures/excel-written/poi); LibreOffice converts the original and the fixed copy to .ods in the
// same batch as the other copies, and the places it reports for pictures and charts (their anchor cells),
// chart series, Excel Tables (database ranges), pivot tables and their sources, print areas and named
// ranges must be the original's places moved down, wherever they sit on the edited sheet.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { fixedCopy } from '../../src/xlsx/fixCopy';

type Kind = 'anchor' | 'series' | 'table' | 'pivot' | 'pivotSource' | 'printArea' | 'name';

export interface Move {
  file: string;
  sheet: string;
  /** 1-based row the two rows go above. */
  before: number;
  /** Kinds of part the original must hold on that sheet: the case is about them. */
  kinds: Kind[];
}

export const MOVES: Move[] = [
  { file: 'poi/ExcelPivotTableSample.xlsx', sheet: 'Tabelle1', before: 3, kinds: ['pivotSource', 'table'] },
  { file: 'poi/ExcelPivotTableSample.xlsx', sheet: 'Tabelle2', before: 2, kinds: ['pivot'] },
  { file: 'poi/54436.xlsx', sheet: 'Sheet1', before: 3, kinds: ['pivot', 'pivotSource'] },
  { file: 'poi/DataTableCities.xlsx', sheet: 'Formula', before: 3, kinds: ['anchor', 'series'] },
  { file: 'poi/DataTableCities.xlsx', sheet: 'Table', before: 3, kinds: ['table', 'series'] },
  { file: 'poi/DataTableCities.xlsx', sheet: 'PivotTable', before: 2, kinds: ['pivot'] },
  { file: 'poi/49156.xlsx', sheet: '1', before: 3, kinds: ['printArea'] },
  { file: 'poi/56644.xlsx', sheet: 'samplelist', before: 3, kinds: ['printArea'] },
  { file: 'poi/SimpleScatterChart.xlsx', sheet: 'Sheet1', before: 3, kinds: ['anchor', 'series'] },
  { file: 'poi/WithTextBox.xlsx', sheet: 'Sheet1', before: 3, kinds: ['anchor'] },
  { file: 'poi/WithChartSheet.xlsx', sheet: 'Sheet2', before: 3, kinds: ['series', 'pivot'] },
  { file: 'poi/WithThreeCharts.xlsx', sheet: 'Sheet1', before: 3, kinds: ['series', 'name'] },
];

/** Each case's original (copied) and fixed copy in `out`, named so that their .ods can be found. */
export function movedCopies(dir: string, out: string): { original: string; fixed: string; stem: (which: 'original' | 'fixed') => string }[] {
  return MOVES.map((move, i) => {
    const name = (which: string) => `moved-${i}-${which}`;
    const original = join(out, `${name('original')}.xlsx`);
    const fixed = join(out, `${name('fixed')}.xlsx`);
    copyFileSync(join(dir, move.file), original);
    const input = new Uint8Array(readFileSync(original));
    const copy = fixedCopy(input, [{ sheet: move.sheet, fix: { description: 'insert', steps: [{ kind: 'insertRows', before: move.before, count: 2, formatFrom: move.before }], select: [] } }]);
    writeFileSync(fixed, copy.bytes);
    return { original, fixed, stem: (which) => `${name(which)}.ods` };
  });
}

export interface Part {
  kind: Kind;
  /** LibreOffice's address, e.g. `Tabelle1.A1:Tabelle1.C6`, `'1'.A1:'1'.J80`. */
  address: string;
}

// Attributes LibreOffice writes for each kind (ODF 1.3 part 3, table:* and chart:* attributes).
const ATTRS: [RegExp, Kind][] = [
  [/<table:data-pilot-table\b[^>]*?\btable:target-range-address="([^"]*)"/g, 'pivot'],
  [/<table:source-cell-range\b[^>]*?\btable:cell-range-address="([^"]*)"/g, 'pivotSource'],
  [/<table:database-range\b[^>]*?\btable:target-range-address="([^"]*)"/g, 'table'],
  [/<table:table\b[^>]*?\btable:print-ranges="([^"]*)"/g, 'printArea'],
  [/<table:named-range\b[^>]*?\btable:cell-range-address="([^"]*)"/g, 'name'],
  [/\btable:end-cell-address="([^"]*)"/g, 'anchor'],
  [/\bchart:values-cell-range-address="([^"]*)"/g, 'series'],
];

const unescape = (text: string) => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every part's place in a LibreOffice .ods (its content and its charts' objects), sorted. */
export function partsFound(ods: string): Part[] {
  const files = unzipSync(new Uint8Array(readFileSync(ods)));
  const parts: Part[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('content.xml')) continue;
    const xml = strFromU8(data);
    for (const [pattern, kind] of ATTRS) {
      for (const m of xml.matchAll(pattern)) {
        const address = unescape(m[1]);
        // A pivot table's size is LibreOffice's own layout of the data; its place is its first cell.
        parts.push({ kind, address: kind === 'pivot' ? address.split(':')[0] : address });
      }
    }
  }
  return sort(parts);
}

const sort = (parts: Part[]) => [...parts].sort((a, b) => (a.kind + a.address < b.kind + b.address ? -1 : a.kind + a.address > b.kind + b.address ? 1 : 0));

/** One cell address `$'1'.$A$1`, `.$J$80`, `Sheet1.B4`: its sheet (or the range's first) and its row. */
function shiftCell(cell: string, rangeSheet: string | null, sheet: string, before: number, count: number): { text: string; sheet: string | null } {
  const dot = cell.lastIndexOf('.');
  const written = dot < 0 ? '' : cell.slice(0, dot).replace(/^\$/, '');
  const own = written === '' ? rangeSheet : written.startsWith("'") ? written.slice(1, -1).replace(/''/g, "'") : written;
  const m = /^(\$?[A-Z]+\$?)(\d+)$/.exec(cell.slice(dot + 1));
  if (!m || own !== sheet) return { text: cell, sheet: own };
  const row = Number(m[2]);
  return { text: `${cell.slice(0, dot + 1)}${m[1]}${row >= before ? row + count : row}`, sheet: own };
}

/** The parts as they must be after `count` rows go above row `before` of `sheet`: each place at or below moves down. */
export function shiftedParts(parts: Part[], sheet: string, before: number, count: number): Part[] {
  return sort(
    parts.map(({ kind, address }) => ({
      kind,
      address: address
        .split(' ')
        .map((range) => {
          let first: string | null = null;
          return range
            .split(':')
            .map((cell, k) => {
              const moved = shiftCell(cell, first, sheet, before, count);
              if (k === 0) first = moved.sheet;
              return moved.text;
            })
            .join(':');
        })
        .join(' '),
    })),
  );
}
