export * from './sentinel';
export * from './diff';
export * from './liveCheck';
