// Suggestions for a new project, measured on the seed: a form named like one of its 16 projects (the name
// reworded, its goal text typed) must get that project's indicators first.
import { checkGridTables } from '../../src/core/check';
import { FRAMEWORKS, rowDimensionRole } from '../../src/core/frameworks';
import { findTemplate } from '../../src/core/library';
import { parseSettings } from '../../src/core/model';
import type { IndicatorRow, LibraryTable, Suggestion, SuggestionGroup } from '../../src/core/model';
import { indicatorKey } from '../../src/core/rules/template';
import { emptyTarget, genericName } from '../../src/core/rules/generic-indicator';
import { fromA1 } from '../../src/core/sheet/address';
import { planBlankSheet } from '../../src/core/sheet/layout';
import { readSheet } from '../../src/core/sheet/reader';
import { applyFixToGrid } from '../../src/core/fixes';
import type { CellGrid } from '../../src/core/sheet/types';
import { MAX_ROWS_FOR_SUGGESTIONS, placeRow, suggestForClause, suggestIndicators } from '../../src/core/suggest';
import { countKinds, kindFit, kindsOf } from '../../src/core/suggest/kinds';
import { sharedPhrases } from '../../src/core/suggest/reasons';
import { Idf, cosine, termsOf } from '../../src/core/suggest/vectors';
import { loadSeedLibrary, seedTable } from '../support/seed';
import { gridFromPlan, gridFromTable } from '../support/sheetTable';

/** Each seed project as a clerk might name a new one like it (none is the library's own name). */
const REWORDED: Record<number, string> = {
  1: '数字化系统运维',
  2: '司法行政业务经费保障',
  3: '法律职业资格考试组织',
  4: '法治建设工作',
  5: '公共法律服务工作',
  6: '机关综合经费',
  7: '律师行业党组织书记轮训',
  8: '平安天津建设',
  9: '普法与依法治理',
  10: '人民调解',
  11: '公共法律服务便民化（中央资金）',
  12: '推进公共法律服务便民化及支持经费',
  13: '司法局一般债券利息',
  14: '法治建设课题研究',
  15: '法律援助案件补贴经费',
  16: '公共法律服务便民化支持经费',
};

const library = loadSeedLibrary();
const flat = (groups: SuggestionGroup[]): Suggestion[] => groups.flatMap((g) => g.suggestions).sort((a, b) => b.score - a.score);
const fromTable = (table: LibraryTable) => (s: Suggestion) => s.sources.some((source) => source.number === table.number);

