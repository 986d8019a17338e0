// Browser checker page (index.html). Loads no office.js: it works in any browser, offline.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CheckerApp } from './CheckerApp';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <CheckerApp />
    </FluentProvider>,
  );
}
