/**
 * Label texts of a 绩效目标表 sheet: the layout writes the first form of each, the reader accepts every
 * form listed. One module, so what is written is always what is read back.
 */
import type { AmountUnit } from '../model';
import type { GridScope } from './types';

/** Field labels of the header block, as written by the layout. */
export const LABELS = {
  titleSuffix: '绩效目标表',
  projectName: '项目名称',
  budgetBlock: '预算规模及资金用途',
  budgetTotal: '预算数',
  budgetFiscal: '其中：财政资金',
  budgetOther: '其他资金',
  purpose: '资金用途',
  goals: '绩效目标',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  description: '绩效指标描述',
  value: '指标值',
} as const;

export type HeaderField = 'projectName' | 'budgetTotal' | 'budgetFiscal' | 'budgetOther' | 'purpose' | 'goals';
export type GridColumn = 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'unit' | 'valueType';

/** `单位：万元` as the layout writes it. */
export function unitLabel(unit: AmountUnit): string {
  return `单位：${unit}`;
}

/** Blank form title when there is no project yet. */
export const BLANK_TITLE = `项目支出${LABELS.titleSuffix}`;

/** Anything normalizeLabel would change. */
const LABEL_NOISE = /[\s\u3000:()]|：$|^[*＊★]/;

/**
 * Normalises a cell text for label matching: no whitespace (full-width included), ASCII colon → full-width,
 * no trailing colon, brackets unified. `其中：财政    资金` → `其中：财政资金`.
 */
export function normalizeLabel(text: string): string {
  // Most cells need none of the replacements below: they are returned as they are, with no new string.
  if (!LABEL_NOISE.test(text)) return text;
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/：+$/, '')
    .replace(/^[*＊★]+/, '');
}

const LABEL_MONEY_UNIT = /^(.+?)（(?:单位：)?(元|千元|万元|亿元)）$/;

/** `资金总额（万元）` → the label and the money unit it names; unit null when it names none. */
export function splitLabelUnit(label: string): { label: string; unit: string | null } {
  const match = LABEL_MONEY_UNIT.exec(label);
  return match ? { label: match[1], unit: match[2] } : { label, unit: null };
}

/** Accepted forms of each header field label, normalised. */
export const HEADER_FIELD_LABELS: Record<HeaderField, readonly string[]> = {
  // 二级项目名称 (S21; also typed independently as S44, dropped as its twin): the project under its 一级 programme (一级项目名称, an extra field); 转移支付（项目）名称 (S25).
  projectName: [LABELS.projectName, '项目名', '项目支出名称', '项目名称（全称）', '专项资金名称', '二级项目名称', '转移支付名称'],
  budgetTotal: [
    LABELS.budgetTotal,
    '年度预算数',
    '资金总额',
    '预算金额',
    '预算总额',
    '项目资金总额',
    '项目金额',
    '项目预算数',
    '年度本级预算金额',
    '本级预算金额',
    '预算资金总额',
    '年度预算金额',
    '年度资金',
    '总额',
    '当年年度预算',
    '年度财政资金总额',
    '预算申报数',
  ],
  budgetFiscal: [
    LABELS.budgetFiscal,
    '其中：财政拨款',
    '财政资金',
    '财政拨款',
    '其中财政资金',
    '其中：财政性资金',
    '其中：一般公共预算',
    '一、预算资金',
    '预算资金',
    '其中：财政拨款资金',
    '其中：财政拨款数',
    '其中：本年财政拨款',
    '本年财政拨款',
    '财政拨款数',
    '其中：市财政资金',
    '市财政资金',
    '财政拨款资金',
    '其中：本级财政资金',
    '本级财政资金',
  ],
  budgetOther: [LABELS.budgetOther, '其中：其他资金', '其中：其它资金', '其它资金', '二、自有资金', '自有资金', '三、其他', '其他资金来源', '其中：自有资金'],
  purpose: [LABELS.purpose, '资金用途说明'],
  goals: [
    LABELS.goals,
    '年度绩效目标',
    '年度绩效目标（文字）',
    '项目年度目标',
    '年初设定目标',
    // The goals column of a 自评表 (预期目标 | 实际完成情况, 财预〔2020〕10号's form): its text is under it.
    '预期目标',
    '年度主要目标和成果',
    '年度主要目标',
    '本年度绩效目标',
    '年度总体目标',
    '总体目标',
    '年度目标',
    '总体绩效目标',
    '项目绩效目标',
    '中长期目标',
    '长期目标',
    '中期目标',
    '总目标',
    '中长期绩效目标',
    '项目期目标',
    '项目期绩效目标',
    '实施期目标',
    '实施期绩效目标',
  ],
};

