import { FUNCTIONS, FUNCTION_NAMES } from '../functions-meta';
import { FUNCTION_SUMMARIES_VI } from '../help-vi';
import { languageOf, translate, type Language, type MessageKey } from '../i18n';
import { htmlFromFile, ui, userLocale } from '../platform';
import { insertSampleSheets } from './sample';

const t = (key: MessageKey, values?: Record<string, string>) => translate(languageOf(userLocale()), key, values);

/** The add-on menu, in Vietnamese for a `vi` locale. The menu's own items stay usable before authorisation. */
export function onOpen(): void {
  ui()
    .createAddonMenu()
    .addItem(t('menuScorecard'), 'showScorecard')
    .addItem(t('menuCalendars'), 'showCalendars')
    .addSeparator()
    .addItem(t('menuSample'), 'insertSampleSheet')
    .addItem(t('menuHelp'), 'showHelp')
    .addToUi();
}

export const onInstall = (): void => onOpen();

export function showScorecard(): void {
  ui().showSidebar(htmlFromFile('Sidebar').setTitle(t('scorecardTitle')));
}

export function showCalendars(): void {
  ui().showSidebar(htmlFromFile('Calendars').setTitle(t('calendarsTitle')));
}

export function insertSampleSheet(): void {
  const names = insertSampleSheets();
  ui().alert(t('menuSample'), t('sampleInserted', names), ui().ButtonSet.OK);
}

/**
 * The signatures from the metadata table, so the help lists exactly what the add-on provides, each summary in the
 * user's language (names and argument names are what a formula types, so they stay).
 */
function helpText(language: Language): string {
  const lines = FUNCTION_NAMES.map((name) => {
    const { params, summary } = FUNCTIONS[name];
    const args = params.map((p) => ('optional' in p && p.optional ? `[${p.name}]` : p.name)).join(', ');
    return `${name}(${args}): ${language === 'vi' ? FUNCTION_SUMMARIES_VI[name] : summary}`;
  });
  return [translate(language, 'helpIntro'), '', ...lines].join('\n');
}

export function showHelp(): void {
  ui().alert(t('helpTitle'), helpText(languageOf(userLocale())), ui().ButtonSet.OK);
}
