export * from './errors';
export * from './goal-calendars';
export * from './params';
export * from './tally';
export * from './types';
export * from './review';
