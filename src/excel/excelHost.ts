/**
 * JixiaoHost over Office.js: the only place the task pane's requests reach Excel. The host is its method
 * groups (insert, check, fix, cells, settings: src/excel/host*.ts) over one session (src/excel/hostSession.ts),
 * typed as a CompleteHost: a method added to JixiaoHost, optional or not, and not implemented here is a
 * compile error.
 */
import type { CompleteHost } from '../web/host';
import type { ExcelFeatures } from './features';
import { cellMethods } from './hostCells';
import { checkMethods } from './hostCheck';
import { fixMethods } from './hostFix';
import { insertMethods } from './hostInsert';
import { createSession } from './hostSession';
import type { ExcelHostDeps } from './hostSession';
import { settingsMethods } from './hostSettings';
import { LEGACY_SETTINGS_KEY } from './settingsStore';
import type { DocumentSettings } from './settingsStore';

export type { ExcelHostDeps };
export type { DocumentSettings };
/** Where versions before 0.x kept the settings (per add-in Id); read once to migrate. */
export const SETTINGS_KEY = LEGACY_SETTINGS_KEY;

export interface ExcelHost extends CompleteHost {
  /** Every context.sync this host has made; the budgets are measured with it. */
  readonly syncCount: number;
  readonly features: ExcelFeatures;
}

export function createExcelHost(deps: ExcelHostDeps): ExcelHost {
  const session = createSession(deps);
  const methods: CompleteHost = {
    ...insertMethods(session),
    ...checkMethods(session),
    ...fixMethods(session),
    ...cellMethods(session),
    ...settingsMethods(session),
  };
  return {
    ...methods,
    features: session.features,
    get syncCount() {
      return session.counter.count;
    },
  };
}
