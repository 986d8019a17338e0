// Mounting the task pane, shared by its two shells: taskpane.html in Excel (index.tsx) and the WPS pane
// (src/wps/pane.tsx). Each shell says where the unit's libraries are kept and which host to load.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { bundledLibrary } from '../web/library';
import { describeError } from '../web/errors';
import { runInWorker } from '../checker/runInWorker';
import { CHECK_WORKER_URL } from '../checker/workerProtocol';
import type { TemplateLibrary } from '../core/model';
import type { JixiaoHost } from '../web/host';
import { LibraryShelf } from '../web/libraryShelf';
import { chooseLibraryStore, type OfficeStorageEnvironment } from '../web/libraryStore';
import { lazyLayoutShelf } from '../web/lazyLayouts';
import { lazyPublicTables } from '../web/lazyPublicTables';
import type { LayoutProfile } from '../core/layouts';
import { App } from './App';
import { lazyHost } from './lazyHost';
import { PaneServicesProvider } from './hostContext';
import { viewFromSearch } from './view';

/** A library file read in the checker's worker (check-worker.js, beside the page): the pane stays responsive. */
async function readLibraryInWorker(data: ArrayBuffer, name: string): Promise<TemplateLibrary> {
  const reply = await runInWorker({ kind: 'library', data, name }, [data], { createWorker: () => new Worker(CHECK_WORKER_URL) });
  return reply.library;
}

export function renderPane(content: React.ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('缺少 #root');
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);
}

export function renderPaneError(error: unknown): void {
  renderPane(
    <MessageBar intent="error">
      <MessageBarBody>{describeError(error)}</MessageBarBody>
    </MessageBar>,
  );
}

/**
 * The pane with its services: the bundled and stored libraries, and the host `loadHost` makes (imported
 * after the first paint: its check engine is the bulk of the pane's code).
 */
export interface HostServices {
  library: TemplateLibrary;
  getLibrary: () => TemplateLibrary;
  getLayouts: () => readonly LayoutProfile[];
  /** Where suggestions are drawn from beyond the library: 公开样表, once the 建议 tab has loaded it. */
  getSuggestLibrary: () => TemplateLibrary | undefined;
}

export async function mountPane(storage: OfficeStorageEnvironment, loadHost: (services: HostServices) => Promise<JixiaoHost>): Promise<void> {
  const store = chooseLibraryStore(storage);
  const shelf = await LibraryShelf.open(bundledLibrary(), store, readLibraryInWorker);
  const library = shelf.library;
  const layouts = lazyLayoutShelf(store);
  const publicTables = lazyPublicTables();
  // The rules see the unit's libraries and taught layouts as the user changes them, without reopening the pane.
  const host = lazyHost(async () => {
    const taught = await layouts();
    return loadHost({ library, getLibrary: () => shelf.library, getLayouts: () => taught.layouts, getSuggestLibrary: () => publicTables.suggestLibrary(shelf.library) });
  });
  // 公开样表 arrive when the 建议 tab first opens; the sheets already checked are re-read for their suggestions.
  const openPublicTables = async (): Promise<void> => {
    if (await publicTables.load()) await host.refreshSuggestions?.();
  };
  const view = viewFromSearch(window.location.search);
  renderPane(
    <PaneServicesProvider services={{ host, library, shelf, layouts, openPublicTables }}>
      <App initialView={view} checkOnOpen={view === 'check'} />
    </PaneServicesProvider>,
  );
}
