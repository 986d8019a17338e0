// The checker page's settings in localStorage: what is stored comes back; what does not parse falls back.
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/model';
import { SETTINGS_STORAGE_KEY, loadStoredSettings, readStoredSettings, storeSettings } from '../../src/checker/storedSettings';

/** A Map-backed Storage subset, optionally refusing writes as a full or disabled storage does. */
function memoryStorage(refuse = false): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (refuse) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('checker settings storage', () => {
  test('stored settings come back equal', () => {
    const storage = memoryStorage();
    const settings = parseSettings({ framework: '2021', budgetYear: 2023, minSatisfaction: 95 });
    expect(storeSettings(storage, settings)).toBe(true);
    expect(storage.items.has(SETTINGS_STORAGE_KEY)).toBe(true);
    expect(loadStoredSettings(storage)).toEqual(settings);
  });

  test('nothing stored, no storage, broken JSON or out-of-range values: the defaults', () => {
    const storage = memoryStorage();
    expect(loadStoredSettings(storage)).toEqual(DEFAULT_SETTINGS);
    expect(loadStoredSettings(null)).toEqual(DEFAULT_SETTINGS);
    storage.items.set(SETTINGS_STORAGE_KEY, '{not json');
    expect(loadStoredSettings(storage)).toEqual(DEFAULT_SETTINGS);
    storage.items.set(SETTINGS_STORAGE_KEY, JSON.stringify({ budgetYear: 1900 }));
    expect(loadStoredSettings(storage)).toEqual(DEFAULT_SETTINGS);
  });

  test('out-of-range thresholds ({"fundsTolerance":150}) are refused with the field and its range', () => {
    const storage = memoryStorage();
    storage.items.set(SETTINGS_STORAGE_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, fundsTolerance: 150, maxPercent: 5000 }));
    expect(readStoredSettings(storage)).toEqual({
      settings: DEFAULT_SETTINGS,
      problem: '本浏览器保存的检查设置无效，已改用默认设置：资金允许误差（fundsTolerance）应为 0–1 之间的数，而不是 150；百分比上限（maxPercent）应为 1–1000 之间的数，而不是 5000。',
    });
    storage.items.set(SETTINGS_STORAGE_KEY, '{not json');
    expect(readStoredSettings(storage).problem).toBe('本浏览器保存的检查设置已损坏，已改用默认设置。');
    storage.items.set(SETTINGS_STORAGE_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, fundsTolerance: 1 }));
    expect(readStoredSettings(storage)).toEqual({ settings: { ...DEFAULT_SETTINGS, fundsTolerance: 1 }, problem: null });
  });

  test('a storage that refuses writes reports it', () => {
    expect(storeSettings(memoryStorage(true), DEFAULT_SETTINGS)).toBe(false);
    expect(storeSettings(null, DEFAULT_SETTINGS)).toBe(false);
  });
});