/** Labels of a multi-year sheet's project total (the 总体目标 grid's costs are weighed against it). */
export const PROJECT_TOTAL_LABELS: readonly string[] = ['项目总金额', '项目总预算', '总预算', '项目总投资', '总投资', '项目资金总量'];

/** Labels naming one indicator grid of a multi-year sheet, beside or above its header row. */
export const GRID_SCOPE_LABELS: readonly string[] = [
  '年度绩效指标',
  '本年度绩效指标',
  '年度指标',
  '长期绩效指标',
  '长期指标',
  '总目标绩效指标',
  '总体绩效指标',
  '总体指标',
  '中长期绩效指标',
  '中长期指标',
  '项目期绩效指标',
  '项目期指标',
];

/** How messages name a grid when a sheet has more than one. */
export const GRID_SCOPE_NAMES: Record<GridScope, string> = { annual: '年度目标', overall: '总体目标', otherYear: '其他年度目标' };

/** The period a goals or grid label speaks of (`年度目标` → annual, `总体目标`/`中长期目标` → overall); null if it says none. */
export function labelScope(label: string): GridScope | null {
  if (label.includes('年度')) return 'annual';
  if (/总体|总目标|长期|中期|项目期|实施期|整体/.test(label)) return 'overall';
  return null;
}

/** Header labels whose values go to PerformanceTable.extraFields under the label as written (normalised). */
export const EXTRA_FIELD_LABELS: readonly string[] = [
  '主管部门',
  // A 转移支付 自评表's department (S42), a 一级项目 over the project (S44): fields of their own, never the 项目名称.
  '归口管理部门',
  '一级项目名称',
  '实施单位',
  '项目属性',
  '项目期',
  '起止时间',
  '项目起止时间',
  '项目实施期',
  // The budget year a table is for: which of several year columns (2024年 | 2025年) is the year's own.
  '预算年度',
  '年度',
  '年度资金总额',
  '项目负责人',
  '联系电话',
  '项目类型',
  '一级项目名称',
  ...PROJECT_TOTAL_LABELS,
];

/** Labels that group other labels and never carry a value of their own. */
export const GROUP_LABELS: readonly string[] = [
  LABELS.budgetBlock,
  // Column heads beside a label (目标 | 完成情况) that are never its value.
  '年度目标完成情况',
  '实际完成情况',
  '目标完成情况',
  '资金情况', '资金情况（万元）', '资金情况（元）', '预算规模', '绩效指标', '项目资金', ...GRID_SCOPE_LABELS];

/**
 * The head of a column of results beside a goals label (`年度总体目标完成情况综述`, `实际完成情况`, S34): never
 * the goals' value, whatever words come before 完成情况. Only the header block reads it so: in a grid the same
 * words name an indicator (`年度任务完成情况`).
 */
export const RESULT_HEAD = /^.{0,12}完成情况(?:综述|说明|概述)?$/;

/** Labels naming the department line (the value to their right is the department). */
export const DEPARTMENT_LABELS: readonly string[] = ['单位名称', '预算单位', '申报单位', '填报单位', '部门名称', '预算部门'];

/** Accepted forms of the indicator grid's column headers, normalised. */
export const GRID_COLUMN_LABELS: Record<GridColumn, readonly string[]> = {
  level1: [LABELS.level1, '一级', '一级指标名称'],
  level2: [LABELS.level2, '二级', '二级指标名称'],
  level3: [LABELS.level3, '三级', '三级指标名称'],
  description: [LABELS.description, '指标描述', '指标解释', '指标内容', '绩效指标内容'],
  value: [
    LABELS.value,
    '目标值',
    '年度指标值',
    '指标值（目标值）',
    '年度目标值',
    '绩效指标值',
    '指标值及单位',
    '指标值（年度）',
    '指标目标值',
    '预期目标值',
    '绩效目标值',
    '年度指标值及单位',
    '指标值（含单位）',
    '当年预期实现值',
    '预期实现值',
    '预期值',
    '年初目标值',
    '年初目标值（A）',
  ],
  unit: ['计量单位', '度量单位', '单位', '指标值单位'],
  valueType: ['指标值类型', '指标性质', '指标类型', '指标方向', '运算符号', '符号'],
};

