import {
  AmountUnitSchema,
  TemplateLibrarySchema,
  type AmountUnit,
  type Budget,
  type Department,
  type IndicatorRow,
  type LibraryTable,
  type ParseNote,
  type TemplateLibrary,
} from '../model';
import { LABELS } from '../sheet/labels';
import { readAmount } from '../sheet/reader';
import { parseRowValue } from '../values';
import { labelKey, NUMBERED_ENTRY, tokenize, type CellToken, type HeadingToken, type Token } from './tokens';

/** The text is not a readable 绩效目标表 document; the message names the source and line. */
export class SeedFormatError extends Error {
  override readonly name = 'SeedFormatError';
  constructor(
    readonly source: string,
    /** 1-based line the problem concerns; 0 for the document as a whole. */
    readonly line: number,
    readonly detail: string,
  ) {
    super(line > 0 ? `${source} 第${line}行：${detail}` : `${source}：${detail}`);
  }
}

const DEPARTMENT = /^(\d{6})\s*(\S.*)$/;
const UNIT = /^单位[：:]\s*(\S+)$/;

/** The seed's labels are the ones the sheet layout writes (sheet/labels), matched by labelKey. */
const LABEL = {
  projectName: labelKey(LABELS.projectName),
  budgetSection: labelKey(LABELS.budgetBlock),
  total: labelKey(LABELS.budgetTotal),
  fiscal: labelKey(LABELS.budgetFiscal),
  other: labelKey(LABELS.budgetOther),
  purpose: labelKey(LABELS.purpose),
  goals: labelKey(LABELS.goals),
} as const;

/** Header fields some layouts add; kept in extraFields under their label. */
const EXTRA_FIELD_LABELS = ['主管部门', '实施单位', '项目属性', '项目期', '起止时间', '年度资金总额'];

type Column = 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'unit';
const HEADER_COLUMNS: Record<string, Column> = {
  [labelKey(LABELS.level1)]: 'level1',
  [labelKey(LABELS.level2)]: 'level2',
  [labelKey(LABELS.level3)]: 'level3',
  [labelKey(LABELS.description)]: 'description',
  [labelKey('指标描述')]: 'description',
  [labelKey(LABELS.value)]: 'value',
  [labelKey('计量单位')]: 'unit',
};
const REQUIRED_COLUMNS: Column[] = ['level1', 'level2', 'level3', 'value'];

interface ContentsEntry {
  number: number;
  title: string;
  line: number;
}

/** The tokens of one table, from its heading (if any) to the next table. */
interface TableChunk {
  heading: HeadingToken | null;
  tokens: Token[];
}

/** Mutable state carried from one table to the next (number, department and unit of the last one). */
interface Carry {
  number: number;
  department: Department | null;
  unit: AmountUnit | null;
}

/**
 * Reads a whole seed document (text export of a 项目支出绩效目标表 Word file) into a template library:
 * every table with every indicator row, in document order. Whatever had to be inferred becomes a
 * ParseNote; input that cannot be read as such a document throws SeedFormatError.
 */
export function parseSeedDocument(text: string, source: string): TemplateLibrary {
  if (text.trim() === '') throw new SeedFormatError(source, 0, '文档为空，没有任何内容。');
  const tokens = tokenize(text);
  const firstCell = tokens.find((t): t is CellToken => t.kind === 'cell');
  if (!firstCell) {
    throw new SeedFormatError(source, 1, '没有以制表符开头的表格单元格行，不是绩效目标表的导出文本。');
  }

  const docNotes: ParseNote[] = [];
  const note = (line: number, message: string) => docNotes.push({ line, message: `${source}：${message}` });
  const contents = readContents(tokens);
  if (contents.length === 0) note(0, '文档没有目录（“目录”及编号标题），表的编号按出现顺序推定。');

  const chunks = splitTables(tokens, source, note);
  if (chunks.length === 0) {
    throw new SeedFormatError(source, firstCell.line, '找不到任何绩效目标表（“单位：”行、“项目名称”），不是绩效目标表文档。');
  }

  const carry: Carry = { number: 0, department: null, unit: null };
  const tables = chunks.map((chunk) => parseTable(chunk, contents, carry, source));

  const lastTable = tables[tables.length - 1];
  const missingAtEnd = contents.filter((e) => e.number > lastTable.number);
  if (missingAtEnd.length > 0) {
    const lastLine = tokens[tokens.length - 1].line;
    throw new SeedFormatError(
      source,
      lastLine,
      `文档在此处结束，但目录还列出 ${missingAtEnd.length} 张表（从第 ${missingAtEnd[0].number} 项“${missingAtEnd[0].title}”起），文档可能被截断。`,
    );
  }
  if (contents.length > 0) {
    if (contents.length !== tables.length) {
      note(contents[0].line, `目录列出 ${contents.length} 张表，正文读到 ${tables.length} 张表。`);
    }
    for (const entry of contents) {
      if (!tables.some((t) => t.number === entry.number)) {
        note(entry.line, `目录第 ${entry.number} 项“${entry.title}”在正文中没有对应的表。`);
      }
    }
  }

  const result = TemplateLibrarySchema.safeParse({ tables, notes: docNotes });
  if (!result.success) {
    throw new SeedFormatError(source, 0, `解析结果不符合模板库格式：${result.error.message}`);
  }
  return result.data;
}

