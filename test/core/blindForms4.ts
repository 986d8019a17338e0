// Fourth-round blind forms, family "how tables sit in sheets and workbooks": tables stacked down one sheet
// (gaps of 0, 1 or 3 rows, a header row left out), a 部门整体 table above project tables, lists that are no
// 绩效目标表, contents and 填报说明 sheets beside tables, a 续表 to the right or below, a table far down and
// right, signature and 填报说明 blocks under a grid. Written from how budget units lay these out, never typed
// from a published table. reader-blind4.test.ts holds what a reviewer reads from each and the verdict.
import type { CellGrid, CellValue } from '../../src/core/sheet/types';

type Row = CellValue[];
const g = (values: Row[], merges: string[] = [], sheetName = '表'): CellGrid => ({ sheetName, top: 0, left: 0, values, merges });

/** One seed-style project: every required dimension filled with a measurable target, the cost within budget. */
interface Project {
  name: string;
  total: number;
  goal: string;
  count: [string, string];
  quality: [string, string];
  cost: [string, string];
  benefit: [string, string];
  satisfaction: string;
}

const PROJECTS: Project[] = [
  { name: '社区矫正', total: 20, goal: '监管社区矫正对象120人。', count: ['监管对象人数', '≥120人'], quality: ['矫正对象再犯罪率', '≤0.2%'], cost: ['人均监管经费', '≤1600元/人'], benefit: ['社区安全感', '≥95%'], satisfaction: '社区群众满意度' },
  { name: '人民调解', total: 15, goal: '调解各类矛盾纠纷500件。', count: ['调解纠纷件数', '≥500件'], quality: ['调解成功率', '≥95%'], cost: ['调解员补贴', '≤15万元'], benefit: ['矛盾纠纷化解率', '≥90%'], satisfaction: '当事人满意度' },
  { name: '法律援助', total: 36, goal: '办理法律援助案件800件。', count: ['办理援助案件数', '≥800件'], quality: ['案件质量评查合格率', '≥98%'], cost: ['案均办案补贴', '≤450元/件'], benefit: ['困难群众维权覆盖率', '≥90%'], satisfaction: '受援人满意度' },
  { name: '普法宣传', total: 12, goal: '开展普法宣传活动60场。', count: ['宣传活动场次', '≥60场'], quality: ['群众法律知识知晓率', '≥85%'], cost: ['普法宣传经费', '≤12万元'], benefit: ['群众法治意识提升率', '≥10%'], satisfaction: '参与群众满意度' },
  { name: '公共法律服务平台运维', total: 48, goal: '保障12348热线全年运行，接听来电3万通。', count: ['热线接听量', '≥3万通'], quality: ['热线接通率', '≥95%'], cost: ['平台运维费用', '≤48万元'], benefit: ['群众咨询答复率', '≥98%'], satisfaction: '来电群众满意度' },
];

const GRID_HEAD: Row = ['一级指标', '二级指标', '三级指标', '指标值'];

/** The indicator rows of a project (no header row). */
const indicatorRows = (p: Project): Row[] => [
  ['产出指标', '数量指标', ...p.count],
  [null, '质量指标', ...p.quality],
  [null, '时效指标', '任务完成时间', '2025年12月底前'],
  [null, '成本指标', ...p.cost],
  ['效益指标', '社会效益指标', ...p.benefit],
  ['满意度指标', '服务对象满意度指标', p.satisfaction, '≥90%'],
];

/** Title, head, grid header and rows of a project; `withHead` false leaves the grid header row out. */
const projectTable = (p: Project, withHead = true, title = '项目支出绩效目标表'): Row[] => [
  [title],
  ['项目名称', p.name],
  ['预算数（万元）', p.total, '财政资金', p.total, '其他资金', 0],
  ['绩效目标', p.goal],
  ...(withHead ? [GRID_HEAD] : []),
  ...indicatorRows(p),
];

const blank = (n: number): Row[] => Array.from({ length: n }, () => []);

