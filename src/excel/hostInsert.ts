// 插入: the Excel host's methods that add sheets drawn from the library (or a blank form).
import { planInsertedBlank, planInsertedTable } from '../core/sheet';
import type { SheetPlan } from '../core/sheet/types';
import type { CompleteHost, InsertResult, ProgressHandler } from '../web/host';
import type { ExcelSession } from './hostSession';
import { isPayloadError } from './payload';
import { queueSheetPlan } from './writePlan';

/** Sheets drawn per write sync when inserting many: 16 tables → 2 writes + 1 read. */
const SHEETS_PER_WRITE = 8;

/**
 * Adds sheets for plans made once the existing names are known: 1 read + 1 write per 8 sheets. A write
 * Excel refuses as too large (src/excel/payload.ts) is sent again with half the sheets, down to one.
 */
async function insertPlans(session: ExcelSession, count: number, makePlan: (index: number, existing: string[]) => SheetPlan, onProgress?: ProgressHandler): Promise<InsertResult> {
  const { counter, features } = session;
  const before = counter.count;
  onProgress?.(0, count);
  const sheetNames = await session.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await counter.sync(context);
    const existing = worksheets.items.map((s) => s.name);
    const names: string[] = [];
    let perTrip = SHEETS_PER_WRITE;
    for (let start = 0; start < count; ) {
      const end = Math.min(count, start + perTrip);
      const trip: string[] = [];
      for (let i = start; i < end; i++) {
        const plan = makePlan(i, [...existing, ...names, ...trip]);
        trip.push(plan.name);
        queueSheetPlan(worksheets.add(plan.name), plan, features);
      }
      if (end >= count) worksheets.getItem(names[0] ?? trip[0]).activate();
      try {
        await counter.sync(context);
      } catch (error) {
        // Nothing of a refused request was applied: the same sheets again, fewer at a time.
        if (!isPayloadError(error) || perTrip === 1) throw error;
        perTrip = Math.ceil(perTrip / 2);
        continue;
      }
      for (const name of trip) names.push(name);
      start = end;
      onProgress?.(end, count);
    }
    return names;
  });
  return { sheetNames, syncs: counter.count - before };
}

export function insertMethods(session: ExcelSession): Pick<CompleteHost, 'insertTables' | 'insertBlank'> {
  return {
    insertTables: (tables, onProgress) => insertPlans(session, tables.length, (i, existing) => planInsertedTable(tables[i], existing), onProgress),
    insertBlank: (framework) => insertPlans(session, 1, (_i, existing) => planInsertedBlank(framework, existing)),
  };
}
