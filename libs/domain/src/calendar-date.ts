/**
 * What counts as a date in a command: a real calendar day, never one that JavaScript's Date would
 * quietly roll over (`new Date('2027-02-30')` is 2 March). One definition for the API's validators,
 * the services' own checks and the legal calendar, so a date that one layer accepts no other refuses.
 *
 * Pure (no local time zone, nothing but this library): it also runs inside Temporal workflow code.
 */
import type { FieldError } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A moment with its zone; seconds and fractions optional (an auditor's "12:00Z" is a moment too). */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** True for `YYYY-MM-DD` naming a day that exists (2028-02-29 yes, 2027-02-29 and 2027-04-31 no). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999.
  const day = new Date(0);
  day.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return day.toISOString().slice(0, 10) === value;
}

/**
 * True for an ISO 8601 date-time with a time zone (`Z` or `±HH:MM`) whose day exists and whose
 * hour, minute, second and offset are in range: `2026-02-30T10:00:00Z` and `…T24:00Z` are not.
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_TIME.exec(value);
  if (!m || !isCalendarDate(m[1])) return false;
  const [hour, minute, second] = [m[2], m[3], m[4] ?? '00'].map(Number) as [number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[5] && (Number(m[6]) > 14 || Number(m[7]) > 59)) return false;
  return Number.isFinite(Date.parse(value));
}

/** The field errors of the given date fields that are not real calendar dates (for a DomainError). */
export function calendarDateProblems(fields: { field: string; value: unknown }[]): FieldError[] {
  return fields.filter((f) => !isCalendarDate(f.value)).map((f) => ({ field: f.field, messages: [calendarDateMessage(lastSegment(f.field))] }));
}

/** Dutch first, then English: the one message for a date field that is not a real day. */
export function calendarDateMessage(name: string): string {
  return `${name} moet een bestaande kalenderdag zijn (JJJJ-MM-DD), bv. 2027-06-30 / ${name} must be a real calendar date (YYYY-MM-DD), e.g. 2027-06-30`;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
