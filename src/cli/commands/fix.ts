// `jixiao fix IN --out OUT.xlsx [--only CODE…] [--force] [--json] [--layout FILE…]`: checks IN, applies the fixes the
// rules offer (as 全部修正 does, combined per sheet) to a copy written to OUT, lists every change, then
// checks OUT and says what remains.
// IN is never written: OUT may not be IN (by path or hard link), a symlink or a non-file, nor an existing
// file without --force (src/cli/outputFile.ts).
import { resolve } from 'node:path';
import { checkGrids, summarize, type CheckOptions, type CheckSummary } from '../../core/check';
import { combineFixesDetailed } from '../../core/fixes';
import { RuleCodeSchema, type Fix, type Issue, type RuleCode, type SheetReport } from '../../core/model';
import type { CellValue } from '../../core/sheet/types';
import { fixedCopy, type FixChange, type SheetFix } from '../../xlsx/fixCopy';
import { asXlsxPackage, convertedNote } from '../../xlsx/gridXlsx';
import { macrosRemovedNote } from '../../xlsx/macros';
import { DEFAULT_READ_LIMITS } from '../../xlsx/limits';
import { readWorkbookGrids } from '../../xlsx/readWorkbook';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { readRegularFile } from '../inputFile';
import { OutputFileError, refuseTarget, writeOutputFile } from '../outputFile';
import { CliError, errorMessage, EXIT_UNREADABLE, type CommandIO } from '../io';
import { LIBRARY_OPTION, loadLibraries } from '../libraries';
import { LAYOUT_OPTION, loadLayouts } from '../layouts';
import { batchExitCode, checkJson, checkText, readFailure, settingsFile, settingsFromFlags, type CheckJson } from './check';

/** A fix applied, with what it changed. */
export interface AppliedFix {
  sheet: string;
  code: RuleCode;
  description: string;
  changes: FixChange[];
}

export interface FixJson {
  file: string;
  out: string | null;
  /** True when IN was not an .xlsx (.xls, .et, .ods) and OUT is an .xlsx built from what was read. */
  converted: boolean;
  fixes: AppliedFix[];
  /** Present (true) when IN had macros (.xlsm): OUT is a macro-free .xlsx. */
  macrosRemoved?: true;
  /** OUT checked again (IN when nothing was written). */
  remaining: CheckJson['files'][number];
}

/** What every check of a fix run uses: settings, library and taught layouts. */
type FixCheck = Required<Pick<CheckOptions, 'settings' | 'library' | 'layouts'>>;

function check(bytes: Uint8Array, options: FixCheck): SheetReport[] {
  return checkGrids(readWorkbookGrids(bytes, DEFAULT_READ_LIMITS), options);
}

/**
 * What --only asks for: rule codes, and for an issue with several ways out the one picked by name
 * (`funds-mismatch=其他资金`); null when --only is not given (every single fix, never a choice).
 */
export interface OnlyFilter {
  codes: Set<string>;
  /** By code: the choice named (`其他资金`). */
  choices: Map<string, string>;
}

export function parseOnly(values: string[] | undefined): OnlyFilter | null {
  if (!values) return null;
  const filter: OnlyFilter = { codes: new Set(), choices: new Map() };
  for (const value of values) {
    const [code, choice] = value.split('=', 2);
    if (!RuleCodeSchema.safeParse(code).success) throw new CliError(`--only 的规则代码「${code}」不存在；可用：${RuleCodeSchema.options.join('、')}`);
    filter.codes.add(code);
    if (choice !== undefined) filter.choices.set(code, choice);
  }
  return filter;
}

/** The fix an issue offers under `only`: its single fix, or the way out --only names; null for none. */
function fixOf(issue: Issue, only: OnlyFilter | null): Fix | null {
  if (only && !only.codes.has(issue.code)) return null;
  if (issue.fix) return issue.fix;
  const picked = only?.choices.get(issue.code);
  return issue.choices?.find((choice) => choice.choice === picked) ?? null;
}

