export * from './evaluate';
export * from './gaming';
export * from './period';
export * from './schema';
export * from './score';
export * from './weighted';
