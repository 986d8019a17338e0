// The reading a draft layout gives, in Chinese lines, for the dialog's live preview.
import { readSheetTables } from '../sheet/reader';
import type { CellGrid } from '../sheet/types';
import { applyLayout, teachLayout, type LayoutPointing } from './apply';
import type { LayoutProfile } from './profile';

export interface LayoutPreview {
  profile: LayoutProfile | null;
  /** What the reader reads under the draft, one line each; or why it cannot yet. */
  lines: string[];
  /** True once the draft reads a table with indicators: it can be saved. */
  reads: boolean;
}

const amount = (value: number | null): string => (value === null ? '（未读到）' : String(value));
const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text || '（空）');

export function previewLayout(grid: CellGrid, name: string, pointing: LayoutPointing): LayoutPreview {
  const { profile, problem } = teachLayout(grid, name, pointing);
  if (!profile) return { profile: null, lines: [problem ?? '尚未指定'], reads: false };
  const applied = applyLayout(grid, profile);
  const read = readSheetTables(applied.grid);
  const sheet = read.tables[0];
  if (!sheet) {
    const why = read.unreadable ? `缺少：${read.unreadable.missing.join('、')}` : '';
    return { profile, lines: ['按此布局仍读不出绩效目标表', why, ...applied.problems].filter(Boolean), reads: false };
  }
  const { table } = sheet;
  const rows = table.indicators.slice(0, 3).map((row, i) => `第 ${i + 1} 条：${row.level1} › ${row.level2} › ${row.level3 || '（无三级）'}：${row.value || '（空）'}`);
  return {
    profile,
    lines: [
      `项目名称：${clip(table.projectName)}`,
      `预算数 ${amount(table.budget.total)}，财政资金 ${amount(table.budget.fiscal)}，其他资金 ${amount(table.budget.other)}（${table.unit}）`,
      `绩效目标：${clip(table.goals)}`,
      `读到 ${table.indicators.length} 条指标`,
      ...rows,
      ...applied.problems,
    ],
    reads: table.indicators.length > 0,
  };
}
