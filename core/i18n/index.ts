/** How the doors say periods, durations and numbers in each language, and the languages there are. */
export * from './format';
export * from './holiday-names';
export * from './language';
export { CLI_PHRASE_BOOK } from './cli-messages-vi';
export { FORGE_PHRASE_BOOK } from './forge-messages-vi';
export { inLanguage } from './messages-vi';
export { errorInLanguage, saidInLanguage } from './error-language';
export { type CoreMessage, said } from './error-catalogue';
