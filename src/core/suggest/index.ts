// Indicator suggestions for a project that is not in the library (a blank form once 项目名称 and 绩效目标
// are typed), and for a goal clause no indicator measures.
export { suggestIndicators, suggestForClause, PUBLIC_LIBRARY_NAME, DEFAULT_MIN_SCORE, DEFAULT_PER_CLAUSE, DEFAULT_PER_DIMENSION } from './rank';
export type { ProjectText, SuggestOptions } from './rank';
export { placeRow, placementsOf } from './place';
export type { Placement } from './place';
export { MAX_ROWS_FOR_SUGGESTIONS, sheetSuggestions, wantsProjectSuggestions } from './sheet';
export { nothingCloseText } from './nothingClose';
export { suggestionFix } from './insert';
