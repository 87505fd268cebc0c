import type { Language } from './language';

/**
 * What one class-validator constraint said about one field, without the words: its name (the key
 * of ValidationError.constraints), the decorator's arguments, whether it held for each item of a
 * list, and an own text where the decorator gave one (`localizedMessage`).
 */
export interface ValidationProblem {
  constraint: string;
  args: readonly unknown[];
  each: boolean;
  /** The refused field's own name (the whitelist message names it: the form has no such field). */
  property: string;
  own?: Record<Language, string>;
}

type Render = (p: ValidationProblem, n: (value: unknown) => string) => string;

/** Dutch and English, without the field's name: the web app shows a message beside its field. */
type Texts = Record<Language, Render>;

const nl = (each: boolean) => (each ? 'Elke waarde' : 'Dit veld');
const en = (each: boolean) => (each ? 'Each value' : 'This field');
const list = (values: unknown) => (Array.isArray(values) ? values.map(String).join(', ') : String(values));

const DATE_NL: Record<string, string> = {
  date: 'een bestaande kalenderdag (JJJJ-MM-DD), bv. 2027-06-30',
  'date-time': 'een bestaand tijdstip in ISO 8601 met een tijdzone, bv. 2026-03-01T12:00:00Z',
  'date-or-date-time': 'een bestaande kalenderdag (JJJJ-MM-DD) of een tijdstip in ISO 8601 met een tijdzone, bv. 2026-03-01 of 2026-03-01T12:00:00Z',
};
const DATE_EN: Record<string, string> = {
  date: 'a real calendar date (YYYY-MM-DD), e.g. 2027-06-30',
  'date-time': 'an ISO 8601 date-time with a time zone, e.g. 2026-03-01T12:00:00Z',
  'date-or-date-time': 'a real calendar date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone, e.g. 2026-03-01 or 2026-03-01T12:00:00Z',
};

function lengthNl(min: unknown, max: unknown, n: (v: unknown) => string): string {
  if (min === max) return `precies ${n(min)} tekens lang zijn`;
  if (max === undefined) return `minstens ${n(min)} tekens lang zijn`;
  return `tussen ${n(min)} en ${n(max)} tekens lang zijn`;
}
function lengthEn(min: unknown, max: unknown, n: (v: unknown) => string): string {
  if (min === max) return `be exactly ${n(min)} characters long`;
  if (max === undefined) return `be at least ${n(min)} characters long`;
  return `be between ${n(min)} and ${n(max)} characters long`;
}

/**
 * Every constraint the API's request classes use, in both languages. A constraint missing here
 * fails validation-messages.spec.ts (it walks every request class), so a new decorator gets its
 * words before it ships. Besides the decorators: `whitelistValidation` (a field the request does
 * not have), `nestedValidation` (a nested field that is not an object), `unknownValue` (a body
 * with nothing to check) and `isObject` (a body that is not an object), which class-validator and
 * Nest's ValidationPipe add themselves.
 */
