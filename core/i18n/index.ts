/** How the doors say periods, durations and numbers in each language, and the languages there are. */
export * from './format';
export * from './holiday-names';
export * from './language';
export { inLanguage } from './messages-vi';
