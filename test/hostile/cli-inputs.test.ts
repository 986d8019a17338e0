// `jixiao check` on inputs that are not workbooks at all, or that break checking: each becomes that
// file's error at once, and the other files of the batch are still reported.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as core from '../../src/core/check';
import { main } from '../../src/cli/main';
import { EXIT_UNREADABLE } from '../../src/cli/io';
import type { CheckJson } from '../../src/cli/commands/check';
import { InputFileError, readRegularFile } from '../../src/cli/inputFile';
import { planTableSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';
import { DEFAULT_READ_LIMITS } from '../../src/xlsx/limits';
import { seedTable } from '../support/seed';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-cli-'));
let good: string;

async function run(...args: string[]): Promise<{ code: number; json: CheckJson; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['check', '--json', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, json: JSON.parse(out) as CheckJson, err };
}

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, planTableSheet(seedTable(1), { sheetName: '表1', framework: 'seed' }));
  good = join(dir, 'good.xlsx');
  writeFileSync(good, await workbookToBuffer(workbook));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The batch answered for every file: the bad one with `error` matching, good.xlsx checked with 1 sheet. */
function expectBatch(json: CheckJson, bad: string, error: RegExp): void {
  expect(json.files.map((f) => f.file)).toEqual([bad, good, good]);
  expect(json.files[0].error).toMatch(error);
  for (const file of json.files.slice(1)) {
    expect(file.error).toBeUndefined();
    expect(file.sheets).toHaveLength(1);
  }
}

describe('only regular files are read', () => {
  it('refuses /dev/zero at once, by its stat, and checks the next files', async () => {
    const started = Date.now();
    const { code, json, err } = await run('/dev/zero', good, good);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(code).toBe(EXIT_UNREADABLE); // a file not checked (issue #22's exit codes: 4, not 2, which is a usage error)
    expectBatch(json, '/dev/zero', /^这是一个设备文件（如 \/dev\/zero），不是普通文件，不予读取。$/);
    expect(err).toContain('/dev/zero');
  });

  it('refuses a FIFO with no writer instead of waiting for one', async () => {
    const fifo = join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const { code, json } = await run(fifo, good, good);
    expect(code).toBe(EXIT_UNREADABLE); // a file not checked (issue #22's exit codes: 4, not 2, which is a usage error)
    expectBatch(json, fifo, /命名管道（FIFO）/);
  });

  it('refuses a directory', async () => {
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    const { json } = await run(folder, good, good);
    expectBatch(json, folder, /^这是一个目录，不是文件。$/);
  });

  it('calls an empty file not a workbook', async () => {
    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    const { json } = await run(empty, good, good);
    expectBatch(json, empty, /无法读取该文件（可能已损坏或不是真正的 Excel 文件）/);
  });

  it('refuses a file past maxFileBytes by its size, before reading it (sparse: nothing on disk)', async () => {
    const huge = join(dir, 'huge.xlsx');
    writeFileSync(huge, '');
    truncateSync(huge, DEFAULT_READ_LIMITS.maxFileBytes + 1);
    const { json } = await run(huge, good, good);
    expectBatch(json, huge, /^文件大小 100 MB，超过上限 100 MB，不予读取。$/);
  });

  it('stops reading a file that turns out longer than its stat said (a file growing while read)', async () => {
    // /proc files are regular with a stat size of 0, yet have content: the read cap is what stops them.
    const proc = '/proc/self/status';
    if (!existsSync(proc)) return;
    await expect(readRegularFile(proc, 16)).rejects.toThrow(new InputFileError('读取时文件仍在增大，已超过上限 16 字节，不予读取。', 'too-large'));
    expect(new TextDecoder().decode(await readRegularFile(proc, 1024 * 1024))).toMatch(/^Name:/);
  });

  it('refuses a device as the settings file too', async () => {
    let err = '';
    const code = await main(['check', good, '--settings', '/dev/zero'], { stdout: () => undefined, stderr: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain('设备文件');
  });
});

describe('each file is checked in isolation', () => {
  it('a check that throws (a stack overflow) becomes that file\'s error; the others are reported', async () => {
    const real = core.checkGrids;
    let calls = 0;
    const spy = jest.spyOn(core, 'checkGrids').mockImplementation((...args) => {
      calls += 1;
      if (calls === 2) throw new RangeError('Maximum call stack size exceeded');
      return real(...args);
    });
    try {
      const { code, json } = await run(good, good, good);
      expect(code).toBe(EXIT_UNREADABLE); // a file not checked (issue #22's exit codes: 4, not 2, which is a usage error)
      expect(json.files.map((f) => f.error)).toEqual([
        undefined,
        '读取成功，但检查时出错，未能得出结果（jixiao 内部错误：Maximum call stack size exceeded）。请把此文件发给 jixiao 的维护者。',
        undefined,
      ]);
      expect(json.files[0].sheets).toHaveLength(1);
      expect(json.files[2].sheets).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});
