// Task pane bootstrap: the only place that asks Office whether we run inside Excel.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { bundledLibrary } from '../web/library';
import { describeError } from '../web/errors';
import { App } from './App';
import { lazyHost } from './lazyHost';
import { OutsideOffice } from './OutsideOffice';
import { PaneServicesProvider } from './hostContext';
import { viewFromSearch } from './view';

const CHECKER_HREF = 'index.html';

function render(content: React.ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('缺少 #root');
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);
}

async function start(): Promise<void> {
  // office.js failed to load (offline, blocked CDN) or the page is opened outside Office.
  const info = typeof Office === 'undefined' ? null : await Office.onReady();
  if (!info || info.host !== Office.HostType.Excel) {
    render(<OutsideOffice checkerHref={CHECKER_HREF} />);
    return;
  }
  const library = bundledLibrary();
  const host = lazyHost(async () => (await import('../excel/excelHost')).createExcelHost({ library }));
  const view = viewFromSearch(window.location.search);
  render(
    <PaneServicesProvider services={{ host, library }}>
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
