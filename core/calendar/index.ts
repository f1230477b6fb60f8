export * from './compile';
export * from './days';
export * from './errors';
export * from './holidays';
export * from './spec';
export * from './types';
export * from './zone';
