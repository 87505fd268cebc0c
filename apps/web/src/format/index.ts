// Dates and amounts in Belgian formats, whatever the interface language: 27/11/2026, € 1.250.000,00.
const LOCALE = 'nl-BE';
const TIME_ZONE = 'Europe/Brussels';

const date = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const dateTime = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const euro = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });

export const formatDate = (iso: string | null | undefined): string => (iso ? date.format(new Date(iso)) : '—');
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');
/** Amounts are integer cents in the API; shown as euros. */
export const formatCents = (cents: number | null | undefined): string => (cents == null ? '—' : euro.format(cents / 100));

/** Whole days from now until `iso` (negative when past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.ceil((new Date(iso).getTime() - now) / 86_400_000);
}

const inWords = {
  nl: new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }),
  en: new Intl.DateTimeFormat('en-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }),
};
/** A legal moment in words, in Brussels time and the interface language: "vrijdag 15 januari 2027 om 23:59". */
export const formatMomentInWords = (iso: string | null | undefined, language: string): string => (iso ? inWords[language === 'en' ? 'en' : 'nl'].format(new Date(iso)) : '—');
