/** The languages the API answers in: Dutch (the users' language, and the default), then English. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Express's request as far as the language goes (its `acceptsLanguages` negotiates Accept-Language). */
export interface LanguageSource {
  acceptsLanguages?(...languages: string[]): string | false;
}

/**
 * The language of the answer, by Accept-Language: `nl-BE` and `nl` are Dutch, `en-GB` English;
 * no header, or only languages we do not speak, is Dutch.
 */
export function languageOf(req: LanguageSource | undefined): Language {
  const chosen = req?.acceptsLanguages?.(...LANGUAGES);
  return chosen === 'en' ? 'en' : 'nl';
}

/** One text in every language the API answers in. */
export type Localized = Record<Language, string>;
