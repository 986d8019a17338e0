// Issue #26, outputs created, never followed: a link planted where jixiao writes (check --marked,
// fix --out, workbook --out) is refused whatever --force says, and no input, nor anything the link
// points at, ever changes. Every file written is created new in the folder named and renamed there.
import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { writeOutputFile } from '../../src/cli/outputFile';
import { planTableSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { seedTable } from '../support/seed';

const root = mkdtempSync(join(tmpdir(), 'jixiao-hostile-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

let bytes: Uint8Array;
beforeAll(async () => {
  const table = seedTable(1);
  // One cost over the budget, so fix and the marked copy have something to write.
  const book = new ExcelJS.Workbook();
  writePlan(book, planTableSheet({ ...table, budget: { total: 1, fiscal: 1, other: null } }, { sheetName: '表1', framework: 'seed' }));
  bytes = await workbookToBuffer(book);
});

/** A fresh folder with 表.xlsx in it; every file under `root` is hashed before and after the test. */
function setup(name: string): { dir: string; input: string } {
  const dir = join(root, name);
  mkdirSync(dir);
  const input = join(dir, '表.xlsx');
  writeFileSync(input, bytes);
  return { dir, input };
}

function hashes(dir: string): Map<string, string> {
  const seen = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) seen.set(path, hash(path));
  }
  return seen;
}

/** Runs `args` and asserts that every file that existed before has its bytes unchanged. */
async function untouched(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const before = hashes(root);
  const result = await run(args);
  const after = hashes(root);
  for (const [path, digest] of before) expect([path, after.get(path)]).toEqual([path, digest]);
  // No temporary file is left behind.
  expect([...after.keys()].filter((path) => path.endsWith('.tmp'))).toEqual([]);
  return result;
}

describe('check --marked', () => {
  it('refuses a symlink to the input planted as the copy, and keeps the input', async () => {
    const { dir, input } = setup('marked-symlink');
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(input, join(out, '表-已标记.xlsx'));
    const { err } = await untouched(['check', input, '--marked', out]);
    expect(err).toContain('是一个符号链接');
    expect(err).not.toContain('标记副本已写入');
    expect(lstatSync(join(out, '表-已标记.xlsx')).isSymbolicLink()).toBe(true);
  });

  it('refuses a hard link to the input planted as the copy', async () => {
    const { dir, input } = setup('marked-hardlink');
    const out = join(dir, 'out');
    mkdirSync(out);
    linkSync(input, join(out, '表-已标记.xlsx'));
    const { err } = await untouched(['check', input, '--marked', out]);
    expect(err).toContain('就是输入文件本身');
    expect(err).not.toContain('标记副本已写入');
  });

  it('refuses a hard link to another input of the batch', async () => {
    const { dir, input } = setup('marked-hardlink-other');
    const other = join(dir, '乙.xlsx');
    writeFileSync(other, bytes);
    const out = join(dir, 'out');
    mkdirSync(out);
    linkSync(other, join(out, '表-已标记.xlsx'));
    const { err } = await untouched(['check', input, other, '--marked', out]);
    expect(err).toContain(`与 ${other} 是同一文件的硬链接`);
  });

  it('never writes through a dangling symlink (nothing appears where it points)', async () => {
    const { dir, input } = setup('marked-dangling');
    const out = join(dir, 'out');
    mkdirSync(out);
    const elsewhere = join(root, 'outside-marked.xlsx');
    symlinkSync(elsewhere, join(out, '表-已标记.xlsx'));
    const { err } = await untouched(['check', input, '--marked', out]);
    expect(err).toContain('是一个符号链接');
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('refuses a directory where the copy goes', async () => {
    const { dir, input } = setup('marked-directory');
    mkdirSync(join(dir, 'out', '表-已标记.xlsx'), { recursive: true });
    const { err } = await untouched(['check', input, '--marked', join(dir, 'out')]);
    expect(err).toContain('不是普通文件');
  });

  it('replaces an earlier regular copy by rename: a hard link to that old copy keeps the old bytes', async () => {
    const { dir, input } = setup('marked-replace');
    const out = join(dir, 'out');
    mkdirSync(out);
    const copy = join(out, '表-已标记.xlsx');
    writeFileSync(copy, 'old');
    const keep = join(dir, 'kept.txt');
    linkSync(copy, keep);
    const { err } = await run(['check', input, '--marked', out]);
    expect(err).toContain('标记副本已写入');
    expect(readFileSync(keep, 'utf8')).toBe('old');
    expect(readWorkbookGrids(readFileSync(copy)).length).toBe(1);
  });
});

describe('fix --out and workbook --out', () => {
  it('fix refuses a dangling symlink at OUT even with --force', async () => {
    const { dir, input } = setup('fix-dangling');
    const elsewhere = join(root, 'outside-fix.xlsx');
    const out = join(dir, '修正.xlsx');
    symlinkSync(elsewhere, out);
    const { code, err } = await untouched(['fix', input, '--out', out, '--force']);
    expect(code).toBe(2);
    expect(err).toContain('是一个符号链接');
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('fix refuses a symlink to another file even with --force, and that file keeps its bytes', async () => {
    const { dir, input } = setup('fix-symlink');
    const victim = join(dir, '别的.xlsx');
    writeFileSync(victim, 'victim');
    const out = join(dir, '修正.xlsx');
    symlinkSync(victim, out);
    const { code } = await untouched(['fix', input, '--out', out, '--force']);
    expect(code).toBe(2);
  });

  it('fix refuses a FIFO at OUT without blocking', async () => {
    const { dir, input } = setup('fix-fifo');
    const out = join(dir, 'pipe.xlsx');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [out]);
    const { code, err } = await untouched(['fix', input, '--out', out, '--force']);
    expect(code).toBe(2);
    expect(err).toContain('不是普通文件');
  });

  it('workbook refuses a dangling symlink at --out even with --force; a hard link to a --library file too', async () => {
    const { dir } = setup('workbook-links');
    const elsewhere = join(root, 'outside-workbook.xlsx');
    const out = join(dir, '模板.xlsx');
    symlinkSync(elsewhere, out);
    const dangling = await untouched(['workbook', '--out', out, '--force', '--blank', '2021']);
    expect(dangling.code).toBe(2);
    expect(dangling.err).toContain('是一个符号链接');
    expect(existsSync(elsewhere)).toBe(false);

    const library = join(dir, 'library.xlsx');
    writeFileSync(library, bytes);
    const hard = join(dir, 'hard.xlsx');
    linkSync(library, hard);
    const linked = await untouched(['workbook', '--out', hard, '--force', '--library', library, '--blank', '2021']);
    expect(linked.code).toBe(2);
    expect(linked.err).toContain('就是输入文件本身');
  });

  it('writeOutputFile refuses a link planted while it writes', async () => {
    const { dir, input } = setup('late-link');
    const out = join(dir, 'late.xlsx');
    const elsewhere = join(root, 'outside-late.xlsx');
    const large = new Uint8Array(1024);
    const writing = writeOutputFile(out, large, [input], true);
    symlinkSync(elsewhere, out);
    await expect(writing).rejects.toThrow(/符号链接/);
    expect(existsSync(elsewhere)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
