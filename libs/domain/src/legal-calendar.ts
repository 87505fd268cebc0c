/**
 * Legal calendar for terms (e.g. a council's 30-day advice term), following Belgian practice:
 * the day of the start does not count, the term ends at the end of its last day in Brussels, and a
 * last day that is not a working day moves to the next working day.
 *
 * Pure and deterministic on purpose: this runs inside Temporal workflow code, so no imports, no
 * Intl, no local time zone. Calendar days are handled as UTC day numbers; Brussels time is derived
 * from the EU summer-time rule written out by hand below.
 */

export interface LegalCalendarConfig {
  /** Extra non-working days (ISO dates), e.g. bridge days decided by the government. */
  extraHolidays?: string[];
  /** Periods during which a term does not run (e.g. a council's summer recess), inclusive ISO dates. */
  suspensions?: { from: string; to: string; reason?: string }[];
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date; rejects impossible dates such as 2026-02-30. */
function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : NaN;
  if (!match || isoDay(day) !== isoDate) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  return day;
}

function isoDay(day: number): string {
  return Number.isFinite(day) ? new Date(day * DAY_MS).toISOString().slice(0, 10) : '';
}

/** Easter Sunday (ISO date) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Unsupported year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * The ten Belgian legal holidays plus the Flemish Community holiday (11 July), sorted. Sorted
 * because Ascension (Easter + 39) can fall on 30 April, before Labour Day.
 */
export function belgianPublicHolidays(year: number): string[] {
  const easter = dayNumber(easterSunday(year));
  const fixed = ['01-01', '05-01', '07-11', '07-21', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  const movable = [1, 39, 50].map((offset) => isoDay(easter + offset)); // Easter/Ascension/Whit
  return [...fixed, ...movable].sort();
}

/** UTC instant of the last Sunday of a month (0-based) at 01:00 UTC: when EU clocks change. */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Brussels offset from UTC in hours: CEST (+2) from the last Sunday of March 01:00 UTC up to the
 * last Sunday of October 01:00 UTC, CET (+1) otherwise. The UTC year is safe to use: the Brussels
 * and UTC years only differ around New Year, far from either switch. */
function brusselsOffsetHours(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  return epochMs >= lastSundayAt0100Utc(year, 2) && epochMs < lastSundayAt0100Utc(year, 9) ? 2 : 1;
}

function assertValidInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError('Not a valid date');
  return ms;
}

/** The calendar date (ISO) in Brussels at `instant`. */
export function brusselsDate(instant: Date): string {
  const ms = assertValidInstant(instant);
  return new Date(ms + brusselsOffsetHours(ms) * HOUR_MS).toISOString().slice(0, 10);
}

/** 23:59:59.999 Brussels time on `isoDate`. The clocks change at 01:00 UTC, so by the end of any
 * day the offset valid at noon UTC of that day is the one in force. */
export function endOfBrusselsDay(isoDate: string): Date {
  const noonUtc = dayNumber(isoDate) * DAY_MS + 12 * HOUR_MS;
  return new Date(noonUtc + 12 * HOUR_MS - 1 - brusselsOffsetHours(noonUtc) * HOUR_MS);
}

/** The config as day numbers, validated once so every loop below works on plain numbers. */
interface Calendar {
  extra: Set<number>;
  suspensions: { from: number; to: number }[];
}

/** Public holidays per year as day numbers. A pure function of the year, so caching it is safe
 * in workflow code and keeps long loops (and isWorkingDay calls) cheap. */
const holidayCache = new Map<number, Set<number>>();
function holidaysOf(year: number): Set<number> {
  let holidays = holidayCache.get(year);
  if (!holidays) holidayCache.set(year, (holidays = new Set(belgianPublicHolidays(year).map(dayNumber))));
  return holidays;
}

function compile(config: LegalCalendarConfig = {}): Calendar {
  const suspensions = (config.suspensions ?? []).map(({ from, to }) => {
    const period = { from: dayNumber(from), to: dayNumber(to) };
    if (period.from > period.to) throw new RangeError(`Suspension ends before it starts: ${from}..${to}`);
    return period;
  });
  return { extra: new Set((config.extraHolidays ?? []).map(dayNumber)), suspensions };
}

function isSuspended(cal: Calendar, day: number): boolean {
  return cal.suspensions.some((s) => day >= s.from && day <= s.to);
}

function isWorking(cal: Calendar, day: number): boolean {
  const date = new Date(day * DAY_MS);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6 || cal.extra.has(day) || isSuspended(cal, day)) return false;
  return !holidaysOf(date.getUTCFullYear()).has(day);
}

/** Whether `isoDate` is a working day: no weekend, public or extra holiday, nor suspended day. */
export function isWorkingDay(isoDate: string, config?: LegalCalendarConfig): boolean {
  return isWorking(compile(config), dayNumber(isoDate));
}

/**
 * The instant a term of `termDays` calendar days starting at `start` ends. The start's Brussels
 * day does not count; suspended days do not count; the term ends at the end of its last counted
 * day, moved to the end of the next working day when that day is not one.
 */
export function legalDueDate(start: Date, termDays: number, config?: LegalCalendarConfig): Date {
  if (!Number.isInteger(termDays) || termDays <= 0) {
    throw new RangeError(`termDays must be a positive integer, got ${termDays}`);
  }
  const cal = compile(config);
  let day = dayNumber(brusselsDate(start));
  // Terminates: suspensions are finite periods, so at most termDays + their length iterations.
  for (let counted = 0; counted < termDays; ) {
    day += 1;
    if (!isSuspended(cal, day)) counted += 1;
  }
  while (!isWorking(cal, day)) day += 1;
  return endOfBrusselsDay(isoDay(day));
}