/** The fixes offered in `reports`, each with its sheet and code, those of `only` (when given). */
function offered(reports: SheetReport[], only: OnlyFilter | null): (SheetFix & { code: RuleCode })[] {
  return reports.flatMap((report) =>
    report.issues.flatMap((issue) => {
      const fix = fixOf(issue, only);
      return fix ? [{ sheet: report.sheet, fix, code: issue.code }] : [];
    }),
  );
}

/** Issues with several ways out that nobody picked: said, with the --only that applies each. */
function choicesLeft(reports: SheetReport[], only: OnlyFilter | null): string[] {
  return reports.flatMap((report) =>
    report.issues.flatMap((issue) =>
      issue.choices && !fixOf(issue, only) && (!only || only.codes.has(issue.code))
        ? [
            `${report.sheet}：${issue.code} 有 ${issue.choices.length} 种改法，未自动选择；要采用其中一种，请加 ${issue.choices
              .map((choice) => `--only ${issue.code}=${choice.choice ?? ''}（${choice.description}）`)
              .join(' 或 ')}`,
          ]
        : [],
    ),
  );
}

/** Rounds of 全部修正: a fix left out of a round (it writes what another writes) is applied after a re-check. */
const MAX_ROUNDS = 10;

/**
 * Applies the offered fixes: per round, each sheet's fixes combined into one (combineFixes, the same as
 * 全部修正 in the task pane), all sheets in one copy; the copy is checked again and what is still offered
 * (fixes the combination left out) makes the next round, until nothing is offered or a round changes
 * nothing offered.
 */
function applyAll(bytes: Uint8Array, reports: SheetReport[], only: OnlyFilter | null, options: FixCheck): { bytes: Uint8Array; applied: AppliedFix[]; macrosRemoved: boolean } {
  let current = bytes;
  let macrosRemoved = false;
  let fixes = offered(reports, only);
  const applied: AppliedFix[] = [];
  for (let round = 0; round < MAX_ROUNDS && fixes.length > 0; round++) {
    const sheets = [...new Set(fixes.map((f) => f.sheet))];
    const combined: SheetFix[] = [];
    const taken: (SheetFix & { code: RuleCode })[][] = [];
    for (const sheet of sheets) {
      const mine = fixes.filter((f) => f.sheet === sheet);
      const { fix, skipped } = combineFixesDetailed(mine.map((f) => f.fix));
      if (!fix) continue;
      combined.push({ sheet, fix });
      taken.push(mine.filter((_, i) => !skipped.includes(i)));
    }
    const copy = fixedCopy(current, combined);
    // The combined steps are each taken fix's steps in order: its changes are the next steps.length.
    let at = 0;
    for (const group of taken) {
      for (const { sheet, code, fix } of group) {
        applied.push({ sheet, code, description: fix.description, changes: copy.changes.slice(at, at + fix.steps.length) });
        at += fix.steps.length;
      }
    }
    current = copy.bytes;
    macrosRemoved ||= copy.macrosRemoved;
    // A fix offered again once applied (a row inserted for the clerk to name, which the dimension awaits) is
    // never applied twice: that would only add a second empty row.
    const done = new Set(applied.map((fix) => `${fix.sheet}\u0000${fix.code}\u0000${fix.description}`));
    const next = offered(check(current, options), only).filter((f) => !done.has(`${f.sheet}\u0000${f.code}\u0000${f.fix.description}`));
    if (next.length >= fixes.length) break;
    fixes = next;
  }
  return { bytes: current, applied, macrosRemoved };
}

function shown(value: CellValue): string {
  return value === null || value === '' ? '（空）' : `「${String(value)}」`;
}

/** One line per change, in Chinese. */
export function changeLine(change: FixChange): string {
  if (change.kind === 'setCell') return `${change.cell}：${shown(change.before)} → ${shown(change.after)}`;
  return `在第 ${change.before} 行前插入 ${change.count} 行（格式同原第 ${change.formatFrom} 行）`;
}

