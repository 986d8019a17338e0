// Required dimensions are a setting: a province may make only some dimensions mandatory.
import { checkSheet } from '../../src/core/check';
import { FRAMEWORKS, frameworkFor } from '../../src/core/frameworks';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/model';
import { seedTable } from '../support/seed';
import { sheetFromTable } from '../support/sheetTable';

/** Seed table 2 without the rows of the given 一级 or 二级. */
function without(dimension: string) {
  const table = seedTable(2);
  table.indicators = table.indicators.filter((row) => row.level1 !== dimension && row.level2 !== dimension);
  return sheetFromTable(table);
}

const missing = (sheet: ReturnType<typeof without>, settings = DEFAULT_SETTINGS) =>
  checkSheet(sheet, { settings }).filter((issue) => issue.code === 'missing-dimension').map((issue) => issue.message);

describe('requiredDimensions setting', () => {
  const onlyQuantityAndCost = parseSettings({ requiredDimensions: { seed: ['数量指标', '成本'] } });

  it('leaves the bundled framework as it is when not set', () => {
    expect(frameworkFor('seed', DEFAULT_SETTINGS)).toBe(FRAMEWORKS.seed);
    expect(frameworkFor('2021', onlyQuantityAndCost)).toBe(FRAMEWORKS['2021']);
  });

  it('replaces the required flags of that framework, names matched like dimension names', () => {
    const framework = frameworkFor('seed', onlyQuantityAndCost);
    expect(frameworkFor('seed', parseSettings({ requiredDimensions: { seed: ['数量指标', '成本'] } }))).toBe(framework);
    const required = framework.level1.flatMap((l1) => [l1, ...l1.level2]).filter((d) => d.required).map((d) => d.name);
    expect(required).toEqual(['产出指标', '数量指标', '成本指标']);
  });

  it('a dimension no longer required is no longer reported missing; a required one still is', () => {
    const noSatisfaction = without('满意度指标');
    expect(missing(noSatisfaction)).toEqual([expect.stringContaining('满意度指标')]);
    expect(missing(noSatisfaction, onlyQuantityAndCost)).toEqual([]);

    const noCost = without('成本指标');
    expect(missing(noCost, onlyQuantityAndCost)).toEqual([expect.stringContaining('成本指标')]);
  });

  it('rejects names the framework does not have, naming them', () => {
    expect(() => parseSettings({ requiredDimensions: { seed: ['数量指标', '经济成本指标'] } })).toThrow(/经济成本指标/);
    expect(() => parseSettings({ requiredDimensions: { '2021': ['经济成本指标', '社会成本'] } })).not.toThrow();
  });
});