/** Moves a block `rows` down and `cols` right on the sheet (leading blank rows, null cells). */
const placed = (rows: Row[], down: number, right: number): Row[] => [...blank(down), ...rows.map((r) => [...Array<CellValue>(right).fill(null), ...r])];

export const [SQJZ, RMTJ, FLYZ, PFXC, PTYW] = PROJECTS;

/** Two projects printed side by side, a blank column between (no 其他资金 cell in a four-column block). */
const sideBySide = (left: Project, right: Project): Row[] => {
  const side = (p: Project): Row[] => [['项目支出绩效目标表'], ['项目名称', p.name], ['预算数（万元）', p.total, '财政资金', p.total], ['绩效目标', p.goal], GRID_HEAD, ...indicatorRows(p)];
  const [a, b] = [side(left), side(right)];
  return a.map((row, i) => [...row, ...Array<CellValue>(5 - row.length).fill(null), ...b[i]]);
};

export const BLIND_FORMS_4: Record<string, CellGrid> = {
  // 1 two projects, one blank row between
  stack2gap1: g([...projectTable(SQJZ), ...blank(1), ...projectTable(RMTJ)]),
  // 2 three projects, no blank row between
  stack3gap0: g([...projectTable(SQJZ), ...projectTable(RMTJ), ...projectTable(FLYZ)]),
  // 3 five projects, gaps 0, 1, 3, 1; the third and fifth without their grid header row
  stack5mixed: g([
    ...projectTable(SQJZ),
    ...projectTable(RMTJ),
    ...blank(1),
    ...projectTable(FLYZ, false),
    ...blank(3),
    ...projectTable(PFXC),
    ...blank(1),
    ...projectTable(PTYW, false),
  ]),
  // 4 second table has no title and no grid header row, right under the first
  stack2noHeadRow: g([...projectTable(SQJZ), ...projectTable(RMTJ, false).slice(1)]),
  // 5 each table with its own 单位 line: the first in 万元, the second in 元
  stackUnits: g([
    ['项目支出绩效目标表'],
    ['单位名称：某区司法局', null, null, '金额单位：万元'],
    ['项目名称', '社区矫正'],
    ['预算数', 20, '财政资金', 20, '其他资金', 0],
    ['绩效目标', '监管社区矫正对象120人。'],
    GRID_HEAD,
    ...indicatorRows({ ...SQJZ, cost: ['监管经费', '≤20万元'] }),
    [],
    ['项目支出绩效目标表'],
    ['单位名称：某区司法局', null, null, '金额单位：元'],
    ['项目名称', '人民调解'],
    ['预算数', 150000, '财政资金', 150000, '其他资金', 0],
    ['绩效目标', '调解各类矛盾纠纷500件。'],
    GRID_HEAD,
    ...indicatorRows({ ...RMTJ, cost: ['调解员补贴', '≤150000元'] }),
  ]),
  // 6 each project named only in its title, one blank row between
  stackTitleNames: g([
    ['2025年社区矫正项目绩效目标表'],
    ['预算数（万元）', 20, '财政资金', 20, '其他资金', 0],
    ['绩效目标', SQJZ.goal],
    GRID_HEAD,
    ...indicatorRows(SQJZ),
    [],
    ['2025年人民调解项目绩效目标表'],
    ['预算数（万元）', 15, '财政资金', 15, '其他资金', 0],
    ['绩效目标', RMTJ.goal],
    GRID_HEAD,
    ...indicatorRows(RMTJ),
  ]),
  // 7 a multi-year project (总体 and 年度 grids) stacked over a one-year project
  stackOverallAnnual: g([
    ['项目支出绩效目标表'],
    ['项目名称', '智慧司法平台建设'],
    ['项目期', '2024-2026年'],
    ['预算数（万元）', 300, '财政资金', 300, '其他资金', 0],
    ['总体目标', '三年内建成覆盖全区的智慧司法平台。'],
    GRID_HEAD,
    ['产出指标', '数量指标', '建成业务系统数', '≥6个'],
    [null, '质量指标', '系统验收合格率', '100%'],
    ['满意度指标', '服务对象满意度指标', '使用人员满意度', '≥90%'],
    ['年度目标', '2025年建成2个业务系统。'],
    GRID_HEAD,
    ['产出指标', '数量指标', '本年建成业务系统数', '≥2个'],
    [null, '质量指标', '系统验收合格率', '100%'],
    [null, '时效指标', '系统上线时间', '2025年12月底前'],
    [null, '成本指标', '系统建设成本', '≤300万元'],
    ['效益指标', '社会效益指标', '网上办理事项占比', '≥60%'],
    ['满意度指标', '服务对象满意度指标', '使用人员满意度', '≥90%'],
    [],
    ...projectTable(RMTJ),
  ]),
  // 8 a 部门整体 table (tasks block, then 年度绩效指标) with two project tables under it
  wholeThenProjects: g(
    [
      ['2025年部门整体支出绩效目标表'],
      ['部门名称', '某县农业农村局', null, '金额单位：万元'],
      ['年度预算总额', 1500, '财政拨款', 1500, '其他资金', 0],
      ['年度主要任务', '任务名称', '主要内容', '预算金额'],
      [null, '农业技术推广', '推广主导品种和主推技术', 300],
      [null, '动物疫病防控', '开展重大动物疫病强制免疫', 200],
      [null, '高标准农田建设', '建设高标准农田2万亩', 1000],
      ['年度总体目标', '建设高标准农田2万亩，重大动物疫病免疫密度保持在90%以上。'],
      ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      [null, '产出指标', '数量指标', '高标准农田建设面积', '≥2万亩'],
      [null, null, '质量指标', '重大动物疫病免疫密度', '≥90%'],
      [null, null, '时效指标', '任务完成时间', '2025年12月底前'],
      [null, null, '成本指标', '高标准农田亩均投入', '≤500元/亩'],
      [null, '效益指标', '社会效益指标', '主推技术到位率', '≥95%'],
      [null, '满意度指标', '服务对象满意度指标', '农户满意度', '≥90%'],
      [],
      ['项目支出绩效目标表'],
      ['项目名称', '高标准农田建设'],
      ['预算数（万元）', 1000, '财政资金', 1000, '其他资金', 0],
      ['绩效目标', '建设高标准农田2万亩。'],
      GRID_HEAD,
      ['产出指标', '数量指标', '建设面积', '≥2万亩'],
      [null, '质量指标', '工程验收合格率', '100%'],
      [null, '时效指标', '完工时间', '2025年12月底前'],
      [null, '成本指标', '亩均建设成本', '≤500元/亩'],
      ['效益指标', '经济效益指标', '亩均粮食增产', '≥50公斤'],
      ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%'],
      [],
      ['项目支出绩效目标表'],
      ['项目名称', '动物疫病防控'],
      ['预算数（万元）', 200, '财政资金', 200, '其他资金', 0],
      ['绩效目标', '重大动物疫病免疫密度保持在90%以上。'],
      GRID_HEAD,
      ['产出指标', '数量指标', '免疫畜禽数量', '≥50万头只'],
      [null, '质量指标', '免疫密度', '≥90%'],
      [null, '时效指标', '春秋集中免疫完成时间', '2025年11月底前'],
      [null, '成本指标', '疫苗采购成本', '≤200万元'],
      ['效益指标', '社会效益指标', '重大动物疫情发生数', '0起'],
      ['满意度指标', '服务对象满意度指标', '养殖户满意度', '≥90%'],
    ],
    ['A4:A7', 'A9:A15'],
  ),
  // 9 a 部门预算 project list: 项目名称 | 金额 | 绩效目标 prose, no indicators; titled as a budget list
  budgetListPlain: g([
    ['某区司法局2025年部门预算项目支出表'],
    [null, null, '单位：万元'],
    ['序号', '项目名称', '金额', '绩效目标'],
    [1, '社区矫正', 20, '监管社区矫正对象120人，再犯罪率控制在0.2%以内。'],
    [2, '人民调解', 15, '调解各类矛盾纠纷500件，调解成功率95%以上。'],
    [3, '法律援助', 36, '办理法律援助案件800件，受援人满意度90%以上。'],
    ['合计', null, 71, null],
  ]),
  // 10 the same list titled as 绩效目标表: still no indicator grid in it
  budgetListTitled: g([
    ['某区司法局2025年项目支出绩效目标表'],
    [null, null, '单位：万元'],
    ['序号', '项目名称', '金额', '绩效目标'],
    [1, '社区矫正', 20, '监管社区矫正对象120人，再犯罪率控制在0.2%以内。'],
    [2, '人民调解', 15, '调解各类矛盾纠纷500件，调解成功率95%以上。'],
    [3, '法律援助', 36, '办理法律援助案件800件，受援人满意度90%以上。'],
    ['合计', null, 71, null],
  ]),
  // 13 a table whose grid goes on in a 续表 printed to the right of it
  continuedRight: g([
    ['项目支出绩效目标表', null, null, null, null, '续表'],
    ['项目名称', '社区矫正', null, null, null, '一级指标', '二级指标', '三级指标', '指标值'],
    ['预算数（万元）', 20, '财政资金', 20, null, '效益指标', '社会效益指标', '社区安全感', '≥95%'],
    ['绩效目标', SQJZ.goal, null, null, null, '满意度指标', '服务对象满意度指标', '社区群众满意度', '≥90%'],
    GRID_HEAD,
    ...indicatorRows(SQJZ).slice(0, 4),
  ]),
  // 14 the same grid going on below after a 续表 line and its header repeated
  continuedBelow: g([
    ...projectTable(SQJZ).slice(0, 5),
    ...indicatorRows(SQJZ).slice(0, 4),
    [],
    ['续表'],
    GRID_HEAD,
    ...indicatorRows(SQJZ).slice(4),
  ]),
  // 15 a table placed far down and right, with a stray 附件 note at A1
  farDownRight: g([['附件3'], ...placed(projectTable(FLYZ), 25, 7)]),
  // 16 a table with a signature / 审核意见 block and a 填报说明 block naming dimensions in their own cells
  signatureAndNotes: g([
    ...projectTable(PFXC),
    [],
    ['单位负责人：', null, '填表人：', null, '联系电话：'],
    ['财政部门审核意见：', null, null, '（盖章）'],
    ['年   月   日'],
    [],
    ['填报说明：'],
    ['1.', '产出指标', '包括数量指标、质量指标、时效指标和成本指标。'],
    ['2.', '效益指标', '包括经济效益指标、社会效益指标、生态效益指标和可持续影响指标。'],
    ['3.', '满意度指标', '反映服务对象对项目实施的满意程度，一般不低于90%。'],
    [null, '数量指标', '反映预期提供的公共产品和服务数量。'],
    [null, '质量指标', '反映预期提供的公共产品和服务达到的标准和水平。'],
  ]),
  // 17 two stacked tables, each closed by its own signature line
  stackSignatures: g([
    ...projectTable(SQJZ),
    ['填报人：', null, '审核人：', null, '填报日期：'],
    [],
    ...projectTable(RMTJ),
    ['填报人：', null, '审核人：', null, '填报日期：'],
  ]),
  // 18 (second batch) four tables in a 2×2 layout: two side by side, two more side by side under them
  grid2x2: g([...sideBySide(SQJZ, RMTJ), [], ...sideBySide(FLYZ, PFXC)]),
  // 19 (second batch) merged 一级 cells; the second table, right under a blank row, without its header row
  stackMergedNoHead: g([...projectTable(SQJZ), [], ...projectTable(RMTJ, false)], ['A6:A9', 'A17:A20']),
  // 22 (third batch) the 续表 to the right starting on the grid's own header row, its mark just above it
  continuedRightSameRow: g([
    ['项目支出绩效目标表'],
    ['项目名称', '社区矫正'],
    ['预算数（万元）', 20, '财政资金', 20],
    ['绩效目标', SQJZ.goal, null, null, null, '（续表）'],
    [...GRID_HEAD, null, ...GRID_HEAD],
    [...indicatorRows(SQJZ)[0], null, ...indicatorRows(SQJZ)[4]],
    [...indicatorRows(SQJZ)[1], null, ...indicatorRows(SQJZ)[5]],
    ...indicatorRows(SQJZ).slice(2, 4),
  ]),
  // 23 (third batch) the 续表 below without its header repeated: a 续表 line, then the rows
  continuedBelowNoHead: g([...projectTable(SQJZ).slice(0, 5), ...indicatorRows(SQJZ).slice(0, 4), [], [], ['续表'], ...indicatorRows(SQJZ).slice(4)]),
};

