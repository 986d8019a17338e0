import { readAmount } from '../../src/core/sheet/reader';
import fc from 'fast-check';
import { parseSeedDocument, SeedFormatError } from '../../src/core/library';
import { loadSeedLibrary, readSeedText, SEED_SOURCE } from '../support/seed';

const seedLines = () => readSeedText().split('\n');
/** The seed with 1-based line `line` replaced by `replacement` (several lines, or none). */
function edit(line: number, ...replacement: string[]): string {
  const lines = seedLines();
  lines.splice(line - 1, 1, ...replacement);
  return lines.join('\n');
}
function parseError(text: string): SeedFormatError {
  try {
    parseSeedDocument(text, 'bad.txt');
  } catch (error) {
    if (error instanceof SeedFormatError) return error;
    throw error;
  }
  throw new Error('expected a SeedFormatError');
}

describe('malformed documents throw SeedFormatError naming the line', () => {
  test('empty or blank text', () => {
    for (const text of ['', '   \n\n \t\n', '\uFEFF']) {
      const error = parseError(text);
      expect(error.message).toBe('bad.txt：文档为空，没有任何内容。');
      expect(error.line).toBe(0);
    }
  });

  test('plain text that is not a table export', () => {
    const error = parseError('# README\n\n这是一份普通的说明文档。\n没有任何表格。\n');
    expect(error.message).toBe('bad.txt 第1行：没有以制表符开头的表格单元格行，不是绩效目标表的导出文本。');
  });

  test('tab-indented text that is not a 绩效目标表', () => {
    const error = parseError('采购清单\n\t名称\n\t数量\n\n\t电脑\n\t3\n');
    expect(error.line).toBe(2);
    expect(error.message).toContain('单元格“名称”出现在第一张表开始之前');
  });

  test('a department and unit line, but no table after it', () => {
    const error = parseError('\t343101天津市司法局装备财务处\n\t单位：万元\n\n\t其他内容\n');
    expect(error.message).toBe('bad.txt 第1行：表格缺少“项目名称”或其内容为空。');
    const withName = parseError('\t343101天津市司法局装备财务处\n\t单位：万元\n\n\t项目名称\n\t某项目\n\n\t绩效目标\n\t1.目标\n');
    expect(withName.message).toBe('bad.txt 第9行：表格不完整：缺少指标表头（一级指标、二级指标、三级指标、绩效指标描述、指标值），文档可能被截断。');
  });

  test('truncated inside an indicator row (after line 1000, table 9)', () => {
    const error = parseError(seedLines().slice(0, 1000).join('\n'));
    expect(error.line).toBe(997);
    expect(error.message).toBe(
      'bad.txt 第997行：指标行应有 5 个单元格，实际 4 个（从“”起），文档可能被截断或行未以空行分隔。',
    );
  });

  test('truncated between two rows: the contents list still names the missing tables', () => {
    const error = parseError(seedLines().slice(0, 1002).join('\n'));
    expect(error.line).toBe(1002);
    expect(error.message).toContain('目录还列出 7 张表（从第 10 项“人民调解工作绩效目标表”起）');
  });

  test('truncated right after the indicator header of table 1', () => {
    const error = parseError(seedLines().slice(0, 60).join('\n'));
    expect(error.message).toBe('bad.txt 第59行：指标表头之后没有任何指标行，文档可能被截断。');
  });

  test('truncated after the 项目名称 label', () => {
    const error = parseError(seedLines().slice(0, 36).join('\n'));
    expect(error.message).toBe('bad.txt 第36行：“项目名称”后面缺少对应的内容单元格，文档可能被截断。');
  });

  test('an unsupported money unit', () => {
    expect(parseError(edit(34, '\t单位：美元')).message).toBe('bad.txt 第34行：不支持的金额单位“美元”（只支持元、千元、万元、亿元）。');
  });

  test('an indicator header with an unknown column', () => {
    expect(parseError(edit(59, '\t指标值', '\t权重')).message).toBe('bad.txt 第60行：指标表头中无法识别的列“权重”。');
  });

  test('cut at any line: a SeedFormatError, or table 16 cut at a row boundary (never anything else)', () => {
    const lines = seedLines();
    const full = loadSeedLibrary();
    let readable = 0;
    for (let cut = 0; cut < lines.length; cut++) {
      let library;
      try {
        library = parseSeedDocument(lines.slice(0, cut).join('\n'), SEED_SOURCE);
      } catch (error) {
        expect(error).toBeInstanceOf(SeedFormatError);
        continue;
      }
      readable++;
      expect(cut).toBeGreaterThan(1767);
      expect(library.tables.slice(0, 15)).toEqual(full.tables.slice(0, 15));
      const last = library.tables[15];
      expect(last.indicators).toEqual(full.tables[15].indicators.slice(0, last.indicators.length));
    }
    // Each of table 16's nine rows ends at a blank line, plus the trailing blank lines.
    expect(readable).toBeGreaterThanOrEqual(9);
  });

  test('arbitrary text never throws anything but SeedFormatError', () => {
    const fragments = seedLines().slice(28, 140);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.array(fc.constantFrom(...fragments, '\t', '', ' \t343101X', '[bookmark: x]1.x绩效目标表'), { maxLength: 120 }).map((l) => l.join('\n')),
        ),
        (text) => {
          try {
            parseSeedDocument(text, 'random.txt');
          } catch (error) {
            if (!(error instanceof SeedFormatError)) throw error;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('irregularities are read and reported as notes, never dropped', () => {
  test('a missing heading: title and number from the contents list', () => {
    const library = parseSeedDocument(edit(458, ''), SEED_SOURCE);
    expect(library.tables).toHaveLength(16);
    const t5 = library.tables[4];
    expect([t5.number, t5.title, t5.line, t5.indicators.length]).toEqual([5, '公共法律服务绩效目标表', 459, 24]);
    expect(t5.notes).toEqual([
      { line: 459, message: '表格缺少标题行（“5.…绩效目标表”），编号 5 与标题“公共法律服务绩效目标表”取自目录。' },
    ]);
  });

  test('a heading without its [bookmark: …] prefix is still a heading', () => {
    const library = parseSeedDocument(edit(637, '6.局机关综合经费绩效目标表'), SEED_SOURCE);
    expect(library).toEqual(loadSeedLibrary());
  });

  test('a missing department line: carried over from the previous table', () => {
    const library = parseSeedDocument(edit(1665), SEED_SOURCE);
    const t15 = library.tables[14];
    expect(t15.department).toEqual({ code: '343206', name: '天津市司法行政服务中心' });
    expect(t15.notes).toEqual([{ line: 1664, message: '表格缺少单位行，部门沿用上一张表的“343206天津市司法行政服务中心”。' }]);
  });

  test('stray text inside the grid and a cell running over two lines', () => {
    const lines = seedLines();
    lines.splice(65, 0, '（续）第二行'); // directly under `≥13个` (line 65): continues that cell
    lines.splice(67, 0, '这是一段孤立的文字'); // after the blank line 66: belongs to no cell
    const t1 = parseSeedDocument(lines.join('\n'), SEED_SOURCE).tables[0];
    expect(t1.indicators).toHaveLength(12);
    expect(t1.indicators[0].value).toBe('≥13个\n（续）第二行');
    expect(t1.notes).toEqual([
      { line: 65, message: '单元格“≥13个…”跨 2 行，已用换行连接。' },
      { line: 68, message: '表格中有不属于任何单元格的文字“这是一段孤立的文字”，未读入。' },
    ]);
  });

  test('a heading that disagrees with the contents, and a contents entry with no table', () => {
    const library = parseSeedDocument(edit(785, '[bookmark: _Toc1]17.律师培训绩效目标表'), SEED_SOURCE);
    expect(library.tables.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 17, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(library.tables[6].title).toBe('律师培训绩效目标表');
    expect(library.notes).toEqual([{ line: 18, message: `${SEED_SOURCE}：目录第 7 项“律师行业党组织书记培训绩效目标表”在正文中没有对应的表。` }]);
  });

  test('extra header fields, an unknown header cell and a non-numeric amount', () => {
    const lines = seedLines();
    lines.splice(40, 1, '\t待定'); // 预算数 value (line 41)
    lines.splice(37, 0, '', '\t主管部门', '\t天津市司法局', '', '\t备注栏');
    const t1 = parseSeedDocument(lines.join('\n'), SEED_SOURCE).tables[0];
    expect(t1.extraFields).toEqual({ 主管部门: '天津市司法局' });
    expect(t1.budget).toEqual({ total: null, fiscal: 292, other: null });
    expect(t1.notes).toEqual([
      { line: 42, message: '表头中无法识别的单元格“备注栏”，未读入。' },
      { line: 46, message: '金额“待定”不是数字，按空白处理。' },
    ]);
  });

  test('amounts are read exactly as the sheet reader reads them (one parser for both)', () => {
    const amountsOf = (total: string, fiscal: string) => {
      const lines = seedLines();
      lines.splice(40, 1, `\t${total}`); // 预算数 value (line 41)
      lines.splice(42, 1, `\t${fiscal}`); // 财政拨款 value (line 43)
      return parseSeedDocument(lines.join('\n'), SEED_SOURCE).tables[0];
    };
    const table = amountsOf('2,920,000元', '２９２');
    expect(table.budget).toMatchObject({ total: readAmount('2,920,000元', table.unit), fiscal: readAmount('２９２', table.unit) });
    expect(table.budget).toMatchObject({ total: 292, fiscal: 292 });
    expect(amountsOf('250万', '约300').budget).toMatchObject({ total: 250, fiscal: 300 });
  });
});
