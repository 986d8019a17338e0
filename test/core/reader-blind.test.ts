// Forms written blind (from the families in domain-notes, not typed from any published table): the reader
// reads them as a reviewer does, by what the cells hold.
import { checkGridTables } from '../../src/core/check';
import { readSheet, readSheetTables } from '../../src/core/sheet/reader';
import { BLIND_FORMS } from './blindForms';
import type { CellGrid, CellValue, SheetTable } from '../../src/core/sheet/types';
import { amountFieldByMeaning } from '../../src/core/sheet/moneyLabels';
import { derivedLevel1, dimensionPairOf } from '../../src/core/sheet/vocabulary';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

const levels = (sheet: SheetTable | null) => sheet?.grids[0].rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value]);
const codes = (g: CellGrid) => [...new Set(checkGridTables(g).flatMap((r) => r.issues.map((i) => i.code)))].sort();

describe('a grid with no 一级 column', () => {
  const form = grid([
    ['2025年项目支出绩效目标申报表'],
    ['项目名称', '城区道路保洁', '主管部门', '某区城市管理局'],
    ['资金总额（万元）', 300, '其中：本级财政', 300, '其他', 0],
    ['年度目标', '保洁面积120万平方米，道路洁净率98%以上。'],
    ['二级指标', '三级指标', '指标值', '权重'],
    ['数量指标', '保洁面积', '120万平方米', 20],
    ['质量指标', '道路洁净率', '≥98%', 20],
    ['时效指标', '作业及时率', '100%', 10],
    ['成本指标', '保洁成本', '≤300万元', 10],
    ['社会效益指标', '市容环境改善', '群众投诉下降≥10%', 20],
    ['满意度指标', '市民满意度', '≥90%', 20],
  ]);

  test('a column of 二级 names (成本指标, 满意度指标 among them) is the 二级 column, not a tree, and each 一级 follows from the framework', () => {
    expect(levels(readSheet(form))).toEqual([
      ['产出指标', '数量指标', '保洁面积', '120万平方米'],
      ['产出指标', '质量指标', '道路洁净率', '≥98%'],
      ['产出指标', '时效指标', '作业及时率', '100%'],
      ['产出指标', '成本指标', '保洁成本', '≤300万元'],
      ['效益指标', '社会效益指标', '市容环境改善', '群众投诉下降≥10%'],
      // A 一级 written in the 二级 column stands for its one 二级.
      ['满意度指标', '服务对象满意度指标', '市民满意度', '≥90%'],
    ]);
    // 其中：本级财政 and 其他 are the funds' parts.
    expect(readSheet(form)?.table.budget).toEqual({ total: 300, fiscal: 300, other: 0 });
    expect(codes(form)).toEqual([]);
  });

  test('a tree whose level rows carry their 绩效金额 right beside the name is still a tree', () => {
    const sheet = readSheet(
      grid([
        ['项目名称', '乡村道路养护'],
        ['预算数', 120, '财政资金', 120, '其他资金', 0],
        ['绩效目标', '完成道路养护 30 公里。'],
        ['绩效指标', '绩效金额', '指标值'],
        ['一、产出指标', 100, null],
        ['（一）数量指标', 60, null],
        ['1.养护里程', null, '≥30公里'],
        ['（二）成本指标', 40, null],
        ['1.养护成本', null, '≤120万元'],
        ['二、满意度指标', 20, null],
        ['（一）服务对象满意度指标', 20, null],
        ['1.群众满意度', null, '≥90%'],
      ]),
    );
    expect(levels(sheet)?.map((r) => r.slice(2))).toEqual([
      ['1.养护里程', '≥30公里'],
      ['1.养护成本', '≤120万元'],
      ['1.群众满意度', '≥90%'],
    ]);
  });

  test('under 101号, 经济成本指标 in the 二级 column has 成本指标 as its 一级', () => {
    expect(derivedLevel1('经济成本指标')).toBe('成本指标');
    expect(derivedLevel1('成本指标')).toBe('产出指标');
    expect(derivedLevel1('满意度指标')).toBe('满意度指标');
    const sheet = readSheet(
      grid([
        ['项目支出绩效目标表'],
        ['项目名称', '残疾人康复救助'],
        ['预算资金', 90, '其中：本级财政', 90, '其中：其他', 0],
        ['绩效目标', '救助残疾儿童150名。'],
        ['二级指标', '三级指标', '指标值'],
        ['数量指标', '救助残疾儿童人数', '≥150人'],
        ['经济成本指标', '人均救助标准', '≤6000元/人'],
        ['服务对象满意度指标', '家长满意度', '≥90%'],
      ]),
    );
    expect(sheet?.grids[0].rows.map(({ row }) => row.level1)).toEqual(['产出指标', '成本指标', '满意度指标']);
    expect(sheet?.framework).toBe('2021');
    expect(sheet?.table.budget).toEqual({ total: 90, fiscal: 90, other: 0 });
  });
});

