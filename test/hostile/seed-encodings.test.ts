// Seed documents as Windows' 记事本 saves them: GBK ("ANSI") and UTF-16 ("Unicode"). The bytes are made
// by iconv, not by jixiao. Each is read as the same 16 tables as the UTF-8 original, and the encoding is
// named in a note; text in no known encoding is refused as such, never blamed on 项目名称.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../../src/cli/encoding';
import { main } from '../../src/cli/main';
import { SEED_FILE_MAX_BYTES } from '../../src/cli/seeds';
import { loadSeedLibrary, SEED_PATH } from '../support/seed';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-seeds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function iconv(to: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', to, SEED_PATH], { maxBuffer: 64 * 1024 * 1024 });
}

async function templates(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['templates', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('seed document encodings', () => {
  const original = loadSeedLibrary();

  it.each([
    ['GBK', 'GBK', 'GB18030', 'GBK（GB18030）'],
    ['UTF-16LE with BOM', 'UTF-16', 'UTF-16LE', 'UTF-16LE'],
    ['UTF-16BE without BOM', 'UTF-16BE', 'UTF-16BE', 'UTF-16BE'],
  ])('%s: the same 16 tables and 212 indicators, and a note naming the encoding', async (_label, iconvName, encoding, named) => {
    const bytes = iconv(iconvName);
    expect(decodeText(bytes).encoding).toBe(encoding);
    const path = join(dir, `seed-${iconvName}.txt`);
    writeFileSync(path, bytes);
    const { code, out, err } = await templates('--seeds', path);
    expect([code, err]).toEqual([0, '']);
    expect(out).toContain(`解析备注：\n  文件编码是 ${named}，已按此编码读取；建议另存为 UTF-8。`);
    const json = JSON.parse((await templates('--seeds', path, '--json')).out) as { projectName: string; indicators: unknown[] }[];
    expect(json.map((t) => t.projectName)).toEqual(original.tables.map((t) => t.projectName));
    expect(json.reduce((n, t) => n + t.indicators.length, 0)).toBe(212);
  });

  it('UTF-8 is read with no note, with or without a BOM', async () => {
    const withBom = join(dir, 'seed-bom.txt');
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv('UTF-8')]));
    const { code, out } = await templates('--seeds', withBom);
    expect(code).toBe(0);
    expect(out).not.toContain('文件编码');
    expect(out).toContain('共 16 张表，212 条指标');
  });

  it('bytes in no known encoding are refused as such, not as a bad 项目名称', async () => {
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xff, 0x80, 0x81, 0xfe]));
    const { code, err } = await templates('--seeds', binary);
    expect(code).toBe(2);
    expect(err).toBe(`jixiao: 无法读取种子文件 ${binary}：文件不是 UTF-8 文本（也不是 GBK/GB18030 或 UTF-16），可能是二进制文件或其他编码；请另存为 UTF-8 文本。\n`);
  });

  it('a device or a seed document past the size limit is refused at once (sparse file: nothing on disk)', async () => {
    const started = Date.now();
    expect((await templates('--seeds', '/dev/zero')).err).toContain('设备文件');
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    execFileSync('truncate', ['-s', String(SEED_FILE_MAX_BYTES + 1), huge]);
    expect((await templates('--seeds', huge)).err).toBe(`jixiao: 无法读取种子文件 ${huge}：文件大小 10 MB，超过上限 10 MB，不予读取。\n`);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
