// The dimension trees, as data: one entry per framework. Aliases are listed without the trailing 指标; matching ignores it.
import type { FrameworkName } from './names';
import type { Framework } from './types';

const SATISFACTION: Framework['level1'][number] = {
  name: '满意度指标',
  aliases: [],
  required: true,
  role: 'satisfaction',
  minLevel2: 1,
  level2: [
    { name: '服务对象满意度指标', aliases: ['社会公众或服务对象满意度', '社会公众满意度'], required: true },
  ],
};

/** 效果指标: the 效益 一级 as 绩效评价 forms name it (河北's 目标表 and 自评表, S45–S46). */
const BENEFIT_ALIASES = ['效果指标'];

const BENEFIT_LEVEL2 = [
  { name: '经济效益指标', aliases: [], required: false },
  { name: '社会效益指标', aliases: [], required: false },
  { name: '生态效益指标', aliases: ['环境效益', '生态环境效益'], required: false },
  { name: '可持续影响指标', aliases: ['可持续发展影响', '可持续影响力'], required: false },
];

/** 产出指标's 二级 in both frameworks (the seed style adds 成本指标 after them). */
const OUTPUT_LEVEL2: Framework['level1'][number]['level2'] = [
  { name: '数量指标', aliases: [], required: true, role: 'quantity' },
  { name: '质量指标', aliases: [], required: true, role: 'quality' },
  { name: '时效指标', aliases: ['进度'], required: true, role: 'timeliness' },
];

/** The older national framework the seed uses: 成本指标 is a 二级 under 产出指标. */
export const SEED_FRAMEWORK_DATA: Framework = {
  name: 'seed',
  label: '旧版框架（成本指标在产出指标下）',
  blankName: '空白标准表（旧版框架）',
  marks: [],
  level1: [
    {
      name: '产出指标',
      aliases: [],
      required: true,
      minLevel2: 1,
      level2: [...OUTPUT_LEVEL2, { name: '成本指标', aliases: [], required: true, role: 'cost' }],
    },
    { name: '效益指标', aliases: BENEFIT_ALIASES, required: true, role: 'benefit', minLevel2: 1, level2: BENEFIT_LEVEL2 },
    SATISFACTION,
  ],
};

/** 财预〔2021〕101号: 成本指标 becomes a 一级 with 经济/社会/生态环境成本; 可持续影响 stays optional. */
export const FRAMEWORK_2021_DATA: Framework = {
  name: '2021',
  label: '财预〔2021〕101号框架（成本指标为一级指标）',
  blankName: '空白标准表（财预〔2021〕101号）',
  marks: [{ level1: '成本指标' }],
  level1: [
    { name: '产出指标', aliases: [], required: true, minLevel2: 1, level2: OUTPUT_LEVEL2 },
    {
      name: '成本指标',
      aliases: [],
      required: true,
      role: 'cost',
      minLevel2: 1,
      level2: [
        { name: '经济成本指标', aliases: [], required: false },
        { name: '社会成本指标', aliases: [], required: false, noneAllowed: true },
        { name: '生态环境成本指标', aliases: ['环境成本', '生态成本'], required: false, noneAllowed: true },
      ],
    },
    { name: '效益指标', aliases: BENEFIT_ALIASES, required: true, role: 'benefit', minLevel2: 1, level2: BENEFIT_LEVEL2 },
    SATISFACTION,
  ],
};

/**
 * The older national form still printed by several provinces: 满意度 is a 二级 under 效益指标
 * (社会公众或服务对象满意度指标), and 成本 under 产出 may be absent.
 */
export const FRAMEWORK_OLDER_DATA: Framework = {
  name: 'older',
  label: '早期框架（满意度为效益指标下的二级指标）',
  blankName: '空白标准表（满意度在效益指标下）',
  marks: [{ level1: '效益指标', level2: '社会公众或服务对象满意度指标' }],
  level1: [
    {
      name: '产出指标',
      aliases: [],
      required: true,
      minLevel2: 1,
      level2: [...OUTPUT_LEVEL2, { name: '成本指标', aliases: [], required: false, role: 'cost' }],
    },
    {
      name: '效益指标',
      aliases: BENEFIT_ALIASES,
      required: true,
      role: 'benefit',
      minLevel2: 1,
      level2: [
        ...BENEFIT_LEVEL2,
        { name: '社会公众或服务对象满意度指标', aliases: ['服务对象满意度', '社会公众满意度', '满意度'], required: true, role: 'satisfaction' },
      ],
    },
  ],
};

/** The registry: every framework, in the order users know them (FRAMEWORK_NAMES). */
export const FRAMEWORK_DATA: Readonly<Record<FrameworkName, Framework>> = {
  seed: SEED_FRAMEWORK_DATA,
  '2021': FRAMEWORK_2021_DATA,
  older: FRAMEWORK_OLDER_DATA,
};
