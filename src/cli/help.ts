// `jixiao --help`, `jixiao COMMAND --help` and `--version`: Chinese first, English beside it, as every
// other message of the CLI. Kept apart from the commands so help never loads exceljs.
import { readFileSync } from 'node:fs';
import { maxOf } from '../core/bounded';
import { join } from 'node:path';
import { packageRoot } from './seeds';
import { FRAMEWORK_LIST } from '../core/frameworks';
import { EXIT_CODES_TEXT } from './io';

/** The frameworks as the registry lists them: `seed|2021|older`, and each with its label. */
const FRAMEWORK_CHOICES = FRAMEWORK_LIST.map((f) => f.name).join('|');
const FRAMEWORK_TEXT = FRAMEWORK_LIST.map((f) => `${f.name}（${f.label}）`).join('、');

interface OptionHelp {
  /** As typed, with its value: `--out FILE.xlsx`. */
  flag: string;
  text: string;
}

interface CommandHelp {
  synopsis: string;
  summary: string;
  options: OptionHelp[];
  notes: string[];
}

/** --library (src/cli/libraries.ts), the same under every command that checks or writes templates. */
const LIBRARY_HELP: OptionHelp = {
  flag: '--library FILE',
  text: '加入本单位的模板库：上年申报的工作簿（.xlsx/.xls/.ods）或种子文档（.txt），可重复；同一项目以后给出的为准，其次才是内置模板 / add the unit\'s own library (a workbook or seed text; repeatable; the last given wins a project, then the bundled seed)',
};

/** --layout (src/cli/layouts.ts), for check and fix. */
const LAYOUT_HELP: OptionHelp = {
  flag: '--layout FILE',
  text: '按表格布局文件（.json，在任务窗格或检查页“指定表格布局”后导出，或由财政局下发）读取同一种表样，可重复 / read sheets of a taught form by this layout profile (repeatable)',
};

const HELP_OPTION: OptionHelp = { flag: '-h, --help', text: '显示本说明 / show this help' };

