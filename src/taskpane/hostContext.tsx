// Components get Excel only through this context: a JixiaoHost (Office.js in Excel, a double in tests).
import * as React from 'react';
import type { JixiaoHost } from '../excel/host';
import type { TemplateLibrary } from '../core/model';

export interface PaneServices {
  host: JixiaoHost;
  library: TemplateLibrary;
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
