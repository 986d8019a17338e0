// `jixiao suggest FILE [--library FILE…] [--json]`: the indicators the 建议 tab would offer each table of FILE
// (a new project: its 项目名称 and 绩效目标), from the bundled seed, the published tables (公开样表) and the
// unit's own libraries, so reviewers and tests can see them. Never writes FILE.
import { checkGrids } from '../../core/check';
import { mergeLibraries } from '../../core/library';
import { DEFAULT_SETTINGS, type SheetReport } from '../../core/model';
import { nothingCloseText } from '../../core/suggest';
import { DEFAULT_READ_LIMITS } from '../../xlsx/limits';
import { readWorkbookGrids } from '../../xlsx/readWorkbook';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { readRegularFile } from '../inputFile';
import { CliError, EXIT_NO_TABLE, EXIT_OK, EXIT_UNREADABLE, type CommandIO } from '../io';
import { LIBRARY_OPTION, loadLibraries } from '../libraries';
import { loadPublicLibrary } from '../publicLibrary';
import { readFailure } from './check';

export interface SuggestJson {
  file: string;
  sheets: {
    sheet: string;
    projectName: string;
    /** True when the library has nothing close: nothing is suggested. */
    nothingClose: boolean;
    groups: { level1: string; level2: string; suggestions: { level3: string; value: string; score: number; reason: string; sources: string[] }[] }[];
  }[];
}

export function suggestJson(file: string, reports: SheetReport[]): SuggestJson {
  return {
    file,
    sheets: reports.map((report) => ({
      sheet: report.sheet,
      projectName: report.projectName,
      nothingClose: report.suggestions?.nothingClose === true,
      groups: (report.suggestions?.groups ?? []).map((group) => ({
        level1: group.level1,
        level2: group.level2,
        suggestions: group.suggestions.map((s) => ({
          level3: s.level3,
          value: s.value,
          score: Number(s.score.toFixed(3)),
          reason: s.reason,
          sources: s.sources.map((source) => source.source),
        })),
      })),
    })),
  };
}

export function suggestText(json: SuggestJson): string {
  const lines: string[] = [];
  for (const sheet of json.sheets) {
    lines.push(`${json.file} › ${sheet.sheet} (${sheet.projectName || '未填项目名称'})`);
    if (sheet.nothingClose) lines.push(`  ${nothingCloseText(sheet.projectName, 'cli')}`);
    else if (sheet.groups.length === 0) lines.push('  本表的项目在模板库中，或尚未填写项目名称和绩效目标：不作推荐（模板规则会按模板检查）。');
    for (const group of sheet.groups) {
      lines.push(`  ${group.level1} › ${group.level2}`);
      group.suggestions.forEach((s, i) => lines.push(`    ${i + 1}. ${s.level3}${s.value ? `（参考值 ${s.value}）` : ''}  ${s.score.toFixed(2)}  ${s.reason}`));
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

export const suggestCommand: Command = async (args: string[], io: CommandIO) => {
  const { values, positionals } = parseCommandArgs('suggest', args, { json: { type: 'boolean', default: false }, ...LIBRARY_OPTION });
  if (positionals.length !== 1) throw new CliError('请给出一个工作簿文件：jixiao suggest 表.xlsx [--library 往年.xlsx…] [--json]');
  const [file] = positionals;
  // The templates a sheet is compared against: the seed and the unit's own; the published tables only suggest.
  const library = await loadLibraries(values.library);
  const suggestLibrary = mergeLibraries([await loadPublicLibrary(), library]);
  let reports: SheetReport[];
  try {
    const grids = readWorkbookGrids(await readRegularFile(file, DEFAULT_READ_LIMITS.maxFileBytes), DEFAULT_READ_LIMITS);
    reports = checkGrids(grids, { settings: DEFAULT_SETTINGS, library, suggestLibrary, suggest: true, rules: [] });
  } catch (error) {
    throw new CliError(`${file}：无法读取 — ${readFailure(error)}`, EXIT_UNREADABLE);
  }
  const json = suggestJson(file, reports);
  io.stdout(values.json ? `${JSON.stringify(json)}\n` : suggestText(json));
  return reports.length === 0 ? EXIT_NO_TABLE : EXIT_OK;
};
