// The two indicator frameworks: their trees, name matching with aliases, detection, the dimension
// predicates the rules use, and the schema that guards an adjusted framework.
import {
  canonicalLevel1,
  canonicalLevel2,
  detectFramework,
  dimensionKey,
  dimensionRole,
  findLevel2,
  findLevel2Anywhere,
  FRAMEWORKS,
  getFramework,
  isCostDimension,
  isQuantitativeDimension,
  isSatisfactionDimension,
  isTimelinessDimension,
  loadFramework,
  resolveFramework,
  rowDimensionRole,
  type Framework,
} from '../../src/core/frameworks';
import { loadSeedLibrary } from '../support/seed';

const seed = FRAMEWORKS.seed;
const f2021 = FRAMEWORKS['2021'];

/** `一级: 二级…` with required ones starred, for comparing a tree at a glance. */
function outline(framework: Framework): string[] {
  return framework.level1.map(
    (l1) => `${l1.name}${l1.required ? '*' : ''}≥${l1.minLevel2}: ${l1.level2.map((l2) => `${l2.name}${l2.required ? '*' : ''}`).join(' ')}`,
  );
}

describe('framework trees', () => {
  it('seed style: 成本指标 under 产出指标', () => {
    expect(outline(seed)).toEqual([
      '产出指标*≥1: 数量指标* 质量指标* 时效指标* 成本指标*',
      '效益指标*≥1: 经济效益指标 社会效益指标 生态效益指标 可持续影响指标',
      '满意度指标*≥1: 服务对象满意度指标*',
    ]);
  });

  it('财预〔2021〕101号 style: 成本指标 as a 一级', () => {
    expect(outline(f2021)).toEqual([
      '产出指标*≥1: 数量指标* 质量指标* 时效指标*',
      '成本指标*≥1: 经济成本指标 社会成本指标 生态环境成本指标',
      '效益指标*≥1: 经济效益指标 社会效益指标 生态效益指标 可持续影响指标',
      '满意度指标*≥1: 服务对象满意度指标*',
    ]);
  });

  it('getFramework and resolveFramework pick the tree by name or by detection', () => {
    expect(getFramework('seed')).toBe(seed);
    expect(getFramework('2021')).toBe(f2021);
    expect(resolveFramework('auto', ['产出指标', '成本指标'])).toBe(f2021);
    expect(resolveFramework('auto', ['产出指标', '效益指标'])).toBe(seed);
    expect(resolveFramework('seed', ['成本指标'])).toBe(seed);
  });
});

describe('name matching', () => {
  it.each([
    ['产出指标', '产出指标'],
    ['产出', '产出指标'],
    [' 产出指标 ', '产出指标'],
    ['产出　指标', '产出指标'],
    ['一、产出指标', '产出指标'],
    ['满意度', '满意度指标'],
    ['成本指标', null],
    ['投入指标', null],
    ['', null],
  ] as const)('seed 一级 %s → %s', (name, expected) => {
    expect(canonicalLevel1(seed, name)).toBe(expected);
  });

  it.each([
    ['效益指标', '环境效益指标', '生态效益指标'],
    ['效益指标', '环境效益', '生态效益指标'],
    ['效益指标', '社会效益', '社会效益指标'],
    ['满意度指标', '社会公众或服务对象满意度指标', '服务对象满意度指标'],
    ['满意度指标', '服务对象满意度', '服务对象满意度指标'],
    ['产出指标', '数量', '数量指标'],
    ['产出指标', '成本指标', '成本指标'],
    ['产出', '时效指标 ', '时效指标'],
    ['效益指标', '数量指标', null],
    ['投入指标', '数量指标', null],
  ] as const)('seed 二级 %s / %s → %s', (level1, name, expected) => {
    expect(canonicalLevel2(seed, level1, name)).toBe(expected);
  });

  it('2021: 成本 二级 belong to the 成本 一级, not to 产出', () => {
    expect(canonicalLevel2(f2021, '成本指标', '经济成本')).toBe('经济成本指标');
    expect(canonicalLevel2(f2021, '成本指标', '环境成本指标')).toBe('生态环境成本指标');
    expect(canonicalLevel2(f2021, '产出指标', '成本指标')).toBeNull();
  });

  it('findLevel2Anywhere names the 一级 a misplaced 二级 belongs to', () => {
    expect(findLevel2Anywhere(seed, '数量指标')).toBe('产出指标');
    expect(findLevel2Anywhere(seed, '环境效益指标')).toBe('效益指标');
    expect(findLevel2Anywhere(f2021, '经济成本指标')).toBe('成本指标');
    expect(findLevel2Anywhere(seed, '经济成本指标')).toBeNull();
    expect(findLevel2Anywhere(f2021, '成本指标')).toBeNull();
  });

  it('dimensionKey drops spaces, numbering and the trailing 指标', () => {
    expect(dimensionKey('（一）数量 指标')).toBe('数量');
    expect(dimensionKey('1.质量指标')).toBe('质量');
    expect(dimensionKey('　时效指标　')).toBe('时效');
  });
});

