/** The languages every door renders: English, and Vietnamese for the back offices the product was written for. */
export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];
