// The checker page keeps its check settings in this browser's localStorage: nothing leaves the machine.
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../core/model';

export const SETTINGS_STORAGE_KEY = 'jixiao.checker.settings';

/** The stored settings, or the defaults when none are stored or what is stored no longer parses. */
export function loadStoredSettings(storage: Pick<Storage, 'getItem'> | null): Settings {
  try {
    const text = storage?.getItem(SETTINGS_STORAGE_KEY);
    return text ? parseSettings(JSON.parse(text)) : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** False when the browser refuses (storage disabled or full); the settings still apply to this visit. */
export function storeSettings(storage: Pick<Storage, 'setItem'> | null, settings: Settings): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
    return true;
  } catch {
    return false;
  }
}

/** window.localStorage, or null where reading it throws (some privacy modes, sandboxed frames). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
