// The WPS task pane (taskpane.html in dist/wps/jixiao_<version>/): the same React pane as in Excel, over
// the WPS host. WPS gives the pane page `window.Application` itself (no office.js, no messaging).
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { browserStorage } from '../checker/storedSettings';
import { mountPane, renderPane, renderPaneError } from '../taskpane/mount';

async function start(): Promise<void> {
  if (!(window as { Application?: unknown }).Application) {
    renderPane(
      <main>
        <h1>绩效目标表助手</h1>
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>请在 WPS 表格中打开</MessageBarTitle>
            这是 WPS 表格加载项的任务窗格，需要在 WPS 表格中通过“绩效目标表”选项卡打开。
          </MessageBarBody>
        </MessageBar>
      </main>,
    );
    return;
  }
  // The unit's libraries in localStorage: WPS has no OfficeRuntime.storage and no partition key.
  await mountPane({ runtimeStorage: null, sharedRuntime: false, localStorage: browserStorage() }, async (services) =>
    (await import('./wpsHost')).createWpsHost(services),
  );
}

start().catch(renderPaneError);
