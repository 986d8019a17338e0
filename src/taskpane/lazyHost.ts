// The Excel host loaded after the first paint: its check engine (reader, rules, marks) and sheet
// layout are the bulk of the pane's own code, and the 模板 tab draws without them. The import starts at
// once, so the live check and an early click only wait for what is still in flight.
import { HOST_METHODS } from '../web/host';
import type { HostMethod, JixiaoHost } from '../web/host';

/**
 * A JixiaoHost whose every call waits for `load` (started now); a failed load rejects each call. Every
 * method of the interface is forwarded (HOST_METHODS, checked against it by the type system); an optional
 * one the loaded host lacks rejects with a Chinese message.
 */
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
  return Object.fromEntries(HOST_METHODS.map((name) => [name, forward(name)])) as unknown as JixiaoHost;
}
