// A row that names no measure: a 三级 that only repeats a dimension (its own 二级, or any framework's 数量,
// 成本, 经济效益 …), or a 指标值 that says nothing measurable for its dimension (a % under 成本, a bare 是
// under 数量). Such rows are what scaffolding leaves behind; typed into, they must not pass as indicators.
import type { Finding, Rule } from './types';
import type { IndicatorRow } from '../model';
import { dimensionKey, isAnyDimensionKey, rowDimensionRole, writtenDimensionKey, type DimensionRole } from '../frameworks';
import { gridRowLabel, inGrid, namesOwnRows, sheetGrids } from './helpers';
import { grounded, SOURCES } from './sources';

/** Words that name a kind of indicator, not an indicator, beyond the frameworks' own dimension names. */
export const GENERIC_WORDS = ['指标', '三级指标', '绩效指标', '其他', '其它', '效益', '产出', '成本', '经济成本', '社会成本', '生态成本', '环境成本', '生态环境成本', '满意度', '时效', '数量', '质量'];
const GENERIC_KEYS = new Set(GENERIC_WORDS.map(dimensionKey));

/** 服务对象满意度: names the people asked, as the frameworks print it; not a bare 满意度. */
const SUBJECT_SATISFACTION = /^(?:社会公众或服务对象|服务对象|社会公众)满意度$/;

/** The name without spaces, a trailing unit in brackets (`成本（万元）`) or numbering (`1.`, `（一）`). */
function bareName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])/, '')
    .replace(/[（(][^（）()]*[）)]$/, '');
}

/** Whether a 三级 name is only a dimension's name or a generic word. */
export function genericName(row: Pick<IndicatorRow, 'level1' | 'level2' | 'level3'>): boolean {
  const name = bareName(row.level3);
  if (!name) return false;
  const level2 = bareName(row.level2);
  if (name === level2) return true;
  // The standards' own wording for whose satisfaction is measured (the seed and most published tables use it).
  if (SUBJECT_SATISFACTION.test(name)) return false;
  // 三级 names are mostly distinct: keyed once here; the few 一级/二级 names through the shared cache.
  const key = dimensionKey(name);
  if (GENERIC_KEYS.has(key)) return true;
  if (key === writtenDimensionKey(level2) || key === writtenDimensionKey(bareName(row.level1))) return true;
  return isAnyDimensionKey(key);
}

/** A bare yes/no: answers whether, never how much. */
const YES_NO = /^(?:是|否|有|没有|对|已完成|完成|未完成|达到|已达到|√|×|Y|N|YES|NO)$/i;

/** Why a 指标值 says nothing measurable for its dimension, or null when it may. */
export function emptyTarget(row: IndicatorRow, role: DimensionRole | null): string | null {
  const value = row.value.trim();
  if (!value) return null;
  if (role === 'cost' && row.parsed.kind === 'ratio') return `成本指标应写金额（如「≤10万元」），百分比「${value}」说不出花多少钱`;
  if (YES_NO.test(value)) {
    const expected = role === 'quantity' ? '数量（如「≥10个」）' : role === 'cost' ? '金额（如「≤10万元」）' : '可核验的标准或数值（如「≥95%」）';
    return `「${value}」只回答是否，说不出做到什么程度，宜写成${expected}`;
  }
  return null;
}

/** A real name of each dimension, for the advice: what a specific 三级 looks like there. */
const NAME_EXAMPLES: Record<DimensionRole, string> = {
  quantity: '「培训人次」「设备购置数量」',
  quality: '「验收合格率」「系统正常运行率」',
  timeliness: '「项目完成时间」',
  cost: '「设备购置成本」「运维费用支出」',
  benefit: '「群众办事平均等候时间」',
  satisfaction: '「受训人员满意度」',
};

export const genericIndicatorRule: Rule = {
  code: 'generic-indicator',
  title: '指标名称或指标值空泛',
  defaultSeverity: 'warning',
  description:
    '三级指标只是重复其二级指标或维度名称（数量、质量、成本、经济效益……），或指标值对其维度说不出可衡量的内容（成本指标写百分比，数量指标只写「是」）。这样的行看似填全，实际没有可考核的指标，评审会要求改写。',
  ...grounded([SOURCES.refine88, '指标应细化、量化、可衡量'], [SOURCES.relevant88, '绩效指标是否细化、量化'], SOURCES.practice),
  english: 'a 三级 that only repeats its 二级 or a generic word (数量, 质量, 成本, 经济效益 …), or a 指标值 saying nothing measurable for its dimension (a % under 成本, a bare 是 under 数量)',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      { input: [{ dimension: '成本指标', indicator: '项目评审费用支出', column: '三级指标', value: '成本' }], note: '三级指标「成本」只是维度名称，说不出是什么成本。' },
      { input: [{ dimension: '数量指标', indicator: '租赁网络数量', column: '三级指标', value: '数量指标' }], note: '三级指标重复了二级指标「数量指标」。' },
      { input: [{ dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '三级指标', value: '社会效益' }], note: '「社会效益」是维度名称，不是指标。' },
      { input: [{ dimension: '成本指标', indicator: '项目评审费用支出', column: '指标值', value: '100%' }], note: '成本指标写百分比，说不出花多少钱。' },
      { input: [{ dimension: '数量指标', indicator: '租赁网络数量', column: '指标值', value: '是' }], note: '「是」只回答是否，不是数量。' },
    ],
    accepted: [
      { input: [{ dimension: '成本指标', indicator: '项目评审费用支出', column: '三级指标', value: '项目评审成本' }], note: '名称说明了是哪一项成本。' },
      { input: [{ dimension: '成本指标', indicator: '项目评审费用支出', column: '指标值', value: '≤0.8万元' }], note: '成本写成金额上限。' },
      { input: [{ dimension: '质量指标', indicator: '运维服务验收通过率', column: '指标值', value: '≥95%' }], note: '质量指标写百分比可以衡量。' },
    ],
  },
  check({ sheet, framework }) {
    const findings: Finding[] = [];
    for (const grid of sheetGrids(sheet)) {
      for (const { row, refs } of grid.rows) {
        const role = rowDimensionRole(framework, row);
        if (namesOwnRows(grid) && genericName(row)) {
          const level2 = row.level2.trim() || row.level1.trim();
          const like = role ? `（如${NAME_EXAMPLES[role]}）` : '';
          findings.push({
            message: `${inGrid(grid, level2)}下的三级指标「${row.level3.trim()}」只是维度名称，说不出衡量什么；宜写成具体衡量的对象${like}`,
            cells: [refs.level3],
          });
        }
        const why = emptyTarget(row, role);
        if (why) findings.push({ message: `${gridRowLabel(grid, row)}的指标值：${why}`, cells: [refs.value] });
      }
    }
    return findings;
  },
};
