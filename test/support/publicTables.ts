// 公开样表 for the host tests of refreshSuggestions (Excel and WPS): the library file as the pane loads it, a
// project like one of its tables to type into a blank form, and the live check's latest report of a sheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateLibrarySchema } from '../../src/core/model';
import type { SheetReport, TemplateLibrary } from '../../src/core/model';
import type { JixiaoHost } from '../../src/web/host';

export function publishedLibrary(): TemplateLibrary {
  return TemplateLibrarySchema.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'libraries', '公开样表.json'), 'utf8')));
}

/** A project like 湘潭's 雾炮车降尘抑尘服务, as typed into a seed blank form's 项目名称 (B3) and 绩效目标 (B8). */
export const FOG_CANNON = {
  cells: [
    ['B3', '道路雾炮车降尘服务采购'],
    ['B8', '采购雾炮车降尘抑尘服务，减少道路扬尘，改善城区空气质量。'],
  ] as const,
  issuer: '公开样表：湘潭市环境卫生管理处（湖南，2023年）',
};

/** Starts `host`'s live check: every list it emits, the latest report of `sheet`, and the stop function. */
export async function liveReportsOf(host: JixiaoHost, sheet: string): Promise<{ queue: SheetReport[][]; reportOf: () => SheetReport; stop: () => Promise<void> }> {
  const queue: SheetReport[][] = [];
  const stop = await host.startLiveCheck((reports) => queue.push(reports), (error) => {
    throw error;
  });
  return { queue, reportOf: () => queue.at(-1)!.find((r) => r.sheet === sheet)!, stop };
}
