import { HOLIDAY_COUNTRIES } from '../../../core/calendar';

/** Every IANA zone the browser knows (the core accepts the same names). */
export const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export type Option = { label: string; value: string };

/**
 * The holiday tables' countries and regions as choices, each country by its name in the viewer's language (the tables
 * hold no names; Intl.DisplayNames gives them) and its code, a region as its country's name and the region's code.
 */
export function holidayCountryOptions(locale: string | undefined): Option[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([(locale ?? 'en').replace('_', '-'), 'en'], { type: 'region' });
  } catch {
    names = null; // no display names here: codes alone still identify each choice
  }
  const nameOf = (code: string) => names?.of(code) ?? code;
  return HOLIDAY_COUNTRIES.flatMap(({ code, regions }) => [
    { label: `${nameOf(code)} (${code})`, value: code },
    ...regions.map((region) => ({ label: `${nameOf(code)}: ${region} (${code}-${region})`, value: `${code}-${region}` })),
  ]);
}
