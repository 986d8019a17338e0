// The Excel host loaded after the first paint: its check engine (reader, rules, marks) and sheet
// layout are the bulk of the pane's own code, and the 模板 tab draws without them. The import starts at
// once, so the live check and an early click only wait for what is still in flight.
import type { JixiaoHost } from '../web/host';

type HostMethod = keyof JixiaoHost;

/**
 * Every method of JixiaoHost, as a record so that TypeScript refuses this file when a method is added to
 * the interface and not here (a key missing from a `Record<HostMethod, true>` is a compile error).
 * Optional methods (what some hosts lack) are forwarded only when the loaded host has them.
 */
const HOST_METHODS: Record<HostMethod, true> = {
  insertTables: true,
  insertBlank: true,
  checkAll: true,
  startLiveCheck: true,
  selectCell: true,
  clearMarks: true,
  activeSheetName: true,
  applyFixes: true,
  loadSettings: true,
  saveSettings: true,
  capabilities: true,
  selfTest: true,
  readSheetGrid: true,
  selectedCell: true,
  refreshSuggestions: true,
};

/** A JixiaoHost whose every call waits for `load` (started now); a failed load rejects each call. */
export function lazyHost(load: () => Promise<JixiaoHost>): JixiaoHost {
  const loaded = load();
  // A failure is reported by the calls that need the host, not as an unhandled rejection.
  loaded.catch(() => undefined);
  const forward = (name: HostMethod) =>
    async (...args: unknown[]): Promise<unknown> => {
      const host = await loaded;
      const method = host[name] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (!method) throw new Error('此版本的宿主不支持该功能。');
      return method.apply(host, args);
    };
  return Object.fromEntries(Object.keys(HOST_METHODS).map((name) => [name, forward(name as HostMethod)])) as unknown as JixiaoHost;
}
