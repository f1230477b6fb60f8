export * from './bands';
export * from './binary';
export * from './direction';
export * from './goal-red-flag';
export * from './payout';
export * from './performance';
export * from './progress';
export * from './stabilize';
