// Task pane bootstrap: the only place that asks Office whether we run inside Excel.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { bundledLibrary } from '../web/library';
import { describeError } from '../web/errors';
import { browserStorage } from '../checker/storedSettings';
import { runInWorker } from '../checker/runInWorker';
import { CHECK_WORKER_URL } from '../checker/workerProtocol';
import type { TemplateLibrary } from '../core/model';
import { LibraryShelf } from '../web/libraryShelf';
import { chooseLibraryStore, type KeyValueStore, type OfficeStorageEnvironment } from '../web/libraryStore';
import { lazyLayoutShelf } from '../web/lazyLayouts';
import { App } from './App';
import { lazyHost } from './lazyHost';
import { PaneServicesProvider } from './hostContext';
import { viewFromSearch } from './view';

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

/** A library file read in the checker's worker (check-worker.js, beside this page): the pane stays responsive. */
async function readLibraryInWorker(data: ArrayBuffer, name: string): Promise<TemplateLibrary> {
  const reply = await runInWorker({ kind: 'library', data, name }, [data], { createWorker: () => new Worker(CHECK_WORKER_URL) });
  return reply.library;
}

function render(content: React.ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('缺少 #root');
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);
}

async function start(): Promise<void> {
  // office.js failed to load (offline, blocked CDN) or the page is opened outside Office.
  const info = typeof Office === 'undefined' ? null : await Office.onReady();
  if (!info || info.host !== Office.HostType.Excel) {
    // Loaded only here: inside Excel the pane never shows it.
    const { OutsideOffice } = await import('./OutsideOffice');
    render(<OutsideOffice checkerHref={CHECKER_HREF} />);
    return;
  }
  const store = chooseLibraryStore(officeStorageEnvironment());
  const shelf = await LibraryShelf.open(bundledLibrary(), store, readLibraryInWorker);
  const library = shelf.library;
  const layouts = lazyLayoutShelf(store);
  // The rules see the unit's libraries and taught layouts as the user changes them, without reopening the pane.
  const host = lazyHost(async () => {
    const taught = await layouts();
    return (await import('../excel/excelHost')).createExcelHost({ library, getLibrary: () => shelf.library, getLayouts: () => taught.layouts });
  });
  const view = viewFromSearch(window.location.search);
  render(
    <PaneServicesProvider services={{ host, library, shelf, layouts }}>
      <App initialView={view} checkOnOpen={view === 'check'} />
    </PaneServicesProvider>,
  );
}

start().catch((error: unknown) =>
  render(
    <MessageBar intent="error">
      <MessageBarBody>{describeError(error)}</MessageBarBody>
    </MessageBar>,
  ),
);
