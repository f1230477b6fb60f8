export * from './evaluate';
export * from './gaming';
export * from './kpi-score';
export * from './methods';
export * from './period';
export * from './schema';
export * from './score';
export * from './weighted';
