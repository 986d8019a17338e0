export { parseRowValue, parseValue, parseValueDetailed, type ParseValueOptions, type ParsedValueDetail, type UnitSource } from './parse';
export { normaliseText, compactText, narrowWidth } from './text';
export { convertMoney, isMoneyUnit, MONEY_UNIT_FACTORS, yearlyMoneyUnit } from './money';
export { isLowerBound, isUpperBound, isStrict, takeLeadingOperator, takeTrailingOperator, type OperatorMatch } from './operators';
export { classifyUnit, unitFromName, type UnitClass } from './units';
export { inNextYear, parseDeadline, type Deadline } from './deadline';
export { compareTargets, formatValue, type TargetComparison } from './compare';
export { percentMeaning, vagueTarget, isInputName, type PercentMeaning } from './meaning';
