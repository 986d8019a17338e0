import type { Unreadable } from '../sheet/types';
import type { Finding, Rule } from './types';

/** The message for a sheet (or part of one) that looks like a 绩效目标表 but could not be read. */
export function unreadableFinding(unreadable: Unreadable): Finding {
  const found = unreadable.found.length > 0 ? `找到了${unreadable.found.join('、')}` : '找到了像绩效目标表的内容';
  return {
    message: `这张表看起来是绩效目标表，但无法完整读取：${found}，找不到${unreadable.missing.join('、')}。请按标准表样（一级指标、二级指标、三级指标、指标值）整理后再检查，未读取的部分没有检查`,
    cells: unreadable.cell ? [unreadable.cell] : [],
  };
}

/**
 * Never pass what was not read: a table whose grid header was found but whose indicator rows could not
 * be read (sheets with no readable table at all get the same finding from the engine).
 */
export const unreadableLayoutRule: Rule = {
  code: 'unreadable-layout',
  title: '无法读取的表格布局',
  defaultSeverity: 'error',
  description:
    '这张表看起来是绩效目标表（有指标表头或一级指标名称），但 jixiao 无法完整读取它。未读取的部分没有检查，所以这张表不能算作“未发现问题”，请整理成标准表样后再检查。',
  basis: 'jixiao 自身的原则：读不懂的表不能算作检查通过',
  sources: [],
  english: 'a sheet that looks like a 绩效目标表 but cannot be read (or a grid header with no indicator row under it): what was found and what was missing',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      {
        input: [
          { header: '指标值', value: '' },
          { dimension: '数量指标', indicator: '软件运维系统个数', column: '指标值', value: '' },
          { dimension: '数量指标', indicator: '硬件运维系统个数', column: '指标值', value: '' },
          { dimension: '数量指标', indicator: '租赁网络数量', column: '指标值', value: '' },
          { dimension: '数量指标', indicator: '网络安全漏洞扫描次数', column: '指标值', value: '' },
          { dimension: '数量指标', indicator: '网络安全渗透测试次数', column: '指标值', value: '' },
          { dimension: '数量指标', indicator: '网络安全等保测评系统数', column: '指标值', value: '' },
          { dimension: '质量指标', indicator: '运维服务验收通过率', column: '指标值', value: '' },
          { dimension: '时效指标', indicator: '运维时间', column: '指标值', value: '' },
          { dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '指标值', value: '' },
          { dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '指标值', value: '' },
          { dimension: '服务对象满意度指标', indicator: '使用人员满意度', column: '指标值', value: '' },
        ],
        note: '指标表头和各行的指标值都是空的：找得到一级、二级指标名称，却找不到任何一列目标值，这张表不能算作检查通过。',
      },
    ],
    accepted: [
      { input: [{ header: '指标值', value: '年度指标值' }], note: '“年度指标值”是常见的表头写法，能正常读取。' },
      { input: [{ header: '指标值', value: '' }], note: '表头“指标值”留空，但这一列写的都是目标值（≥13个、100%…），按内容仍能读出。' },
    ],
  },
  check({ sheet }) {
    return sheet.unread ? [unreadableFinding(sheet.unread)] : [];
  },
};
