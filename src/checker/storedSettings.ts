// The checker page keeps its check settings in this browser's localStorage: nothing leaves the machine.
import { DEFAULT_SETTINGS, SettingsSchema, settingsErrorText, type Settings } from '../core/model';

export const SETTINGS_STORAGE_KEY = 'jixiao.checker.settings';

/**
 * The stored settings, or the defaults when none are stored or what is stored does not parse — then with
 * the reason, in Chinese, naming the field and its range (`资金允许误差（fundsTolerance）应为 0–1 之间的数，而不是 150`).
 */
export function readStoredSettings(storage: Pick<Storage, 'getItem'> | null): { settings: Settings; problem: string | null } {
  let text: string | null | undefined;
  try {
    text = storage?.getItem(SETTINGS_STORAGE_KEY);
  } catch {
    return { settings: DEFAULT_SETTINGS, problem: null };
  }
  if (!text) return { settings: DEFAULT_SETTINGS, problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { settings: DEFAULT_SETTINGS, problem: '本浏览器保存的检查设置已损坏，已改用默认设置。' };
  }
  const parsed = SettingsSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return { settings: parsed.data, problem: null };
  return { settings: DEFAULT_SETTINGS, problem: `本浏览器保存的检查设置无效，已改用默认设置：${settingsErrorText(parsed.error)}。` };
}

/** The stored settings, or the defaults when none are stored or what is stored no longer parses. */
export function loadStoredSettings(storage: Pick<Storage, 'getItem'> | null): Settings {
  return readStoredSettings(storage).settings;
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
