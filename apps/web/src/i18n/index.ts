import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nlCore from './locales/nl/core.json';
import nlCases from './locales/nl/cases.json';
import nlWork from './locales/nl/work.json';
import nlAudit from './locales/nl/audit.json';
import nlAdmin from './locales/nl/admin.json';
import nlActions from './locales/nl/actions.json';
import nlPeople from './locales/nl/people.json';
import nlCalls from './locales/nl/calls.json';
import nlEuropean from './locales/nl/european.json';
import nlPortfolio from './locales/nl/portfolio.json';
import enCore from './locales/en/core.json';
import enCases from './locales/en/cases.json';
import enWork from './locales/en/work.json';
import enAudit from './locales/en/audit.json';
import enAdmin from './locales/en/admin.json';
import enActions from './locales/en/actions.json';
import enPeople from './locales/en/people.json';
import enCalls from './locales/en/calls.json';
import enEuropean from './locales/en/european.json';
import enPortfolio from './locales/en/portfolio.json';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One file per area and language (core, cases, work = council and approvals, audit, admin, people = users and handovers), each
 * with its own top-level keys; a test fails when a key exists in one language and not the other.
 */
export const resources = {
  nl: { translation: { ...nlCore, ...nlCases, ...nlWork, ...nlAudit, ...nlAdmin, ...nlActions, ...nlPeople, ...nlCalls, ...nlEuropean, ...nlPortfolio } },
  en: { translation: { ...enCore, ...enCases, ...enWork, ...enAudit, ...enAdmin, ...enActions, ...enPeople, ...enCalls, ...enEuropean, ...enPortfolio } },
};

/** Dutch first; English by the switch in the header (remembered in this browser). */
void i18n.use(initReactI18next).init({
  resources,
  lng: (localStorage.getItem('language') as Language | null) ?? 'nl',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language === 'en' ? 'en' : 'nl-BE';

export function setLanguage(language: Language): void {
  localStorage.setItem('language', language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language === 'nl' ? 'nl-BE' : 'en';
}

export default i18n;
