import type { CommandIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };

describe('help and version, Chinese with English beside it', () => {
  test.each([['--help'], ['-h'], ['help']])('jixiao %s lists every command and exits 0', async (flag) => {
    const { code, stdout, stderr } = await run(flag);
    expect([code, stderr]).toEqual([0, '']);
    for (const command of ['templates', 'workbook', 'check', 'rules']) expect(stdout).toContain(`jixiao ${command} `);
    expect(stdout).toContain('用法 / usage:');
    expect(stdout).toContain('-v, --version  显示版本 / show the version');
  });

  test.each([
    ['check', ['--settings FILE.json', '--framework NAME', '--year N', '--json', '退出码 / exit code']],
    ['workbook', ['--out FILE.xlsx', '--template NAME', '--blank seed|2021', '--force']],
    ['templates', ['--seeds FILE', '--json']],
    ['rules', ['--json']],
  ])('jixiao %s --help describes its own options', async (command, flags) => {
    for (const args of [[command, '--help'], [command, 'x.xlsx', '-h'], ['help', command]]) {
      const { code, stdout, stderr } = await run(...args);
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout.split('\n')[0]).toMatch(new RegExp(`^jixiao ${command} — .+ / .+`));
      for (const flag of flags) expect(stdout).toContain(flag);
      expect(stdout).not.toMatch(/Unknown option|ERR_PARSE_ARGS/);
    }
  });

  test('--help after -- is a file name, not a request for help', async () => {
    const { code, stdout } = await run('check', '--json', '--', '--help');
    // 4: a file that could not be read (issue #22 gave it its own code; 2 is bad usage only).
    expect(code).toBe(4);
    expect(JSON.parse(stdout)).toEqual({ files: [{ file: '--help', error: '文件不存在。', sheets: [] }] });
  });

  test.each([['--version'], ['-v'], ['-V']])('jixiao %s prints the package version', async (flag) => {
    expect(await run(flag)).toEqual({ code: 0, stdout: `jixiao 版本 / version ${version}\n`, stderr: '' });
  });
});

describe('bad options are answered in the CLI\'s own words (exit 2)', () => {
  test.each([
    [['check', '--jsno', 'a.xlsx'], '未知选项 / unknown option: --jsno（jixiao check 的选项 / options: --json、--framework …、--year …、--settings …、--marked …、--library …、--layout …；说明 / help: jixiao check --help）'],
    [['workbook', '--out'], '选项 --out 需要一个值 / option --out needs a value'],
    [['workbook', '--out', '--force'], '选项 --out 需要一个值 / option --out needs a value'],
    [['check', '--json=yes', 'a.xlsx'], '选项 --json 不带值 / option --json takes no value'],
    [['templates', '-x'], '未知选项 / unknown option: -x'],
    [['--bogus'], '未知选项 / unknown option: --bogus'],
    [['bogus'], '未知命令 / unknown command: bogus'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`jixiao: ${message}`);
    expect(stderr).not.toMatch(/Unknown option|To specify a positional|ambiguous/);
  });
});

describe('README and --help say the same', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

  test('every framework --help offers is in the README\'s command lines (the older framework too)', async () => {
    const { stdout } = await run('check', '--help');
    const choices = /--framework (\S+)\|auto/.exec(stdout)?.[1] ?? '';
    expect(choices.split('|')).toEqual(expect.arrayContaining(['seed', '2021', 'older']));
    expect(readme).toContain(`--framework ${choices}|auto`);
    expect(readme).toContain(`--blank ${choices}`);
  });

  test('each exit code of --help is in the README\'s table, and npx outside the project is explained', async () => {
    const { stdout } = await run('check', '--help');
    for (const code of [0, 1, 2, 3, 4]) {
      expect(stdout).toMatch(new RegExp(`[：；]${code} `));
      expect(readme).toMatch(new RegExp(`^\\| ${code} \\| .+ \\|$`, 'm'));
    }
    expect(readme).toMatch(/npm link/);
    expect(readme).toMatch(/npm install -g \./);
  });
});
