import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/model';
import {
  SETTINGS_CHUNK_LENGTH,
  SETTINGS_COUNT_PROPERTY,
  decodeSettingsProperties,
  encodeSettingsProperties,
  isSettingsProperty,
  settingsChunkProperty,
} from '../../src/core/model/settingsProperties';

const store = (pairs: Array<[string, string]>) => {
  const map = new Map(pairs);
  return (name: string) => map.get(name);
};

describe('settings as custom document properties', () => {
  it('round-trips settings in chunks of at most 255 characters', () => {
    // A unit's required dimensions make the JSON longer than one property holds.
    const settings = parseSettings({ budgetYear: 2025, framework: '2021', requiredDimensions: { seed: ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标'], older: ['数量指标', '质量指标'] } });
    const pairs = encodeSettingsProperties(settings);
    expect(pairs[0][0]).toBe(SETTINGS_COUNT_PROPERTY);
    expect(pairs.slice(1).every(([, value]) => value.length <= SETTINGS_CHUNK_LENGTH)).toBe(true);
    expect(Number(pairs[0][1])).toBe(pairs.length - 1);
    expect(JSON.stringify(settings).length).toBeGreaterThan(SETTINGS_CHUNK_LENGTH);
    expect(decodeSettingsProperties(store(pairs))).toEqual({ kind: 'ok', settings });
    expect(pairs.every(([name]) => isSettingsProperty(name))).toBe(true);
  });

  it('tells absent from damaged', () => {
    expect(decodeSettingsProperties(() => undefined)).toEqual({ kind: 'absent' });
    const pairs = encodeSettingsProperties({ ...DEFAULT_SETTINGS, disabledRules: ['funds-mismatch', 'bad-value'], requiredDimensions: { seed: ['数量指标', '质量指标', '时效指标', '成本指标'] } }).filter(([name]) => name !== settingsChunkProperty(1));
    expect(decodeSettingsProperties(store(pairs))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('缺少第 2 块') });
    expect(decodeSettingsProperties(store([[SETTINGS_COUNT_PROPERTY, '1e9']]))).toMatchObject({ kind: 'invalid' });
    expect(decodeSettingsProperties(store([[SETTINGS_COUNT_PROPERTY, '1'], [settingsChunkProperty(0), '{"budgetYear":"x"}']]))).toMatchObject({ kind: 'invalid' });
    expect(isSettingsProperty('jixiao.settings')).toBe(false);
  });
});
