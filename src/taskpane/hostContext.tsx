// Components get Excel only through this context: a JixiaoHost (Office.js in Excel, a double in tests).
import * as React from 'react';
import type { JixiaoHost } from '../web/host';
import type { TemplateLibrary } from '../core/model';
import type { LibraryShelf } from '../web/libraryShelf';
import type { LayoutShelf } from '../web/layoutShelf';

export interface PaneServices {
  host: JixiaoHost;
  /** The library when the pane opened (the bundled seed and the unit's stored libraries). */
  library: TemplateLibrary;
  /** The unit's own libraries (设置 › 模板库); absent where none can be kept. */
  shelf?: LibraryShelf;
  /** The unit's taught layouts (指定表格布局), opened on first use; absent where none can be kept. */
  layouts?: () => Promise<LayoutShelf>;
  /** Loads 公开样表 for suggestions (the 建议 tab calls it when opened); absent: suggestions from the library alone. */
  openPublicTables?: () => Promise<void>;
}

const PaneContext = React.createContext<PaneServices | null>(null);

export function PaneServicesProvider({ services, children }: { services: PaneServices; children: React.ReactNode }): React.JSX.Element {
  return <PaneContext.Provider value={services}>{children}</PaneContext.Provider>;
}

export function usePaneServices(): PaneServices {
  const services = React.useContext(PaneContext);
  if (!services) throw new Error('PaneServicesProvider 缺失');
  return services;
}

const noShelf = (): (() => void) => () => undefined;

/** The library as it is now: re-renders when the user adds or removes one of the unit's libraries. */
export function usePaneLibrary(): TemplateLibrary {
  const { library, shelf } = usePaneServices();
  return React.useSyncExternalStore(shelf?.subscribe ?? noShelf, () => shelf?.library ?? library);
}
