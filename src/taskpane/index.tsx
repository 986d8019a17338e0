// Task pane bootstrap: the only place that asks Office whether we run inside Excel.
import * as React from 'react';
import { browserStorage } from '../checker/storedSettings';
import type { KeyValueStore, OfficeStorageEnvironment } from '../web/libraryStore';
import { mountPane, renderPane, renderPaneError } from './mount';

const CHECKER_HREF = 'index.html';

/** Where the unit's libraries can be kept in this Office (see src/web/libraryStore.ts). */
function officeStorageEnvironment(): OfficeStorageEnvironment {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStore } }).OfficeRuntime;
  let sharedRuntime: boolean;
  try {
    sharedRuntime = Office.context.requirements.isSetSupported('SharedRuntime', '1.1');
  } catch {
    sharedRuntime = false;
  }
  return { runtimeStorage: runtime?.storage ?? null, sharedRuntime, partitionKey: Office.context.partitionKey, localStorage: browserStorage() };
}

async function start(): Promise<void> {
  // office.js failed to load (offline, blocked CDN) or the page is opened outside Office.
  const info = typeof Office === 'undefined' ? null : await Office.onReady();
  if (!info || info.host !== Office.HostType.Excel) {
    // Loaded only here: inside Excel the pane never shows it.
    const { OutsideOffice } = await import('./OutsideOffice');
    renderPane(<OutsideOffice checkerHref={CHECKER_HREF} />);
    return;
  }
  await mountPane(officeStorageEnvironment(), async (services) => (await import('../excel/excelHost')).createExcelHost(services));
}

start().catch(renderPaneError);