describe('detectFramework', () => {
  it('every seed table reads as the seed style, and all its dimensions are known and well placed', () => {
    const library = loadSeedLibrary();
    expect(library.tables).toHaveLength(16);
    for (const table of library.tables) {
      const level1Names = table.indicators.map((row) => row.level1);
      expect(detectFramework(level1Names)).toBe('seed');
      for (const row of table.indicators) {
        const level1 = canonicalLevel1(seed, row.level1);
        expect(level1).not.toBeNull();
        expect(canonicalLevel2(seed, level1 ?? '', row.level2)).not.toBeNull();
      }
    }
  });

  it('成本指标 as a 一级, however written, means 2021', () => {
    expect(detectFramework(['产出指标', '成本指标', '效益指标', '满意度指标'])).toBe('2021');
    expect(detectFramework(['产出指标', ' 成本 '])).toBe('2021');
    expect(detectFramework(['产出指标', '效益指标'])).toBe('seed');
    expect(detectFramework([])).toBe('seed');
  });
});

describe('dimension predicates', () => {
  it('cost: seed 产出/成本; 2021 any 二级 of 成本', () => {
    expect(isCostDimension(seed, '产出指标', '成本指标')).toBe(true);
    expect(isCostDimension(seed, '产出指标', '数量指标')).toBe(false);
    expect(isCostDimension(seed, '效益指标', '成本指标')).toBe(false);
    expect(isCostDimension(f2021, '成本指标', '经济成本指标')).toBe(true);
    expect(isCostDimension(f2021, '成本', '社会成本')).toBe(true);
    expect(isCostDimension(f2021, '产出指标', '成本指标')).toBe(false);
  });

  it('时效, 满意度 and quantitative', () => {
    expect(isTimelinessDimension(seed, '产出指标', '时效指标')).toBe(true);
    expect(isTimelinessDimension(f2021, '产出', '时效')).toBe(true);
    expect(isTimelinessDimension(seed, '产出指标', '质量指标')).toBe(false);
    expect(isSatisfactionDimension(seed, '满意度指标', '服务对象满意度指标')).toBe(true);
    expect(isSatisfactionDimension(seed, '效益指标', '社会效益指标')).toBe(false);
    for (const level2 of ['数量指标', '质量指标', '时效指标', '成本指标']) expect(isQuantitativeDimension(seed, '产出指标', level2)).toBe(true);
    expect(isQuantitativeDimension(f2021, '成本指标', '经济成本指标')).toBe(true);
    expect(isQuantitativeDimension(seed, '效益指标', '社会效益指标')).toBe(false);
    expect(isQuantitativeDimension(seed, '未知', '数量指标')).toBe(false);
  });
});

describe('rowDimensionRole', () => {
  it('a 二级 under the wrong 一级 keeps its real home’s role; a known pair has dimensionRole’s role', () => {
    expect(dimensionRole(seed, '效益指标', '成本指标')).not.toBe('cost');
    expect(rowDimensionRole(seed, { level1: '效益指标', level2: '成本指标' })).toBe('cost');
    expect(rowDimensionRole(seed, { level1: '满意度', level2: ' 时效 ' })).toBe('timeliness');
    expect(rowDimensionRole(f2021, { level1: '成本指标', level2: '经济成本指标' })).toBe('cost');
    expect(rowDimensionRole(seed, { level1: '效益指标', level2: '社会效益指标' })).toBe(dimensionRole(seed, '效益指标', '社会效益指标'));
    expect(rowDimensionRole(seed, { level1: '未知', level2: '也未知' })).toBeNull();
  });
});

describe('loadFramework', () => {
  it('an adjusted framework answers to its own aliases, the bundled one still does not', () => {
    expect(findLevel2(seed, '效益指标', '公众效益')).toBeNull();
    const adjusted = structuredClone(seed);
    adjusted.level1[1].level2[1].aliases.push('公众效益指标');
    const loaded = loadFramework(adjusted);
    expect(findLevel2(loaded, '效益指标', '公众效益')?.name).toBe(loaded.level1[1].level2[1].name);
    expect(findLevel2Anywhere(loaded, '公众效益')).toBe('效益指标');
    expect(findLevel2(seed, '效益指标', '公众效益')).toBeNull();
    expect(findLevel2Anywhere(seed, '公众效益')).toBeNull();
  });

  it('accepts the bundled trees and an adjusted copy', () => {
    expect(loadFramework(structuredClone(seed))).toEqual(seed);
    const adjusted = structuredClone(f2021);
    adjusted.level1[1].level2[0].required = true;
    expect(loadFramework(adjusted).level1[1].level2[0].required).toBe(true);
  });

  it('rejects an alias that makes two dimensions answer to one name', () => {
    const broken = structuredClone(seed);
    broken.level1[1].level2[0].aliases.push('社会效益');
    expect(() => loadFramework(broken)).toThrow(/二级指标名称重复：社会效益/);
  });

  it('rejects an unreachable minimum and a malformed tree', () => {
    const broken = structuredClone(seed);
    broken.level1[2].minLevel2 = 2;
    expect(() => loadFramework(broken)).toThrow(/超过/);
    expect(() => loadFramework({ name: 'seed', label: '', level1: [] })).toThrow();
  });
});
