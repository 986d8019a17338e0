export * from './value';
export * from './table';
export * from './issue';
export * from './settings';
export * from './settingsIssues';
export * from './fix';
export * from './suggestion';
export * from './settingsProperties';