/** Contents entries: numbered lines after the `目    录` line, before the first table. */
function readContents(tokens: Token[]): ContentsEntry[] {
  const start = tokens.findIndex((t) => t.kind === 'text' && labelKey(t.text) === '目录');
  if (start < 0) return [];
  const entries: ContentsEntry[] = [];
  for (const token of tokens.slice(start + 1)) {
    if (token.kind === 'cell' || token.kind === 'heading') break;
    if (token.kind !== 'text') continue;
    const match = NUMBERED_ENTRY.exec(token.text);
    if (match) entries.push({ number: Number(match[1]), title: match[2].trim(), line: token.line });
  }
  return entries;
}

/**
 * Cuts the token stream into tables. A table starts at its heading, or — when the export lost the
 * heading — at a department cell (`343101…`) followed by a `单位：` cell after the previous table
 * already had its own department line.
 */
function splitTables(tokens: Token[], source: string, note: (line: number, message: string) => void): TableChunk[] {
  const chunks: TableChunk[] = [];
  let current: TableChunk | null = null;
  let currentHasDepartment = false;
  /** Whether the current table has a token other than a blank line (kept, not recomputed per token). */
  let currentStarted = false;
  tokens.forEach((token, index) => {
    if (token.kind === 'heading') {
      current = { heading: token, tokens: [] };
      currentHasDepartment = false;
      currentStarted = false;
      chunks.push(current);
      return;
    }
    if (token.kind === 'cell' && startsTable(tokens, index)) {
      if (!current || currentHasDepartment) {
        current = { heading: null, tokens: [] };
        currentStarted = false;
        chunks.push(current);
      }
      currentHasDepartment = true;
    }
    if (!current) {
      if (token.kind === 'cell' && token.text !== '') {
        throw new SeedFormatError(source, token.line, `单元格“${token.text}”出现在第一张表开始之前（缺少表标题或“单位：”行）。`);
      }
      return;
    }
    if (token.kind === 'text' && !currentStarted) {
      note(token.line, `表标题与表格之间的文字“${token.text}”不属于任何单元格。`);
      return;
    }
    if (token.kind !== 'blank') currentStarted = true;
    current.tokens.push(token);
  });
  return chunks;
}

function startsTable(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  if (token.kind !== 'cell' || !DEPARTMENT.test(token.text)) return false;
  // Walks to the next non-blank token only (no copy of the rest): the parser stays linear in its input.
  for (let i = index + 1; i < tokens.length; i++) {
    const next = tokens[i];
    if (next.kind !== 'blank') return next.kind === 'cell' && UNIT.test(labelKey(next.text));
  }
  return false;
}