describe('a 一级 and its 二级 in one cell', () => {
  test.each([['-'], ['/'], ['：'], ['—']])('指标类别 cells joined by %s are read as both levels', (sep) => {
    const sheet = readSheet(
      grid([
        ['项目绩效目标表'],
        ['项目名称', '农村饮水安全维修养护'],
        ['项目资金（万元）', 80, '财政资金', 80, '其他资金', 0],
        ['总体目标', '维修农村供水工程40处，保障2万人饮水安全。'],
        ['指标类别', '指标名称', '目标值'],
        [`产出指标${sep}数量指标`, '维修供水工程数量', '40处'],
        [`产出指标${sep}成本指标`, '单处维修成本', '≤2万元'],
        [`效益指标${sep}社会效益指标`, '受益人口', '≥2万人'],
        [`满意度指标${sep}服务对象满意度指标`, '受益群众满意度', '≥90%'],
      ]),
    );
    expect(levels(sheet)).toEqual([
      ['产出指标', '数量指标', '维修供水工程数量', '40处'],
      ['产出指标', '成本指标', '单处维修成本', '≤2万元'],
      ['效益指标', '社会效益指标', '受益人口', '≥2万人'],
      ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%'],
    ]);
    expect(sheet?.grids[0].rows[0].refs).toMatchObject({ level1: 'A6', level2: 'A6', level3: 'B6', value: 'C6' });
    // 项目资金 beside its amount is the total.
    expect(sheet?.table.budget).toEqual({ total: 80, fiscal: 80, other: 0 });
  });

  test('brackets, a misplaced 二级 and a lone 一级 are read as written', () => {
    expect(dimensionPairOf('产出指标（数量指标）')).toEqual({ level1: '产出指标', level2: '数量指标' });
    expect(dimensionPairOf('效益指标-数量指标')).toEqual({ level1: '效益指标', level2: '数量指标' });
    expect(dimensionPairOf('产出指标（50分）')).toBeNull();
    expect(dimensionPairOf('产出指标')).toBeNull();
  });
});

