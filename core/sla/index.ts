export * from './clock';
export * from './compliance';
export * from './conditions';
export * from './errors';
export * from './policy';
export * from './target';
export * from './templates';
export * from './ticket';