export const COMMAND_HELP: Record<string, CommandHelp> = {
  templates: {
    synopsis: 'jixiao templates [--seeds FILE…] [--library FILE…] [--json]',
    summary: '列出模板库 / list the template library',
    options: [
      { flag: '--seeds FILE', text: '改用这个种子文档（.txt）或模板库（.json），可重复 / read this seed document or saved library instead (repeatable)' },
      LIBRARY_HELP,
      { flag: '--json', text: '输出 JSON / print JSON' },
    ],
    notes: [],
  },
  workbook: {
    synopsis: `jixiao workbook --out FILE.xlsx [--template NAME|编号…] [--blank ${FRAMEWORK_CHOICES}] [--library FILE…] [--force]`,
    summary: '写出模板工作簿 / write template sheets',
    options: [
      { flag: '--out FILE.xlsx', text: '要写出的工作簿 / the workbook to write' },
      { flag: '--template NAME', text: '按项目名称或表编号选模板，可重复；默认全部 / pick a table by project name or table number (repeatable; default: all)' },
      { flag: `--blank ${FRAMEWORK_CHOICES}`, text: `加一张空白标准表（${FRAMEWORK_TEXT}）/ add a blank standard form` },
      LIBRARY_HELP,
      { flag: '--force', text: '覆盖已有文件 / overwrite an existing file' },
    ],
    notes: ['表编号见 jixiao templates / table numbers: see jixiao templates'],
  },
  check: {
    synopsis: `jixiao check FILE.xlsx… [--json] [--settings FILE.json] [--framework ${FRAMEWORK_CHOICES}|auto] [--year N] [--library FILE…] [--layout FILE…] [--marked DIR]`,
    summary: '检查工作簿，不改动文件 / check workbooks (never writes them)',
    options: [
      { flag: '--json', text: '输出 JSON / print JSON' },
      { flag: '--settings FILE.json', text: '检查设置（与加载项保存在工作簿中的相同）/ check settings, as the add-in keeps them' },
      { flag: '--framework NAME', text: `默认指标框架：${FRAMEWORK_TEXT}、auto；看得出框架的表按其自身框架检查 / default indicator framework` },
      { flag: '--year N', text: '预算年度 / budget year' },
      LIBRARY_HELP,
      LAYOUT_HELP,
      { flag: '--marked DIR', text: '把每个已读取文件的标记副本（<名称>-已标记.xlsx）写入 DIR，不覆盖输入 / write a marked copy of each file read into DIR' },
    ],
    notes: ['FILE 可以是 .xlsx、.xls（Excel 97-2003）、.et（WPS）或 .ods，按内容识别 / FILE may be .xlsx, .xls, .et or .ods, recognised by content', EXIT_CODES_TEXT],
  },
  fix: {
    synopsis: `jixiao fix IN.xlsx --out OUT.xlsx [--only CODE…] [--force] [--json] [--settings FILE.json] [--framework ${FRAMEWORK_CHOICES}|auto] [--year N] [--library FILE…] [--layout FILE…]`,
    summary: '把可自动修正的问题改好，写出副本，不改动输入文件 / apply the offered fixes to a copy (never writes IN)',
    options: [
      { flag: '--out OUT.xlsx', text: '修正后的副本（总是 .xlsx；不能是输入文件本身）/ the fixed copy (always .xlsx; never IN itself)' },
      { flag: '--only CODE[=改法]', text: '只修正这个规则代码的问题，可重复，如 --only cost-lower-bound；有两种改法的问题（资金来源）不自动选择，须指明一种：--only funds-mismatch=其他资金 或 =财政资金 / only fixes of this rule (repeatable); an issue with two ways out (funds) is fixed only when one is named' },
      { flag: '--force', text: '覆盖已有的 OUT / overwrite an existing OUT' },
      { flag: '--json', text: '输出 JSON（每项修正及其修改、复查结果）/ print JSON' },
      { flag: '--settings FILE.json', text: '检查设置，同 check / check settings, as for check' },
      { flag: '--framework NAME', text: `默认指标框架：${FRAMEWORK_TEXT}、auto / default indicator framework` },
      { flag: '--year N', text: '预算年度 / budget year' },
      LIBRARY_HELP,
      LAYOUT_HELP,
    ],
    notes: [
      '列出每处修改（工作表、单元格、原值 → 新值，插入的行），再复查 OUT 并列出剩下的问题 / lists every change, then checks OUT and prints what remains',
      '.xls、.et、.ods 的副本另存为 .xlsx，只保留单元格的值和合并区域 / the copy of an .xls, .et or .ods is an .xlsx holding its values and merges',
      `${EXIT_CODES_TEXT}（fix：就 OUT 复查的结果 / for fix: of OUT as re-checked）`,
    ],
  },
  suggest: {
    synopsis: 'jixiao suggest FILE.xlsx [--library FILE…] [--json]',
    summary: '列出建议页会推荐的指标（不改动文件）/ list the indicators the 建议 tab would suggest (never writes FILE)',
    options: [LIBRARY_HELP, { flag: '--json', text: '输出 JSON / print JSON' }],
    notes: [
      '推荐取自内置种子模板、公开样表（其他单位公开的绩效目标表，注明发布单位和年份，只用于推荐，从不作为检查的模板）和 --library / suggestions come from the seed, the published tables (公开样表, suggestions only) and --library',
      '模板库中没有相近项目时不作推荐，并说明如何加入本单位的表 / nothing is shown when the library has nothing close',
    ],
  },
  rules: {
    synopsis: 'jixiao rules [--json]',
    summary: '列出检查规则 / list the check rules',
    options: [{ flag: '--json', text: '输出 JSON，含依据、相关设置和示例 / print JSON, with basis, settings and examples' }],
    notes: ['每条规则的详细说明 / each rule explained：docs/rules/<code>.md'],
  },
};

/** Two columns: the flags, then what they do. */
function optionLines(options: OptionHelp[]): string[] {
  const width = maxOf(options.map((o) => o.flag.length), 0);
  return options.map((o) => `  ${o.flag.padEnd(width)}  ${o.text}`);
}

/** `jixiao --help`: every command, one line each. */
export function usageText(): string {
  const lines = ['jixiao — 绩效目标表助手 / performance target table assistant', '', '用法 / usage:'];
  for (const help of Object.values(COMMAND_HELP)) lines.push(`  ${help.synopsis}`, `      ${help.summary}`);
  const options = optionLines([HELP_OPTION, { flag: '-v, --version', text: '显示版本 / show the version' }]);
  return `${[...lines, '', ...options, '', '各命令的说明 / a command\'s options：jixiao COMMAND --help'].join('\n')}\n`;
}

/** `jixiao COMMAND --help`. */
export function commandHelpText(name: string): string {
  const help = COMMAND_HELP[name];
  const lines = [`jixiao ${name} — ${help.summary}`, '', '用法 / usage:', `  ${help.synopsis}`, '', '选项 / options:', ...optionLines([...help.options, HELP_OPTION])];
  const notes = help.notes.length > 0 ? ['', ...help.notes] : [];
  return `${[...lines, ...notes].join('\n')}\n`;
}

/** `jixiao --version`: the installed package's version. */
export function versionText(): string {
  const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return `jixiao 版本 / version ${version}\n`;
}