describe('suggestIndicators on the seed', () => {
  it.each(library.tables.map((table) => [table.number, table.projectName] as const))(
    'a form named like 表 %i「%s」 with its goals gets every indicator of that project first',
    (number) => {
      const table = seedTable(number);
      const name = REWORDED[number];
      expect(findTemplate(library, name)).toBeNull();
      const groups = suggestIndicators(library, { projectName: name, goals: table.goals }, { framework: FRAMEWORKS.seed, limit: 1000 });
      const ranked = flat(groups);
      const own = ranked.filter(fromTable(table));
      // Every indicator of the project is offered once per dimension (the seed repeats a few names)…
      // (bar a 三级 that only names its dimension, 服务对象满意度指标, and a target that does not fit its dimension,
      // 表 6's 绩效评价服务费占项目总金额比例 ≤1% under 成本: what generic-indicator flags is never passed on, issue #22)
      const passedOn = (row: IndicatorRow) => !genericName(row) && emptyTarget(row, rowDimensionRole(FRAMEWORKS.seed, row)) === null;
      const distinct = new Set(table.indicators.filter(passedOn).map((row) => `${row.level2}|${indicatorKey(row)}`));
      expect(own).toHaveLength(distinct.size);
      // …and all of them rank above every other project's, bar its twin: 表 11 and 表 12 are one project (中央 and
      // 市级 funds) with most rows in common; only the hotline number 12348 told 12's goals apart, and digits no
      // longer count as shared words (issue #22: the 23 of 2023 matched 12348).
      const twins: Record<number, number[]> = { 12: [11] };
      const ours = (s: Suggestion) => fromTable(table)(s) || s.sources.some((source) => twins[number]?.includes(source.number));
      expect(ranked.slice(0, own.length).every(ours)).toBe(true);
      // With the pane's default of 5 per dimension, each dimension the project fills leads with its row.
      for (const group of suggestIndicators(library, { projectName: name, goals: table.goals }, { framework: FRAMEWORKS.seed })) {
        if (table.indicators.some((row) => row.level2 === group.level2)) expect(ours(group.suggestions[0])).toBe(true);
        expect(group.suggestions.length).toBeLessThanOrEqual(5);
      }
      expect(own[0].reason).toContain(`来自「${table.projectName}」`);
    },
  );

  it('still ranks each project first when its goals are typed with every fourth character missing', () => {
    const garbled = (text: string) => Array.from(text).filter((_, i) => i % 4 !== 3).join('');
    const first = library.tables.filter((table) => {
      const ranked = flat(suggestIndicators(library, { projectName: REWORDED[table.number], goals: garbled(table.goals) }, { framework: FRAMEWORKS.seed, limit: 1000 }));
      const own = ranked.filter(fromTable(table)).length;
      return own > 0 && ranked.slice(0, own).every(fromTable(table));
    });
    expect(first.map((table) => table.number)).toEqual(library.tables.map((table) => table.number));
  });

  it('does not pad a dimension with faint fits from unrelated projects', () => {
    const groups = suggestIndicators(library, { projectName: REWORDED[1], goals: seedTable(1).goals }, { framework: FRAMEWORKS.seed });
    // 表 1 has one 质量指标; 普法's 国家工作人员网上学习考试参考率 (a fit of a few %) is not offered beside it.
    expect(groups.find((g) => g.level2 === '质量指标')?.suggestions.map((s) => s.level3)).toEqual(['运维服务验收通过率']);
    expect(flat(groups).every(fromTable(seedTable(1)))).toBe(true);
    // A project between two library ones gets both.
    const hotline = flat(suggestIndicators(library, { projectName: '公共法律服务热线运维', goals: '保障12348热线系统正常运行，提升群众法律咨询满意率。' }, { framework: FRAMEWORKS.seed }));
    // Without the digits of 12348 (issue #22) 表 1 (运维) and 表 5 (公共法律服务) come in too; the hotline's own
    // projects lead, and every one of the first 8 shares a word of its own with the project.
    expect(new Set(hotline.slice(0, 3).map((s) => s.sources[0].number))).toEqual(new Set([11, 16]));
    expect(hotline.slice(0, 8).filter((s) => !/相同字词/.test(s.reason) && ![11, 16].includes(s.sources[0].number))).toEqual([]);
  });

  it('gives a project unlike any in the library low scores, far below a matching one', () => {
    const options = { framework: FRAMEWORKS.seed, minScore: 0, limit: 1000 };
    const unrelated = [
      { projectName: '农村饮水安全工程', goals: '1.新建集中供水工程3处，解决2万农村人口饮水问题。\n2.改造老旧供水管网50公里。' },
      { projectName: '中小学校舍维修改造', goals: '完成12所中小学校舍加固维修，消除校舍安全隐患，改善办学条件。' },
    ];
    for (const project of unrelated) {
      const best = flat(suggestIndicators(library, project, options))[0]?.score ?? 0;
      expect(best).toBeLessThan(0.1);
      // With the default floor nothing is offered at all.
      expect(suggestIndicators(library, project, { framework: FRAMEWORKS.seed })).toEqual([]);
    }
    const matching = flat(suggestIndicators(library, { projectName: REWORDED[1], goals: seedTable(1).goals }, options));
    expect(matching.filter(fromTable(seedTable(1))).every((s) => s.score > 0.4)).toBe(true);
  });

  it('ranks the same way every time, and for a copy of the library', () => {
    const project = { projectName: '公共法律服务热线运维', goals: '保障12348热线系统正常运行，提升群众满意率。' };
    const options = { framework: FRAMEWORKS.seed };
    const first = suggestIndicators(library, project, options);
    expect(suggestIndicators(library, project, options)).toEqual(first);
    expect(suggestIndicators(structuredClone(library), project, options)).toEqual(first);
    // Equal scores keep library order: 表 11 and 表 12 share most rows; the earlier table is named first.
    const shared = flat(first).find((s) => s.sources.length > 1);
    expect(shared?.sources.map((s) => s.number)).toEqual([...(shared?.sources.map((s) => s.number) ?? [])].sort((a, b) => a - b));
  });

  it('merges the same indicator of several tables into one suggestion that names them all', () => {
    const groups = suggestIndicators(library, { projectName: REWORDED[11], goals: seedTable(11).goals }, { framework: FRAMEWORKS.seed, limit: 1000 });
    const hotline = flat(groups).filter((s) => s.level3 === '12348热线接通量');
    expect(hotline).toHaveLength(1);
    expect(hotline[0].sources.map((s) => s.number)).toEqual([11, 12]);
    expect(hotline[0].reason).toMatch(/^来自「深入推进公共法律服务便民化-2024中央」等 2 个项目/);
  });

  it('leaves out what the sheet already has', () => {
    const table = seedTable(1);
    const existing = [{ level1: '产出指标', level2: '数量指标', level3: '软件运维系统个数' }];
    const groups = suggestIndicators(library, { projectName: REWORDED[1], goals: table.goals }, { framework: FRAMEWORKS.seed, existing, limit: 1000 });
    const names = flat(groups).map((s) => s.level3);
    expect(names).not.toContain('软件运维系统个数');
    expect(names).toContain('硬件运维系统个数');
  });

  it('places the seed rows in the framework of the form being filled', () => {
    const project = { projectName: REWORDED[1], goals: seedTable(1).goals };
    const in2021 = suggestIndicators(library, project, { framework: FRAMEWORKS['2021'] });
    const cost = in2021.find((g) => g.suggestions.some((s) => s.level3 === '运维费用支出'));
    expect(cost).toMatchObject({ level1: '成本指标', level2: '经济成本指标' });
    expect(in2021.map((g) => g.level1)).toEqual(['产出指标', '产出指标', '产出指标', '成本指标', '效益指标', '满意度指标']);
    const older = suggestIndicators(library, project, { framework: FRAMEWORKS.older });
    expect(older.find((g) => g.suggestions.some((s) => s.level3 === '使用人员满意度'))).toMatchObject({ level1: '效益指标', level2: '社会公众或服务对象满意度指标' });
    expect(placeRow({ level1: '成本指标', level2: '社会成本指标' }, FRAMEWORKS['2021'], FRAMEWORKS.seed)).toEqual({ level1: '产出指标', level2: '成本指标' });
  });
});