/** 20 (second batch) a workbook: a 封面 naming the project and its amount, then the table on its own sheet. */
export const COVER_WORKBOOK: CellGrid[] = [
  g(
    [
      ['2025年度项目支出绩效目标申报表'],
      [],
      ['项目名称：', '社区矫正'],
      ['申报单位（盖章）：', '某区司法局'],
      ['预算金额（万元）：', 20],
      ['填报日期：', '2025年1月10日'],
    ],
    [],
    '封面',
  ),
  g(projectTable(SQJZ), [], '绩效目标表'),
];

/** 21 (second batch) the same, the 封面 titled as the 绩效目标表 itself. */
export const COVER_TITLED_WORKBOOK: CellGrid[] = [
  { ...COVER_WORKBOOK[0], values: COVER_WORKBOOK[0].values.map((line, i) => (i === 0 ? ['某区司法局2025年项目支出绩效目标表'] : line)) },
  COVER_WORKBOOK[1],
];

/** 11 a workbook: a 目录 sheet listing the tables, then one table per sheet. */
export const CONTENTS_WORKBOOK: CellGrid[] = [
  g(
    [
      ['目录'],
      ['序号', '表名', '页码'],
      [1, '社区矫正项目支出绩效目标表', 1],
      [2, '人民调解项目支出绩效目标表', 2],
      [3, '法律援助项目支出绩效目标表', 3],
    ],
    [],
    '目录',
  ),
  g(projectTable(SQJZ), [], '表1'),
  g(projectTable(RMTJ), [], '表2'),
  g(projectTable(FLYZ), [], '表3'),
];

/** 12 a workbook: a 填报说明 sheet explaining each dimension in a grid of its own, then the table. */
export const NOTES_WORKBOOK: CellGrid[] = [
  g(
    [
      ['填报说明'],
      ['一级指标', '二级指标', '指标解释'],
      ['产出指标', '数量指标', '反映预期提供的公共产品和服务数量。'],
      [null, '质量指标', '反映预期提供的公共产品和服务达到的标准、水平和效果。'],
      [null, '时效指标', '反映预期提供公共产品和服务的及时程度和效率情况。'],
      [null, '成本指标', '反映预期提供公共产品和服务所需成本的控制情况。'],
      ['效益指标', '经济效益指标', '反映相关产出对经济效益带来的影响和效果。'],
      [null, '社会效益指标', '反映相关产出对社会发展带来的影响和效果。'],
      [null, '生态效益指标', '反映相关产出对自然环境带来的影响和效果。'],
      [null, '可持续影响指标', '反映相关产出带来影响的可持续期限。'],
      ['满意度指标', '服务对象满意度指标', '反映服务对象对相关产出及其影响的认可程度。'],
    ],
    ['A3:A6', 'A7:A10'],
    '填报说明',
  ),
  g(projectTable(SQJZ), [], '项目表'),
];