function fixText(file: string, out: string, converted: boolean, applied: AppliedFix[], macrosRemoved: boolean): string {
  const count = applied.reduce((n, fix) => n + fix.changes.length, 0);
  const lines = [`已写出 ${out}：${applied.length} 项修正，共 ${count} 处修改（${file} 未改动）`];
  if (converted) lines.push(convertedNote(file, '修正后的副本'));
  if (macrosRemoved) lines.push(macrosRemovedNote('修正后的副本'));
  let sheet = '';
  for (const fix of applied) {
    if (fix.sheet !== sheet) {
      sheet = fix.sheet;
      lines.push('', `${sheet}`);
    }
    lines.push(`  ${fix.code}  ${fix.description}`);
    for (const change of fix.changes) lines.push(`    ${changeLine(change)}`);
  }
  return `${lines.join('\n')}\n`;
}

function exitCode(reports: SheetReport[], summary: CheckSummary): number {
  return batchExitCode([{ file: '', reports }], summary);
}

export const fixCommand: Command = async (args: string[], io: CommandIO) => {
  const { values, positionals } = parseCommandArgs('fix', args, {
    out: { type: 'string' },
    only: { type: 'string', multiple: true },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    framework: { type: 'string' },
    year: { type: 'string' },
    settings: { type: 'string' },
    ...LIBRARY_OPTION,
    ...LAYOUT_OPTION,
  });
  if (positionals.length !== 1) throw new CliError('请给出一个要修正的文件：jixiao fix IN.xlsx --out OUT.xlsx');
  const file = positionals[0];
  if (!values.out) throw new CliError('缺少 --out OUT.xlsx（修正后的副本；输入文件不会被改动）');
  if (!/\.xlsx$/i.test(values.out)) throw new CliError(`修正后的副本总是 .xlsx 文件，--out 须以 .xlsx 结尾：${values.out}`);
  const out = resolve(values.out);
  await refuseTarget(out, [file], values.force);
  const only = parseOnly(values.only);
  const settings = settingsFromFlags(await settingsFile(values.settings), values.framework, values.year);
  const library = await loadLibraries(values.library);
  const options: FixCheck = { settings, library, layouts: await loadLayouts(values.layout) };

  let input: Uint8Array;
  let reports: SheetReport[];
  let source: { bytes: Uint8Array; converted: boolean };
  try {
    input = await readRegularFile(file, DEFAULT_READ_LIMITS.maxFileBytes);
    reports = check(input, options);
    source = asXlsxPackage(input);
  } catch (error) {
    throw new CliError(`${file}：无法读取，未修正 — ${readFailure(error)}`, EXIT_UNREADABLE);
  }

  for (const line of choicesLeft(reports, only)) io.stderr(`jixiao: ${line}\n`);
  if (offered(reports, only).length === 0) {
    const summary = summarize(reports);
    const what = only ? `没有 ${[...only.codes].join('、')} 的可自动修正的问题` : '没有可自动修正的问题';
    if (values.json) io.stdout(`${JSON.stringify({ file, out: null, converted: source.converted, fixes: [], remaining: checkJson([{ file, reports }]).files[0] } satisfies FixJson)}\n`);
    else io.stdout(`${file}：${what}，未写出 ${out}。\n\n${checkText([{ file, reports }], summary)}`);
    return exitCode(reports, summary);
  }

  let result;
  try {
    result = applyAll(source.bytes, reports, only, options);
  } catch (error) {
    throw new CliError(`${file}：修正时出错，未写出 ${out}（${errorMessage(error)}）`);
  }
  try {
    await writeOutputFile(out, result.bytes, [file], values.force);
  } catch (error) {
    throw new CliError(error instanceof OutputFileError ? error.message : `无法写出 ${out}：${errorMessage(error)}`);
  }
  // What remains is read back from the file written, as anyone opening it would read it.
  const remaining = check(await readRegularFile(out, DEFAULT_READ_LIMITS.maxFileBytes), options);
  const summary = summarize(remaining);
  if (values.json) {
    const json: FixJson = { file, out, converted: source.converted, fixes: result.applied, ...(result.macrosRemoved ? { macrosRemoved: true as const } : {}), remaining: checkJson([{ file: out, reports: remaining }]).files[0] };
    io.stdout(`${JSON.stringify(json)}\n`);
  } else {
    io.stdout(`${fixText(file, out, source.converted, result.applied, result.macrosRemoved)}\n修正后复查：\n${checkText([{ file: out, reports: remaining }], summary)}`);
  }
  return exitCode(remaining, summary);
};