describe('suggestForClause', () => {
  const options = { framework: FRAMEWORKS.seed };

  it('offers the indicators that measure a promise like the clause', () => {
    const names = suggestForClause(library, '加强网络舆情监测，及时处置网络舆情', options).map((s) => s.level3);
    expect(names[0]).toBe('舆情报告');
    const mediation = suggestForClause(library, '完成医疗纠纷人民调解案件', options).map((s) => s.level3);
    expect(mediation.slice(0, 3)).toContain('医疗纠纷人民调解案件数量');
    expect(mediation.length).toBeLessThanOrEqual(5);
  });

  it('offers nothing for a clause the library knows nothing of', () => {
    expect(suggestForClause(library, '改造老旧供水管网五十公里', options)).toEqual([]);
  });
});

// --- The check engine, on a blank form a clerk has started to fill in ---

function put(grid: CellGrid, address: string, value: string): void {
  const { row, col } = fromA1(address);
  while (grid.values.length <= row) grid.values.push([]);
  const line = grid.values[row];
  while (line.length <= col) line.push(null);
  line[col] = value;
}

function blankForm(name: string, goals: string, framework: 'seed' | '2021' = 'seed'): CellGrid {
  const grid = gridFromPlan(planBlankSheet(framework, '新项目'));
  put(grid, 'B3', name);
  put(grid, 'B8', goals);
  return grid;
}