describe('amount labels by meaning', () => {
  test('labels no list knows name the whole, the public part or the other part by their words', () => {
    expect(['申请资金', '年度预算', '项目资金（万元）', '其中：本级财政', '其中：其他', '其他', '自筹资金', '预算资金'].map(amountFieldByMeaning)).toEqual([
      'budgetTotal',
      'budgetTotal',
      'budgetTotal',
      'budgetFiscal',
      'budgetOther',
      'budgetOther',
      'budgetOther',
      'budgetTotal',
    ]);
    // Rates, uses, sources, a project period's money and column heads of results are no amount of the year.
    expect(['预算执行率', '资金用途', '资金来源', '中期资金总额', '全年执行数', '实际支出'].map(amountFieldByMeaning)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  test('预算资金 beside 财政资金 is the total, and a cost over it is flagged', () => {
    const form = grid([
      ['项目支出绩效目标表'],
      ['项目名称', '中小学校舍维修'],
      ['预算资金（万元）', 150, '财政资金', 150, '其他资金', 0],
      ['绩效目标', '完成5所学校校舍维修。'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '维修学校数量', '5所'],
      [null, '成本指标', '维修总成本', '≤180万元'],
      ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%'],
    ]);
    expect(readSheet(form)?.table.budget).toEqual({ total: 150, fiscal: 150, other: 0 });
    expect(readSheet(form)?.refs.budgetTotal).toBe('B3');
    expect(codes(form)).toContain('cost-over-budget');
    expect(codes(form)).not.toContain('missing-field');
  });

  test('a money unit printed in one label of a row is every amount\'s on that row: no false funds-mismatch', () => {
    const form = grid([
      ['项目名称', '河道保洁'],
      ['申报金额（元）', 500000, '其中：财政拨款', 500000, '其他资金', 0],
      ['绩效目标', '保洁河道20公里。'],
      ['一级指标/二级指标', '三级指标', '指标值类型', '指标值'],
      ['产出指标/数量指标', '保洁河道长度', '定量', '≥20公里'],
      ['产出指标/成本指标', '保洁成本', '定量', '≤40万元'],
      ['满意度指标/服务对象满意度指标', '群众满意度', '定量', '≥90%'],
    ]);
    expect(readSheet(form)?.table.budget).toEqual({ total: 50, fiscal: 50, other: 0 });
    expect(codes(form)).not.toContain('funds-mismatch');
  });

  test('申请资金 | 财政拨款 | 其他, and 年度预算 | 合计 | amount', () => {
    const head = (money: CellValue[]): CellGrid =>
      grid([
        ['项目名称', '城乡居民医保宣传'],
        money,
        ['年度绩效目标', '开展宣传活动40场。'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '宣传活动场次', '≥40场'],
      ]);
    expect(readSheet(head(['申请资金', 30, '财政拨款', 30, '其他', 0]))?.table.budget).toEqual({ total: 30, fiscal: 30, other: 0 });
    const summed = readSheet(head(['年度预算（万元）', '合计', 1200, '财政拨款', 1100, '其他资金', 100]));
    expect([summed?.table.budget, summed?.refs.budgetTotal]).toEqual([{ total: 1200, fiscal: 1100, other: 100 }, 'C2']);
  });
});

describe('a form with no total', () => {
  test('财政资金 and 其他资金 with no total label: the total is their sum, named so when a cost is over it', () => {
    const form = grid([
      ['项目支出绩效目标表'],
      ['项目名称', '中小学校舍维修'],
      ['财政资金', 150, '其他资金', 0],
      ['绩效目标', '完成5所学校校舍维修。'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '维修学校数量', '5所'],
      [null, '成本指标', '维修总成本', '≤180万元'],
      ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%'],
    ]);
    const sheet = readSheet(form)!;
    expect([sheet.table.budget, sheet.summedTotal]).toEqual([{ total: 150, fiscal: 150, other: 0 }, { label: '财政资金与其他资金之和', cells: ['B3', 'D3'] }]);
    const over = checkGridTables(form)[0].issues.find((i) => i.code === 'cost-over-budget');
    expect(over?.message).toContain('超过财政资金与其他资金之和 150万元');
    expect(codes(form)).not.toContain('missing-field');
    // A total label left blank is still reported blank, not summed.
    const blank = grid([['项目名称', '校舍维修'], ['预算数', null, '财政资金', 150, '其他资金', 0], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '维修学校数量', '5所']]);
    expect(readSheet(blank)?.table.budget.total).toBeNull();
  });
});

describe('a 部门整体 table', () => {
  const dept = grid([
    ['2024年度部门整体支出绩效目标表'],
    ['部门（单位）名称', '某县文化和旅游局'],
    ['年度预算申请（万元）', '资金总额', 560, '财政拨款', 500, '其他资金', 60],
    ['年度主要任务', '任务名称', '主要内容', '预算金额（万元）'],
    [null, '公共文化服务', '开展送戏下乡演出120场', 200],
    [null, '文物保护', '完成3处县级文物保护单位修缮', 300],
    ['年度总体目标', '完成送戏下乡120场，修缮文物3处，群众满意度90%以上。'],
    ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
    [null, '产出指标', '数量指标', '送戏下乡演出场次', '≥120场'],
    [null, null, '质量指标', '文物修缮验收合格率', '100%'],
    [null, null, '时效指标', '任务完成时间', '2024年12月底前'],
    [null, null, '成本指标', '文物修缮成本', '≤300万元'],
    [null, '效益指标', '社会效益指标', '群众文化活动参与人次', '≥3万人次'],
    [null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
  ]);
  test('its 部门（单位）名称 is its name: no 项目名称 is asked for, and the task rows are no indicators', () => {
    const sheet = readSheet(dept)!;
    expect([sheet.table.projectName, sheet.refs.projectName, sheet.table.department.name]).toEqual(['某县文化和旅游局', 'B2', '某县文化和旅游局']);
    expect(sheet.table.indicators.map((r) => r.level3)).not.toContain('公共文化服务');
    expect(sheet.table.budget).toEqual({ total: 560, fiscal: 500, other: 60 });
    expect(codes(dept)).toEqual([]);
  });
  test('under a cover line (附件2), the title naming a 绩效…表 is the title: the 整体 table still named by its unit', () => {
    const covered = readSheet(grid([['附件2'], ['2024年度单位整体支出绩效自评表'], ...dept.values.slice(1)]))!;
    expect([covered.table.title, covered.table.projectName]).toEqual(['2024年度单位整体支出绩效自评表', '某县文化和旅游局']);
  });
  test('a project table with no 项目名称 is still asked for one', () => {
    const project = grid(dept.values.map((row, i) => (i === 0 ? ['2024年度项目支出绩效目标表'] : row)));
    expect(checkGridTables(project)[0].issues.map((i) => i.message)).toContain('找不到「项目名称」：表上没有项目名称栏目');
  });
});

describe('targets where a form puts them', () => {
  test('an operator column under a head no list names (运算符) is read by what it holds: ≥ before the figure', () => {
    const sheet = readSheet(
      grid([
        ['项目名称', '公共图书馆免费开放'],
        ['年度预算', 80, '财政资金', 80, '其他资金', 0],
        ['绩效目标', '全年接待读者10万人次。'],
        ['一级指标', '二级指标', '三级指标', '运算符', '目标值', '计量单位', '指标解释', '备注'],
        ['产出指标', '数量指标', '接待读者人次', '≥', 10, '万人次', '全年到馆及线上读者', null],
        [null, '成本指标', '购书成本', '≤', 40, '万元', '年度购书支出', null],
        ['效益指标', '社会效益指标', '全民阅读氛围', '定性', '读者人次增长≥5%', null, '群众阅读习惯', null],
        ['满意度指标', '服务对象满意度指标', '读者满意度', '≥', 90, '%', '问卷调查', '抽样'],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => [r.value, r.unit])).toEqual([
      ['≥10', '万人次'],
      ['≤40', '万元'],
      ['读者人次增长≥5%', null],
      ['≥90', '%'],
    ]);
    expect(sheet.table.budget).toEqual({ total: 80, fiscal: 80, other: 0 });
    expect(sheet.rowRefs[0].operator).toBe('D5');
  });

  test('names carrying their targets with no value column: the name and the target are read apart', () => {
    const form = grid([
      ['项目支出绩效目标表'],
      ['项目名称', '乡镇卫生院设备购置'],
      ['资金总额', 120, '财政资金', 120, '其他资金', 0],
      ['年度目标', '为6所卫生院购置设备。'],
      ['一级指标', '二级指标', '三级指标'],
      ['产出指标', '数量指标', '购置设备卫生院数量≥6所'],
      [null, '质量指标', '设备验收合格率100%'],
      [null, '时效指标', '2025年9月底前完成采购'],
      [null, '成本指标', '设备购置成本不超过150万元'],
      ['效益指标', '社会效益指标', '基层首诊率≥60%'],
      ['满意度指标', '服务对象满意度指标', '患者满意度≥90%'],
    ]);
    const sheet = readSheet(form)!;
    expect(sheet.table.indicators.map((r) => [r.level3, r.value])).toEqual([
      ['购置设备卫生院数量', '≥6所'],
      ['设备验收合格率', '100%'],
      ['2025年9月底前完成采购', '2025年9月底前完成采购'],
      ['设备购置成本', '不超过150万元'],
      ['基层首诊率', '≥60%'],
      ['患者满意度', '≥90%'],
    ]);
    expect(sheet.rowRefs[0]).toMatchObject({ level3: 'C6', value: 'C6' });
    expect(codes(form)).toEqual(['cost-over-budget']);
  });
});

describe('heads and labels placed otherwise', () => {
  test('a header row whose value head reads as a date (2025年目标值) is the header, not the first indicator', () => {
    const sheet = readSheet(
      grid([
        ['项目名称：农村公路养护', null, '单位：万元'],
        ['预算金额', 320, '其中：财政资金', 320, '其他资金', 0],
        ['绩效目标', '养护农村公路200公里。'],
        ['序号', '一级指标', '二级指标', '指标项', '2025年目标值', '备注'],
        [1, '一、产出指标', '（一）数量指标', '养护里程', '≥200公里', '核心指标'],
        [2, null, '（二）成本指标', '每公里养护成本', '≤1.6万元/公里', null],
        [3, '二、满意度指标', '（一）服务对象满意度指标', '沿线群众满意度', '≥90%', null],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => [r.level3, r.value])).toEqual([
      ['养护里程', '≥200公里'],
      ['每公里养护成本', '≤1.6万元/公里'],
      ['沿线群众满意度', '≥90%'],
    ]);
  });

  test('指标值 merged over an operator column and its figures: the first row is an indicator, the operator read before the figure', () => {
    const sheet = readSheet(
      grid(
        [
          ['项目名称', '森林防火'],
          ['预算数', 40, '财政资金', 40, '其他资金', 0],
          ['绩效目标', '巡护30万亩。'],
          ['一级指标', '二级指标', '三级指标', '指标值', null, '单位'],
          ['产出指标', '数量指标', '巡护面积', '≥', 30, '万亩'],
          [null, '成本指标', '防火物资购置', '≤', 40, '万元'],
          ['满意度指标', '服务对象满意度指标', '林区群众满意度', '≥', 90, '%'],
        ],
        ['D4:E4'],
      ),
    )!;
    expect(sheet.table.indicators.map((r) => [r.level3, r.value, r.unit])).toEqual([
      ['巡护面积', '≥30', '万亩'],
      ['防火物资购置', '≤40', '万元'],
      ['林区群众满意度', '≥90', '%'],
    ]);
  });

  test('a label alone on its row over its value alone on the next; 资金名称 names the project', () => {
    const above = readSheet(
      grid([
        ['项目名称'],
        ['校园安全设施改造'],
        ['预算数（万元）', '财政资金', '其他资金'],
        [100, 80, 20],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '改造学校数', '10所'],
      ]),
    )!;
    expect([above.table.projectName, above.refs.projectName, above.table.budget]).toEqual(['校园安全设施改造', 'A2', { total: 100, fiscal: 80, other: 20 }]);
    const funds = readSheet(grid([['资金名称', '学生资助补助经费'], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '资助学生人次', '≥2万人次']]))!;
    expect(funds.table.projectName).toBe('学生资助补助经费');
  });

  test('a 区域 table with a 全省 column: the whole is the table\'s own grid, the 市 its regions, and its structure is reported once', () => {
    const form = grid([
      ['区域绩效目标表'],
      ['资金名称', '学生资助补助经费'],
      ['资金总额', 800, '财政资金', 800, '其他资金', 0],
      ['年度目标', '资助学生2万人次。'],
      ['一级指标', '二级指标', '三级指标', '全省', '甲市', '乙市'],
      ['产出指标', '数量指标', '资助学生人次', '≥2万人次', '≥1.2万人次', '≥0.8万人次'],
      [null, '质量指标', '资助对象认定准确率', '100%', '100%', '100%'],
      ['效益指标', '社会效益指标', '资助覆盖率', '100%', '100%', '100%'],
      ['满意度指标', '服务对象满意度指标', '受助学生满意度', '≥90%', '≥90%', '≥90%'],
    ]);
    const sheet = readSheet(form)!;
    expect(sheet.grids.map((g) => [g.region ?? null, g.rows[0].row.value])).toEqual([
      [null, '≥2万人次'],
      ['甲市', '≥1.2万人次'],
      ['乙市', '≥0.8万人次'],
    ]);
    const issues = checkGridTables(form)[0].issues;
    // 时效 and 成本 missing, once each; the goal's 2万 is the whole's and the regions' sum, no mismatch.
    expect(issues.map((i) => i.message)).toEqual(['一级指标「产出指标」下缺少二级指标「时效指标」', '一级指标「产出指标」下缺少二级指标「成本指标」']);
  });
});

describe('blind forms of every family read as a reviewer reads them', () => {
  // Name, funds, rows per grid and targets of each table, as a reviewer reads the form (checked by eye before kept).
  const expected: Record<string, { name: string; budget: { total: number | null; fiscal: number | null; other: number | null }; rows: number[]; values: string[] }[]> = {
    cost101: [{"name":"农田水利设施维护","budget":{"total":260,"fiscal":200,"other":60},"rows":[8],"values":["≥45公里","≥95%","2025年11月底前","≤260万元","无明显负面影响","无","≥3万亩","≥90%"]}],
    selfEval: [{"name":"社区养老服务补助","budget":{"total":100,"fiscal":100,"other":0},"rows":[6],"values":["≥200人","≥95%","100%","≤5000元/人","明显改善","≥90%"]}],
    twoRowHead: [{"name":"中小河流治理","budget":{"total":500,"fiscal":450,"other":50},"rows":[6],"values":["12","100","2025年12月","500","95","90"]}],
    headerColumns: [{"name":"村级公益事业奖补","budget":{"total":300,"fiscal":280,"other":20},"rows":[6],"values":["25个","100%","2025年10月底前","≤12万元","≥1.5万人","≥90%"]}],
    shortNames: [{"name":"城乡居民医保宣传","budget":{"total":30,"fiscal":30,"other":0},"rows":[6],"values":["≥40场","≥90%","2025年12月","≤30万元","参保率≥95%","≥90%"]}],
    flatExport: [{"name":"动物防疫补助","budget":{"total":null,"fiscal":null,"other":null},"rows":[5],"values":["≥50","≥90","≤800000","无","≥90"]},{"name":"农机购置补贴","budget":{"total":null,"fiscal":null,"other":null},"rows":[3],"values":["≥300","≥1000","≥90"]}],
    pifu: [{"name":"老旧小区改造","budget":{"total":2000,"fiscal":1800,"other":200},"rows":[6],"values":["12个","100%","2025年12月底前","≤2000万元","≥3000户","≥90%"]}],
    weights101: [{"name":"基层公共法律服务","budget":{"total":45,"fiscal":45,"other":0},"rows":[8],"values":["5000","95","100","45","无","无","逐步提高","90"]}],
    mergedHead: [{"name":"全民健身设施","budget":{"total":60,"fiscal":60,"other":0},"rows":[6],"values":["20条","100%","2025年10月","≤3万元","≥5000人次","≥90%"]}],
    older: [{"name":"水库移民后期扶持","budget":{"total":500,"fiscal":500,"other":0},"rows":[5],"values":["3000人","100%","2025年6月底前","≥500元","≥90%"]}],
    flatMoney: [{"name":"社区矫正经费","budget":{"total":20,"fiscal":null,"other":null},"rows":[3],"values":["≥120人","≤25万元","≥90%"]},{"name":"人民调解经费","budget":{"total":15,"fiscal":null,"other":null},"rows":[2],"values":["≥500件","≥90%"]}],
    pairNoHead: [{"name":"河道保洁","budget":{"total":50,"fiscal":50,"other":0},"rows":[4],"values":["≥20公里","≤50万元","≥95%","≥90%"]}],
    level2MergedNoHead: [{"name":"河道保洁","budget":{"total":50,"fiscal":50,"other":0},"rows":[5],"values":["≥20公里","≥2次/周","≤60万元","≥95%","≥90%"]}],
    selfEvalOps: [{"name":"农村饮水工程维护","budget":{"total":30,"fiscal":30,"other":0},"rows":[5],"values":["≥10","≥95","≤30","≥1","≥90"]}],
  };
  test.each(Object.keys(BLIND_FORMS))('%s', (name) => {
    const read = readSheetTables(BLIND_FORMS[name]);
    expect(read.unreadable).toBeNull();
    const tables = read.tables.map((t) => ({ name: t.table.projectName, budget: t.table.budget, rows: t.grids.map((gr) => gr.rows.length), values: t.table.indicators.map((r) => r.value) }));
    expect(tables).toEqual(expected[name]);
  });
});
