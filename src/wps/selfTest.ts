/**
 * 自检 for WPS: each behaviour the WPS host assumes (research notes, docs/wps.md) tried on a scratch sheet
 * that is removed afterwards, with a plain-text report a pilot user can copy and send. The report has the
 * shape of the Excel host's SelfTestReport (src/web/host.ts once merged); docs/wps.md describes its format.
 */
import { isMarkNote, markFormula, markNoteText, parseMarkFormula } from '../core/marking';
import { XL, asSheet, localAddress, nameOf, read, valueRows } from './et';
import type { EtApplication, EtDocumentProperties, EtFormatCondition, EtWorksheet } from './et';

export interface WpsSelfTestCheck {
  name: string;
  label: string;
  passed: boolean;
  detail: string;
}

export interface WpsSelfTestReport {
  environment: string;
  requirementSets: string;
  checks: WpsSelfTestCheck[];
  text: string;
}

const SCRATCH = 'jixiao自检';
const PROPERTY = 'jixiao.selftest';

function environmentOf(app: EtApplication): string {
  const info = app as unknown as { Name?: unknown; Version?: unknown; Build?: unknown };
  const read = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const parts = [read(info.Name) || 'WPS 表格', read(info.Version), read(info.Build)].filter(Boolean);
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const chrome = /Chrome\/(\d+)/.exec(agent);
  return `${parts.join(' ')}${chrome ? `；Chromium ${chrome[1]}` : ''}`;
}

/** Runs the checks; never throws for a failed check (it is reported), only when no scratch sheet can be added. */
export function runSelfTest(app: EtApplication): WpsSelfTestReport {
  const checks: WpsSelfTestCheck[] = [];
  const run = (name: string, label: string, test: () => string | false) => {
    try {
      const detail = test();
      checks.push({ name, label, passed: detail !== false, detail: detail === false ? '结果不符' : detail });
    } catch (error) {
      checks.push({ name, label, passed: false, detail: `出错：${error instanceof Error ? error.message : String(error)}` });
    }
  };
  const workbook = app.ActiveWorkbook;
  if (!workbook) throw new Error('没有打开的工作簿，无法自检。');
  const sheets = workbook.Worksheets;
  const ws: EtWorksheet = asSheet(sheets.Add(undefined, sheets.Item(sheets.Count)));
  try {
    run('worksheetsAdd', '新建并命名工作表（Worksheets.Add、Name）', () => {
      ws.Name = `${SCRATCH}${Date.now() % 100000}`;
      return nameOf(ws).startsWith(SCRATCH) && nameOf(ws);
    });
    run('value2Block', '按块写入、读取 Value2（二维数组）', () => {
      ws.Range('A1:B2').Value2 = [
        ['甲', 1],
        ['乙', 2],
      ];
      const rows = valueRows(read(ws.Range('A1:B2'), 'Value2'), 2, 2);
      return rows[0][0] === '甲' && rows[1][1] === 2 && `读回 ${JSON.stringify(rows)}`;
    });
    run('value2Scalar', '单个单元格的 Value2 为标量', () => {
      const value = read(ws.Range('A1'), 'Value2');
      return value === '甲' && `读回 ${JSON.stringify(value)}`;
    });
    run('propertyShape', '属性的读取方式（Value2、Name 为属性或方法，两种都能读）', () => {
      const shape = (value: unknown) => (typeof value === 'function' ? '方法' : '属性');
      return `Value2 为${shape((ws.Range('A1') as unknown as Record<string, unknown>).Value2)}，Name 为${shape((ws as unknown as Record<string, unknown>).Name)}`;
    });
    let fc: EtFormatCondition | null = null;
    run('formatConditionFormula', '条件格式公式原样读回（FormatConditions.Add、Formula1）', () => {
      fc = ws.Range('B3').FormatConditions.Add(XL.expression, undefined, markFormula('B3', 'error')) as EtFormatCondition;
      const formula = read(fc, 'Formula1');
      const mark = parseMarkFormula(formula);
      return mark?.address === 'B3' && `读回 ${formula}`;
    });
    run('formatConditionBorders', '条件格式边框（xlLeft… 或 xlEdgeLeft…）', () => {
      if (!fc) return false;
      const tried: string[] = [];
      for (const [label, index] of [['xlLeft', XL.left], ['xlEdgeLeft', XL.edgeLeft]] as const) {
        try {
          fc.Borders.Item(index).LineStyle = XL.continuous;
          tried.push(`${label} 可用`);
        } catch {
          tried.push(`${label} 不可用`);
        }
      }
      return tried.some((t) => t.endsWith('可用') && !t.endsWith('不可用')) && tried.join('，');
    });
    run('commentTag', '批注文字原样读回（AddComment、Comment.Text）', () => {
      ws.Range('B3').AddComment(markNoteText('自检'));
      const text = ws.Range('B3').Comment?.Text() ?? '';
      return isMarkNote(text) && `读回 ${JSON.stringify(text.slice(0, 40))}`;
    });
    run('rowInsertMoves', '插入行后条件格式的 $ 引用与批注随行移动', () => {
      ws.Range('2:2').Insert(XL.shiftDown);
      const moved = ws.Cells.FormatConditions.Item(1) as EtFormatCondition;
      const formula = read(moved, 'Formula1');
      const mark = parseMarkFormula(formula);
      const where = localAddress(moved.AppliesTo.Address(false, false));
      const note = ws.Range('B4').Comment;
      return mark?.address === 'B4' && where === 'B4' && note !== null && `公式 ${formula}，应用于 ${where}，批注在 B4`;
    });
    run('validationList', '数据有效性下拉列表（Validation.Add）', () => {
      ws.Range('C1').Validation.Add(XL.validateList, XL.alertWarning, 1, '产出指标,效益指标');
      ws.Range('C1').Validation.InputTitle = '自检';
      return ws.Range('C1').Validation.InputTitle === '自检' && '已添加并读回提示标题';
    });
    run('customProperty', '自定义文档属性存 255 个字符（设置随工作簿）', () => {
      const props = workbook.CustomDocumentProperties as EtDocumentProperties;
      const text = '绩'.repeat(255);
      try {
        props.Item(PROPERTY).Delete();
      } catch {
        // Not there: the usual case.
      }
      props.Add(PROPERTY, false, XL.propertyString, text);
      const back = String(props.Item(PROPERTY).Value);
      props.Item(PROPERTY).Delete();
      return back === text && `读回 ${back.length} 个字符`;
    });
    run('apiEvent', '事件接口（Application.ApiEvent）', () => (app.ApiEvent ? '存在：实时检查监听 SheetChange' : false));
  } finally {
    const alerts = app.DisplayAlerts;
    try {
      app.DisplayAlerts = false;
      ws.Delete();
    } catch {
      // Left for the user to delete: reported below.
      checks.push({ name: 'scratchDeleted', label: '删除自检用的临时工作表', passed: false, detail: `请手动删除工作表“${nameOf(ws)}”` });
    } finally {
      app.DisplayAlerts = alerts;
    }
  }
  const environment = environmentOf(app);
  const failed = checks.filter((c) => !c.passed).length;
  const text = [
    '绩效目标表助手 WPS 自检报告',
    `环境：${environment}`,
    `结果：${checks.length - failed} 项通过，${failed} 项未通过`,
    ...checks.map((c) => `[${c.passed ? '通过' : '未通过'}] ${c.name} ${c.label}：${c.detail}`),
  ].join('\n');
  return { environment, requirementSets: 'WPS JS API（无需求集）', checks, text };
}
