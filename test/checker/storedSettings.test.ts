// The checker page's settings in localStorage: what is stored comes back; what does not parse falls back.
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/model';
import { SETTINGS_STORAGE_KEY, loadStoredSettings, storeSettings } from '../../src/checker/storedSettings';

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

  test('a storage that refuses writes reports it', () => {
    expect(storeSettings(memoryStorage(true), DEFAULT_SETTINGS)).toBe(false);
    expect(storeSettings(null, DEFAULT_SETTINGS)).toBe(false);
  });
});