describe('suggestions in the check report', () => {
  const settings = parseSettings({});

  it('are offered to a blank form once its name and goals are typed, and fill its empty slots', () => {
    const grid = blankForm(REWORDED[1], seedTable(1).goals);
    const [report] = checkGridTables(grid, { settings, library, suggest: true });
    const groups = report.suggestions?.groups ?? [];
    expect(groups.map((g) => g.level2)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标']);
    const first = groups[0].suggestions[0];
    expect(first.sources[0].number).toBe(1);
    // The blank form's 数量指标 row is empty: the fix fills it (三级 and 描述, as the seed writes both) and selects its value cell.
    expect(first.fix).toEqual({
      description: `在第 10 行（表中空着的「数量指标」行）填写指标：产出指标›数量指标「${first.level3}」，指标值待填`,
      steps: [
        { kind: 'setCell', cell: 'C10', value: first.level3 },
        { kind: 'setCell', cell: 'D10', value: first.description },
      ],
      select: ['E10'],
    });
    const filled = applyFixToGrid(grid, first.fix!);
    const [after] = checkGridTables(filled, { settings, library, suggest: true });
    const offered = (after.suggestions?.groups ?? []).flatMap((g) => g.suggestions.map((s) => s.level3));
    expect(offered).not.toContain(first.level3);
    // The next 数量指标 has no slot of its own left: a row goes in under the 数量指标 row, inside the 产出指标
    // group (not after its last, 时效, row, which split the group: issue 24).
    const next = after.suggestions!.groups[0].suggestions[0];
    expect(next.fix?.steps[0]).toEqual({ kind: 'insertRows', before: 11, count: 1, formatFrom: 10 });
    expect(next.fix?.select).toEqual(['E11']);
    // 质量指标's unused slot takes its first suggestion in place.
    const quality = after.suggestions!.groups.find((g) => g.level2 === '质量指标')!.suggestions[0];
    expect(quality.fix?.steps).toEqual([
      { kind: 'setCell', cell: 'C11', value: quality.level3 },
      { kind: 'setCell', cell: 'D11', value: quality.description },
    ]);
    // Applied, both read back as indicators of their dimensions and are offered no more.
    const grown = applyFixToGrid(applyFixToGrid(filled, quality.fix!), next.fix!);
    const [last] = checkGridTables(grown, { settings, library, suggest: true });
    const rows = readSheet(grown)!.table.indicators.filter((row) => row.level3 !== '').map((row) => `${row.level2}|${row.level3}`);
    expect(rows).toEqual([`数量指标|${first.level3}`, `数量指标|${next.level3}`, `质量指标|${quality.level3}`]);
    const still = (last.suggestions?.groups ?? []).flatMap((g) => g.suggestions.map((s) => s.level3));
    expect(still).not.toContain(next.level3);
    expect(still).not.toContain(quality.level3);
  });

  it('on a 101号 blank form, five inserted one by one keep the form 101号, its groups whole and no dimension missing (issue 24)', () => {
    let grid = blankForm(REWORDED[1], seedTable(1).goals, '2021');
    const inserted: string[] = [];
    for (let n = 0; n < 5; n++) {
      const [report] = checkGridTables(grid, { settings, library, suggest: true });
      expect(report.framework).toBe('2021');
      expect(report.issues.filter((i) => i.code === 'missing-dimension' || i.code === 'misplaced-dimension')).toEqual([]);
      // Two from 数量指标 (the second needs a new row), then one from each of the next groups.
      const group = report.suggestions!.groups[n < 2 ? 0 : n - 1];
      const suggestion = group.suggestions[0];
      inserted.push(`${suggestion.level2}|${suggestion.level3}`);
      grid = applyFixToGrid(grid, suggestion.fix!);
    }
    const [after] = checkGridTables(grid, { settings, library, suggest: true });
    expect(after.framework).toBe('2021');
    expect(after.issues.filter((i) => i.code === 'missing-dimension' || i.code === 'misplaced-dimension')).toEqual([]);
    // No 产出›成本 is offered or inserted into a 101号 form.
    expect(after.issues.flatMap((i) => i.fix?.steps ?? []).filter((step) => step.kind === 'setCell' && step.value === '成本指标' && /^B/.test(step.cell))).toEqual([]);
    const sheet = readSheet(grid)!;
    expect(sheet.framework).toBe('2021');
    const level2Order = sheet.table.indicators.map((row) => row.level2);
    // Each 二级's rows are together (数量 rows never after 时效), in the framework's order.
    expect(level2Order.filter((name, i) => i === 0 || name !== level2Order[i - 1])).toEqual([...new Set(level2Order)]);
    expect(sheet.table.indicators.map((row) => `${row.level2}|${row.level3}`).sort()).toEqual([...inserted].sort());
    // Every 一级 cell stays one merged block over its rows.
    const level1Cells = new Set(sheet.rowRefs.filter((_, i) => sheet.table.indicators[i].level1 === '产出指标').map((refs) => refs.level1));
    expect(level1Cells.size).toBe(1);
  });

  it('are not offered before the goals are typed, for a library project, or unless asked for', () => {
    expect(checkGridTables(blankForm(REWORDED[1], ''), { settings, library, suggest: true })[0].suggestions).toBeUndefined();
    expect(checkGridTables(blankForm(REWORDED[1], seedTable(1).goals), { settings, library })[0].suggestions).toBeUndefined();
    // A library project gets its template's rows from template-missing-indicator; suggestions only for its goal clauses.
    const known = checkGridTables(blankForm(seedTable(1).projectName, seedTable(1).goals), { settings, library, suggest: true })[0];
    expect(known.suggestions?.groups).toEqual([]);
    expect(known.suggestions?.clauses.map((c) => c.clause)).toEqual(known.issues.flatMap((i) => (i.goalClause ? [i.goalClause] : [])));
  });

  it('are not offered to a sheet too big to be a form being filled in', () => {
    const rows = seedTable(1).indicators;
    const table = { ...seedTable(1), projectName: REWORDED[1], indicators: Array.from({ length: MAX_ROWS_FOR_SUGGESTIONS + 1 }, (_, i) => ({ ...rows[i % rows.length], level3: `${rows[i % rows.length].level3}${i}` })) };
    expect(checkGridTables(gridFromTable(table), { settings, library, suggest: true })[0].suggestions).toBeUndefined();
    table.indicators = table.indicators.slice(0, MAX_ROWS_FOR_SUGGESTIONS);
    expect(checkGridTables(gridFromTable(table), { settings, library, suggest: true })[0].suggestions).toBeDefined();
  });

  it('link a goal clause without an indicator to indicators for it', () => {
    const goals = `${seedTable(1).goals}\n2.加强网络舆情监测，及时处置网络舆情。`;
    const [report] = checkGridTables(blankForm(REWORDED[1], goals), { settings, library, suggest: true });
    const issue = report.issues.find((i) => i.code === 'goal-without-indicator' && i.goalClause === '加强网络舆情监测，及时处置网络舆情');
    expect(issue).toBeDefined();
    const forClause = report.suggestions?.clauses.find((c) => c.clause === issue?.goalClause);
    expect(forClause?.suggestions[0]).toMatchObject({ level3: '舆情报告', level2: '数量指标' });
    expect(forClause?.suggestions[0].fix?.select).toEqual(['E10']);
  });
});

describe('shared words (issue #22)', () => {
  it('digits, years and numbering never count: 2023 does not match 12348, 一是 and （二） match nothing', () => {
    expect(termsOf('2023年 12348热线')).toEqual(['热线']);
    expect(termsOf('一是加强宣传；（二）第三条')).toEqual(['加强', '强宣', '宣传', '加强宣', '强宣传']);
    const idf = new Idf([termsOf('2023年开展普法宣传'), termsOf('12348热线接通量')]);
    expect(cosine(idf.vector(termsOf('2023年度')), idf.vector(termsOf('12348热线')))).toBe(0);
  });

  it('reasons quote meaningful terms, never 项目 or 工作 alone', () => {
    expect(sharedPhrases('农田水利项目工作', '高标准农田建设项目工作', 3)).toEqual(['农田']);
    // Whole phrases, not the n-grams that weigh most (炮车降尘, 抑尘服); a dimension's name (满意度) says nothing.
    expect(sharedPhrases('雾炮车降尘抑尘服务配备车辆数', '采购雾炮车降尘抑尘服务，减少道路扬尘', 3)).toEqual(['雾炮车降尘抑尘服务']);
    expect(sharedPhrases('市民满意度', '以市民满意度为目标', 3)).toEqual(['市民满意度']);
    expect(sharedPhrases('使用人员满意度', '提高群众满意度', 3)).toEqual([]);
  });
});

describe('kinds of spending', () => {
  it('a word names its kind only as a whole word', () => {
    expect([...kindsOf('岳阳县2022年高标准农田建设项目')].sort()).toEqual(['农业', '工程建设']);
    // 法治建设 builds no thing; a market's 规范建设 neither; a 聚居村's 养殖场 is no 村级 fund.
    expect([...kindsOf('法治建设')]).toEqual(['司法']);
    expect(kindsOf('合理布局，规范建设').has('工程建设')).toBe(false);
    expect(kindsOf('大青山乡沙湾子少数民族聚居村养殖场基础设施建设项目').has('村级组织')).toBe(false);
    expect([...kindsOf('村组干部报酬')].sort()).toEqual(['人员经费', '村级组织']);
  });

  it('a kind every table of the library is tells nothing; a rare one all but settles it', () => {
    const counts = countKinds([new Set(['司法']), new Set(['司法']), new Set(['司法', '培训'])]);
    expect(kindFit(new Set(['司法']), new Set(['司法']), counts, 3)).toBe(0);
    expect(kindFit(new Set(['司法', '培训']), new Set(['司法', '培训']), counts, 3)).toBeCloseTo(Math.log(4 / 2) / Math.log(4));
    expect(kindFit(new Set(['培训']), new Set(['司法']), counts, 3)).toBe(0);
  });
});
