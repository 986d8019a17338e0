// Bundled as wps-double.js for the browser tests and run in the page before the WPS pane (addInitScript),
// as WPS gives a pane `window.Application`. A test may set window.__etDoubleOptions first.
import { installEtDouble, type EtDouble, type EtDoubleOptions } from '../../support/wps/etDouble';

declare global {
  interface Window {
    __etDoubleOptions?: EtDoubleOptions;
    __etDouble?: EtDouble;
  }
}

window.__etDouble = installEtDouble(window, window.__etDoubleOptions ?? {});
