/** How the doors say periods, durations and numbers in each language, and the languages there are. */
export * from './format';
export * from './language';
