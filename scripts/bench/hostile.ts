// Peak memory and time of the largest hostile inputs (issue #9), each checked by `jixiao check` in its
// own child process (heap capped as in the hostile suite), peak RSS read from the child itself. The cases
// the current exceljs reader cannot bound run once the new reader (readWorkbookGrids) is in the tree.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure } from '../bench';
import * as xlsx from '../../src/xlsx';
import { hugeMergeXlsx, lastCellXlsx, manyRowsXlsx, zipBombXlsx } from '../../test/hostile/support/cases';
import { checkInChild } from '../../test/hostile/support/child';
import { documentedExit } from './hostile26';

export default async (): Promise<BenchFigure[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-hostile-'));
  const cases: [string, () => Uint8Array][] = [['200,000-row table', () => manyRowsXlsx(200_000)]];
  if ('readWorkbookGrids' in xlsx) {
    cases.push(['one cell at XFD1048576', lastCellXlsx], ['merge A30:XFD1048576', hugeMergeXlsx], ['600 MB zip bomb', () => zipBombXlsx(600)]);
  }
  const figures: BenchFigure[] = [];
  try {
    for (const [name, make] of cases) {
      const file = join(dir, 'case.xlsx');
      writeFileSync(file, make());
      const result = checkInChild([file]);
      // A refused bomb is exit 4, as documented: only a crash stops the bench.
      if (!documentedExit(result.code)) throw new Error(`${name}: jixiao check 异常退出（${result.code}）：${result.stderr.slice(-500)}`);
      figures.push({ name: `check ${name}: peak RSS`, value: Math.round(result.peakMB), unit: 'MB' });
      figures.push({ name: `check ${name}: time (process)`, value: result.seconds, unit: 's' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
};