/** Grid columns a sheet must have for it to be a 绩效目标表 (a 三级 column may be absent). */
export const REQUIRED_GRID_COLUMNS: readonly GridColumn[] = ['level1', 'level2', 'value'];

/** Headers of the 三级 column when no column is headed 三级指标 (otherwise 指标内容 is the description). */
export const LEVEL3_FALLBACK_LABELS: readonly string[] = ['指标名称', '绩效指标', '指标内容', '绩效指标名称', '具体指标'];

/** Sub-headers under a value column split in two: the target is read, the actual value is not. */
export const TARGET_SUBHEADER = /目标|预期|计划|年度指标值/;

/**
 * Rows under a table that end its grid and are never indicators: stamps, signatures, approval, contacts.
 * Tested on every text of a row below the grid header.
 */
export const SIGNATURE_TEXT = /盖章|审核意见|审批意见|批复意见|填报人|填表人|制表人|审核人|经办人|联系电话|联系人[：:]|负责人[：:]|签字|签章|填报日期|填表日期|审核日期|(?:^|\s)日期[：:]/;

/** A row of a flat export that totals the projects above it (合计, 总计, 部门合计). */
/** A note under a table (说明, 注：…, 备注): it ends the grid above it. */
export const NOTE_TEXT = /^(?:说明|备注|注|填报说明|填表说明|其他需要说明的?事项|其他说明事项|其他说明)(?:：|$)/;

/** How a 填报说明 explains a dimension (`反映预期提供的公共产品和服务数量`, `是指…`, `包括…`), never a target. */
export const DEFINITION_TEXT = /^(?:主要|用于|一般)?(?:反映|是指|指的是|衡量|考核|包括|例如|如[：:])/;

export const TOTAL_ROW_TEXT = /^(?:部门|单位)?(?:合计|总计|小计|总分|得分合计)$/;

/** `单位：万元`, `金额单位：元`, `单位:万元` → the unit; null if the text is not a unit label. */
export function matchUnitLabel(text: string): AmountUnit | null {
  const match = /^(?:金额|资金)?单位：(元|千元|万元|亿元)$/.exec(normalizeLabel(text));
  return match ? (match[1] as AmountUnit) : null;
}

/** Every header label, normalised, for "is this cell a label?" checks. */
export const ALL_HEADER_LABELS: ReadonlySet<string> = new Set([
  ...Object.values(HEADER_FIELD_LABELS).flat(),
  ...EXTRA_FIELD_LABELS,
  ...GROUP_LABELS,
  ...DEPARTMENT_LABELS,
]);

export const ALL_GRID_LABELS: ReadonlySet<string> = new Set(Object.values(GRID_COLUMN_LABELS).flat());

/** Which input prompts the layout attaches, by column or field (Chinese, shown by Excel with no add-in). */
export const PROMPTS = {
  level1: { title: LABELS.level1, text: '从下拉列表选择一级指标（产出、效益、满意度…）。' },
  level2: { title: LABELS.level2, text: '从下拉列表选择二级指标，须与一级指标对应。' },
  level3: { title: LABELS.level3, text: '填写具体的三级指标名称，如“软件运维系统个数”。' },
  description: { title: LABELS.description, text: '说明该指标衡量什么、如何计算。' },
  value: { title: LABELS.value, text: '如 ≥13个、≤291.2万元、100%、2024年12月底前；成本指标用 ≤ 写上限。' },
  amount: { title: '金额', text: '填写数字（单位同表头“单位”），不带单位，≥ 0。' },
  goals: { title: LABELS.goals, text: '分条写明年度目标，如“1.……；2.……”，每条目标都应有对应指标。' },
} as const;