export const VALIDATION_MESSAGES: Record<string, Texts> = {
  whitelistValidation: {
    nl: (p) => `Het veld ‘${p.property}’ bestaat hier niet; laat het weg.`,
    en: (p) => `The field ‘${p.property}’ does not exist here; leave it out.`,
  },
  nestedValidation: {
    nl: (p) => `${nl(p.each)} moet een object met velden zijn.`,
    en: (p) => `${en(p.each)} must be an object with fields.`,
  },
  unknownValue: { nl: () => 'Er kwam een waarde zonder gekende velden binnen.', en: () => 'A value without known fields came in.' },
  isObject: { nl: (p) => `${nl(p.each)} moet een object met velden zijn.`, en: (p) => `${en(p.each)} must be an object with fields.` },
  isDefined: { nl: (p) => `${nl(p.each)} is verplicht.`, en: (p) => `${en(p.each)} is required.` },
  isNotEmpty: { nl: (p) => `${nl(p.each)} mag niet leeg zijn.`, en: (p) => `${en(p.each)} must not be empty.` },
  isString: { nl: (p) => `${nl(p.each)} moet tekst zijn.`, en: (p) => `${en(p.each)} must be text.` },
  isLength: {
    nl: (p, n) => `${nl(p.each)} moet ${lengthNl(p.args[0], p.args[1], n)}.`,
    en: (p, n) => `${en(p.each)} must ${lengthEn(p.args[0], p.args[1], n)}.`,
  },
  minLength: { nl: (p, n) => `${nl(p.each)} moet ${lengthNl(p.args[0], undefined, n)}.`, en: (p, n) => `${en(p.each)} must ${lengthEn(p.args[0], undefined, n)}.` },
  maxLength: { nl: (p, n) => `${nl(p.each)} mag hoogstens ${n(p.args[0])} tekens lang zijn.`, en: (p, n) => `${en(p.each)} must be at most ${n(p.args[0])} characters long.` },
  matches: { nl: (p) => `${nl(p.each)} heeft niet de vereiste vorm.`, en: (p) => `${en(p.each)} does not have the required form.` },
  isInt: { nl: (p) => `${nl(p.each)} moet een geheel getal zijn.`, en: (p) => `${en(p.each)} must be a whole number.` },
  isNumber: { nl: (p) => `${nl(p.each)} moet een getal zijn.`, en: (p) => `${en(p.each)} must be a number.` },
  isPositive: { nl: (p) => `${nl(p.each)} moet groter dan nul zijn.`, en: (p) => `${en(p.each)} must be greater than zero.` },
  min: { nl: (p, n) => `${nl(p.each)} moet minstens ${n(p.args[0])} zijn.`, en: (p, n) => `${en(p.each)} must be at least ${n(p.args[0])}.` },
  max: { nl: (p, n) => `${nl(p.each)} mag hoogstens ${n(p.args[0])} zijn.`, en: (p, n) => `${en(p.each)} must be at most ${n(p.args[0])}.` },
  isBoolean: { nl: (p) => `${nl(p.each)} moet waar of onwaar zijn (true of false).`, en: (p) => `${en(p.each)} must be true or false.` },
  isIn: { nl: (p) => `${nl(p.each)} moet een van deze waarden zijn: ${list(p.args[0])}.`, en: (p) => `${en(p.each)} must be one of: ${list(p.args[0])}.` },
  isEnum: { nl: (p) => `${nl(p.each)} moet een van de toegelaten waarden zijn.`, en: (p) => `${en(p.each)} must be one of the allowed values.` },
  isUuid: { nl: (p) => `${nl(p.each)} moet een geldige identificatie (UUID) zijn.`, en: (p) => `${en(p.each)} must be a valid identifier (UUID).` },
  isEmail: { nl: (p) => `${nl(p.each)} moet een geldig e-mailadres zijn.`, en: (p) => `${en(p.each)} must be a valid e-mail address.` },
  isUrl: { nl: (p) => `${nl(p.each)} moet een geldig webadres zijn.`, en: (p) => `${en(p.each)} must be a valid web address.` },
  isRealDate: {
    nl: (p) => `${nl(p.each)} moet ${DATE_NL[String(p.args[0])] ?? DATE_NL.date} zijn.`,
    en: (p) => `${en(p.each)} must be ${DATE_EN[String(p.args[0])] ?? DATE_EN.date}.`,
  },
  isArray: { nl: (p) => `${nl(p.each)} moet een lijst zijn.`, en: (p) => `${en(p.each)} must be a list.` },
  arrayNotEmpty: { nl: () => 'De lijst mag niet leeg zijn.', en: () => 'The list must not be empty.' },
  arrayMinSize: { nl: (p, n) => `De lijst moet minstens ${n(p.args[0])} elementen bevatten.`, en: (p, n) => `The list must contain at least ${n(p.args[0])} items.` },
  arrayMaxSize: { nl: (p, n) => `De lijst mag hoogstens ${n(p.args[0])} elementen bevatten.`, en: (p, n) => `The list must contain at most ${n(p.args[0])} items.` },
  arrayUnique: { nl: () => 'De lijst mag geen dubbele waarden bevatten.', en: () => 'The list must not contain duplicates.' },
};

/** The top-level message of a 400 for a request class-validator refused. */
export const REQUEST_NOT_VALID: Record<Language, string> = {
  nl: 'Het verzoek is niet geldig; zie de meldingen per veld.',
  en: 'The request is not valid; see the messages per field.',
};

const FALLBACK: Record<Language, string> = { nl: 'Deze waarde is niet geldig.', en: 'This value is not valid.' };

const NUMBER_LOCALE: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

/** The words for one problem in one language (a constraint without words gets a plain "not valid"). */
export function validationMessage(problem: ValidationProblem, language: Language): string {
  if (problem.own) return problem.own[language];
  const texts = VALIDATION_MESSAGES[problem.constraint];
  // 20.000 tekens, but the year 2020 as it is written.
  const n = (value: unknown) => (typeof value === 'number' && Math.abs(value) >= 10_000 ? value.toLocaleString(NUMBER_LOCALE[language]) : String(value));
  return texts ? texts[language](problem, n) : FALLBACK[language];
}
