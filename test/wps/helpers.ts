// Set-up for the WPS host tests: a fresh WPS double and a host over it; and an Excel user opening the very
// workbook the WPS double holds (both doubles share one model, test/support/excel/model.ts), as a file
// passed between an Excel user and a WPS user carries its sheets, marks and settings.
import { createWpsHost } from '../../src/wps/wpsHost';
import type { WpsHost } from '../../src/wps/wpsHost';
import { createExcelDouble } from '../support/excelDouble';
import type { SheetSnapshot } from '../support/excelDouble';
import { createEtDouble } from '../support/wps/etDouble';
import type { EtDouble, EtDoubleOptions } from '../support/wps/etDouble';
import { loadSeedLibrary } from '../support/seed';
import { setUp } from '../excel/helpers';
import type { Harness } from '../excel/helpers';

export interface WpsHarness {
  et: EtDouble;
  host: WpsHost;
}

export function setUpWps(options: EtDoubleOptions & { writeWhileTyping?: boolean; pollMs?: number } = {}, liveCheckDelayMs = 80): WpsHarness {
  const et = createEtDouble(options);
  const host = createWpsHost({ app: et.Application, library: loadSeedLibrary(), liveCheckDelayMs, writeWhileTyping: options.writeWhileTyping, pollMs: options.pollMs });
  return { et, host };
}

/** An Excel user opening the workbook the WPS double holds: the Excel double and host over the same model. */
export function excelOver(et: EtDouble): Harness {
  return setUp({ workbook: et.workbook });
}

/** A WPS user opening the workbook an Excel double holds (the workbook `x.excel` was made over). */
export function wpsOver(workbook: EtDouble['workbook'], options: Parameters<typeof setUpWps>[0] = {}): WpsHarness {
  return setUpWps({ ...options, workbook });
}

/** The WPS double's sheet as the Excel double snapshots one (an Excel double opened over the same model). */
export function wpsSnapshot(et: EtDouble, name: string): SheetSnapshot {
  return createExcelDouble({ workbook: et.workbook }).snapshot(name);
}