/** Cells grouped into rows: a blank line ends a row. Stray text lines are kept as notes. */
function rowsOf(chunk: TableChunk, notes: ParseNote[]): CellToken[][] {
  const rows: CellToken[][] = [];
  let row: CellToken[] = [];
  for (const token of chunk.tokens) {
    if (token.kind === 'cell') {
      row.push(token);
    } else if (token.kind === 'blank') {
      if (row.length > 0) rows.push(row);
      row = [];
    } else if (token.kind === 'text') {
      notes.push({ line: token.line, message: `表格中有不属于任何单元格的文字“${token.text}”，未读入。` });
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function parseTable(chunk: TableChunk, contents: ContentsEntry[], carry: Carry, source: string): LibraryTable {
  const notes: ParseNote[] = [];
  const firstToken = chunk.tokens.find((t) => t.kind !== 'blank');
  const startLine = chunk.heading?.line ?? firstToken?.line ?? 1;
  // Typed on the variable, so that TypeScript narrows after a call (a never-returning call).
  const fail: (line: number, detail: string) => never = (line, detail) => {
    throw new SeedFormatError(source, line, detail);
  };
  const rows = rowsOf(chunk, notes);
  for (const row of rows) {
    for (const cell of row) {
      if (cell.indented) notes.push({ line: cell.line, message: '行首制表符前有多余的空格，已忽略。' });
    }
  }

  // The grid begins at the row whose cells are the column labels 一级指标 … 指标值.
  const headerIndex = rows.findIndex((row) => row.some((c) => labelKey(c.text) === labelKey(LABELS.level1)));
  // Header fields first: a table cut short in its header block gets the more precise message.
  const header = readHeaderFields((headerIndex < 0 ? rows : rows.slice(0, headerIndex)).flat(), startLine, notes, fail);
  if (headerIndex < 0) {
    const last = chunk.tokens[chunk.tokens.length - 1];
    fail(last?.line ?? startLine, '表格不完整：缺少指标表头（一级指标、二级指标、三级指标、绩效指标描述、指标值），文档可能被截断。');
  }

  const number = chunk.heading?.number ?? carry.number + 1;
  const title = tableTitle(chunk, number, header.projectName, contents, startLine, notes);

  let department = header.department;
  if (!department) {
    if (!carry.department) fail(startLine, '表格缺少单位行（部门编码和名称，如“343101天津市司法局装备财务处”）。');
    department = carry.department;
    notes.push({ line: startLine, message: `表格缺少单位行，部门沿用上一张表的“${department.code}${department.name}”。` });
  }
  let unit = header.unit;
  if (!unit) {
    unit = carry.unit ?? '万元';
    notes.push({ line: startLine, message: `表格缺少“单位：”行，金额单位按“${unit}”。` });
  }
  carry.number = number;
  carry.department = department;
  carry.unit = unit;

  const indicators = readIndicators(rows[headerIndex], rows.slice(headerIndex + 1), unit, notes, fail);

  return {
    title,
    department,
    unit,
    projectName: header.projectName,
    budget: header.budget,
    purpose: header.purpose,
    goals: header.goals,
    indicators,
    extraFields: header.extraFields,
    number,
    source,
    line: startLine,
    notes: notes.sort((a, b) => a.line - b.line),
  };
}

function tableTitle(
  chunk: TableChunk,
  number: number,
  projectName: string,
  contents: ContentsEntry[],
  startLine: number,
  notes: ParseNote[],
): string {
  const entry = contents.find((e) => e.number === number);
  if (chunk.heading) {
    if (entry && labelKey(entry.title) !== labelKey(chunk.heading.title)) {
      notes.push({ line: chunk.heading.line, message: `标题“${chunk.heading.title}”与目录第 ${number} 项“${entry.title}”不一致，采用正文标题。` });
    }
    return chunk.heading.title;
  }
  if (entry) {
    notes.push({ line: startLine, message: `表格缺少标题行（“${number}.…绩效目标表”），编号 ${number} 与标题“${entry.title}”取自目录。` });
    return entry.title;
  }
  const title = `${projectName}绩效目标表`;
  notes.push({ line: startLine, message: `表格缺少标题行且目录中没有第 ${number} 项，标题按项目名称定为“${title}”。` });
  return title;
}

interface HeaderFields {
  department: Department | null;
  unit: AmountUnit | null;
  projectName: string;
  budget: Budget;
  purpose: string;
  goals: string;
  extraFields: Record<string, string>;
}

/**
 * The block above the indicator grid, read by labels: each label's value is the next cell. After
 * 其他资金's amount, cells up to 绩效目标 are the 资金用途 text (its label cell is merged and prints blank).
 */
function readHeaderFields(
  cells: CellToken[],
  startLine: number,
  notes: ParseNote[],
  fail: (line: number, detail: string) => never,
): HeaderFields {
  const fields: HeaderFields = {
    department: null,
    unit: null,
    projectName: '',
    budget: { total: null, fiscal: null, other: null },
    purpose: '',
    goals: '',
    extraFields: {},
  };
  let projectNameLine = 0;
  let goalsLine = 0;
  let section: 'none' | 'purpose' | 'goals' = 'none';
  const purposeParts: string[] = [];
  const goalParts: string[] = [];
  const valueAfter = (i: number, label: string): CellToken => {
    const next = cells[i + 1];
    if (!next) fail(cells[i].line, `“${label}”后面缺少对应的内容单元格，文档可能被截断。`);
    return next;
  };

  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const key = labelKey(cell.text);
    const department = DEPARTMENT.exec(cell.text);
    const unit = UNIT.exec(key);
    if (department && !fields.department && section === 'none') {
      fields.department = { code: department[1], name: department[2].trim() };
    } else if (unit) {
      const parsed = AmountUnitSchema.safeParse(unit[1]);
      if (!parsed.success) fail(cell.line, `不支持的金额单位“${unit[1]}”（只支持${AmountUnitSchema.options.join('、')}）。`);
      fields.unit = parsed.data;
    } else if (key === LABEL.projectName) {
      const value = valueAfter(i, '项目名称');
      fields.projectName = value.text;
      projectNameLine = value.line;
      i++;
    } else if (key === LABEL.budgetSection) {
      section = 'none';
    } else if (key === LABEL.total || key === LABEL.fiscal || key === LABEL.other) {
      const value = valueAfter(i, cell.text);
      const amount = readAmountCell(value, fields.unit, notes);
      if (key === LABEL.total) fields.budget.total = amount;
      else if (key === LABEL.fiscal) fields.budget.fiscal = amount;
      else fields.budget.other = amount;
      if (key === LABEL.other) section = 'purpose';
      i++;
    } else if (key === LABEL.purpose) {
      section = 'purpose';
    } else if (key === LABEL.goals) {
      section = 'goals';
      goalsLine = cell.line;
    } else if (EXTRA_FIELD_LABELS.includes(key)) {
      fields.extraFields[key] = valueAfter(i, cell.text).text;
      i++;
    } else if (cell.text === '') {
      continue;
    } else if (section === 'purpose') {
      purposeParts.push(cell.text);
    } else if (section === 'goals') {
      goalParts.push(cell.text);
    } else {
      notes.push({ line: cell.line, message: `表头中无法识别的单元格“${cell.text}”，未读入。` });
    }
  }

  if (!projectNameLine || fields.projectName === '') {
    fail(cells[0]?.line ?? startLine, '表格缺少“项目名称”或其内容为空。');
  }
  if (!goalsLine) fail(cells[cells.length - 1]?.line ?? startLine, '表格缺少“绩效目标”。');
  fields.purpose = purposeParts.join('\n');
  fields.goals = goalParts.join('\n');
  if (fields.purpose === '') notes.push({ line: projectNameLine, message: '资金用途为空。' });
  if (fields.goals === '') notes.push({ line: goalsLine, message: '绩效目标为空。' });
  return fields;
}

/** An amount cell, read as the sheet reader reads one (`292.00`, `2,920,000元`, `250万`); blank → null. The 单位 line comes first in a seed table; without it a stated unit converts to 万元. */
function readAmountCell(cell: CellToken, unit: AmountUnit | null, notes: ParseNote[]): number | null {
  if (cell.text.trim() === '') return null;
  const amount = readAmount(cell.text, unit ?? '万元');
  if (amount === null) notes.push({ line: cell.line, message: `金额“${cell.text}”不是数字，按空白处理。` });
  return amount;
}

function readIndicators(
  headerRow: CellToken[],
  rows: CellToken[][],
  tableUnit: AmountUnit,
  notes: ParseNote[],
  fail: (line: number, detail: string) => never,
): IndicatorRow[] {
  const columns = headerRow.map((cell) => {
    const column = HEADER_COLUMNS[labelKey(cell.text)];
    if (!column) fail(cell.line, `指标表头中无法识别的列“${cell.text}”。`);
    return column;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) fail(headerRow[0].line, `指标表头缺少“${columnLabel(required)}”列。`);
  }
  if (rows.length === 0) fail(headerRow[headerRow.length - 1].line, '指标表头之后没有任何指标行，文档可能被截断。');

  const indicators: IndicatorRow[] = [];
  let level1 = '';
  for (const row of rows) {
    if (row.length !== columns.length) {
      fail(row[0].line, `指标行应有 ${columns.length} 个单元格，实际 ${row.length} 个（从“${row[0].text}”起），文档可能被截断或行未以空行分隔。`);
    }
    const cells: Partial<Record<Column, string>> = {};
    row.forEach((cell, i) => {
      cells[columns[i]] = cell.text;
      if (cell.continuationLines > 0) {
        notes.push({ line: cell.line, message: `单元格“${cell.text.split('\n')[0]}…”跨 ${cell.continuationLines + 1} 行，已用换行连接。` });
      }
    });
    if (cells.level1) {
      level1 = cells.level1;
    } else if (!level1) {
      notes.push({ line: row[0].line, message: '第一条指标行没有一级指标，一级指标留空。' });
    }
    const indicator = {
      level1,
      level2: cells.level2 ?? '',
      level3: cells.level3 ?? '',
      description: cells.description ?? '',
      value: cells.value ?? '',
      unit: cells.unit ?? null,
    };
    indicators.push({ ...indicator, parsed: parseRowValue(indicator, tableUnit) });
  }
  return indicators;
}

function columnLabel(column: Column): string {
  return Object.entries(HEADER_COLUMNS).find(([, c]) => c === column)?.[0] ?? column;
}
