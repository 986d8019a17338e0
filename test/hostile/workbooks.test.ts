// Hostile workbooks through the real CLI in a child process with a capped heap: each gets a clear answer
// within seconds and bounded memory, and the good file checked with it is still reported. The cases that
// need the new reader (src/xlsx readWorkbookGrids with ReadLimits: sparse cells, merges never expanded,
// inflated bytes counted) run once it is in the tree; until then the current reader builds the whole
// used range and these would exhaust memory, so they are skipped, by name, not dropped.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckJson } from '../../src/cli/commands/check';
import { EXIT_FINDINGS, EXIT_NO_TABLE, EXIT_OK, EXIT_UNREADABLE } from '../../src/cli/io';
import { NOT_A_WORKBOOK_MESSAGE } from '../../src/xlsx/readWorkbook';
import { hugeMergeXlsx, lastCellXlsx, manyRowsXlsx, tableSheet, zipBombXlsx } from './support/cases';
import { checkInChild, HEAP_MB } from './support/child';
import { rawXlsx } from './support/rawXlsx';
import { seedTable } from '../support/seed';


const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-books-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

let good: string;
beforeAll(() => {
  good = write('good.xlsx', rawXlsx([tableSheet(seedTable(1))]));
});

/** The hostile file answered (sheets or a Chinese error), the good file after it checked with its one sheet. */
function expectAnswered(result: ReturnType<typeof checkInChild>, hostile: string): CheckJson['files'][number] {
  expect(result.stderr).not.toContain('内部错误');
  // Answered with one of the batch's outcomes (issue #22's exit codes): 0 clean, 1 findings, 3 no table, 4 a file not checked.
  expect([EXIT_OK, EXIT_FINDINGS, EXIT_NO_TABLE, EXIT_UNREADABLE]).toContain(result.code);
  expect(result.json?.files.map((f) => f.file)).toEqual([hostile, good]);
  const [answer, after] = result.json?.files ?? [];
  expect(after.error).toBeUndefined();
  expect(after.sheets).toHaveLength(1);
  if (answer.error !== undefined) expect(answer.error).toMatch(/[\u4e00-\u9fff]/);
  expect(result.peakMB).toBeLessThan(HEAP_MB);
  return answer;
}

describe('hostile workbooks, each with a good file after it', () => {
  it('one cell at XFD1048576 next to a real table: the table is read, nothing 17 billion cells wide is built', () => {
    const file = write('last-cell.xlsx', lastCellXlsx());
    const result = checkInChild([file, good]);
    const answer = expectAnswered(result, file);
    expect(answer.sheets.map((s) => s.projectName)).toEqual(['数字化运维项目']);
    expect(result.seconds).toBeLessThan(30);
  });

  it('a merge A30:XFD1048576: read without expanding it', () => {
    const file = write('huge-merge.xlsx', hugeMergeXlsx());
    const result = checkInChild([file, good]);
    const answer = expectAnswered(result, file);
    expect(answer.error ?? answer.sheets.map((s) => s.projectName).join()).toMatch(/数字化运维项目|合并/);
    expect(result.seconds).toBeLessThan(30);
  });

  it('a 600 MB zip bomb (5 MB on disk): refused past maxInflatedBytes', () => {
    const file = write('bomb.xlsx', zipBombXlsx(600));
    const result = checkInChild([file, good]);
    const answer = expectAnswered(result, file);
    expect(answer.error).toMatch(/上限|过大|超过/);
    expect(result.seconds).toBeLessThan(60);
  });

  it('a valid table of 200,000 rows: checked, no stack overflow', () => {
    const file = write('rows-200k.xlsx', manyRowsXlsx(200_000));
    const result = checkInChild([file, good]);
    const answer = expectAnswered(result, file);
    expect(answer.error).toBeUndefined();
    expect(answer.sheets).toHaveLength(1);
  }, 300_000);

  it('an empty file, /dev/zero and a directory in one batch: each refused, the good file checked', () => {
    const empty = write('empty.xlsx', new Uint8Array(0));
    const result = checkInChild([empty, '/dev/zero', dir, good]);
    expect(result.code).toBe(EXIT_UNREADABLE); // files not checked: 4 since issue #22 (2 is a usage error)
    // An empty file is neither workbook nor markup: issue #24's one message for such a file (无法读取该文件…另存为 .xlsx).
    expect(result.json?.files[0].error).toBe(NOT_A_WORKBOOK_MESSAGE);
    expect(result.json?.files.map((f) => f.error?.slice(0, 8))).toEqual(['无法读取该文件（', '这是一个设备文件', '这是一个目录，不', undefined]);
    expect(result.seconds).toBeLessThan(30);
  });
});
