import type { Localized } from '../types';

/** A reference text in the interface language (Dutch unless English is chosen). */
export const localized = (text: Localized, language: string) => (language.startsWith('en') ? text.en : text.nl);
