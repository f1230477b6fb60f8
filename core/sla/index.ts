export * from './clock';
export * from './compliance';
export * from './errors';
export * from './policy';
export * from './target';
export * from './ticket';
