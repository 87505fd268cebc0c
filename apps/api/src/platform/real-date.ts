import { ValidateBy, type ValidationOptions } from 'class-validator';
import { calendarDateMessage, isCalendarDate, isIsoInstant } from '@cluster/domain';

/**
 * `date`: a calendar day (YYYY-MM-DD); `date-time`: a moment with its zone (an auditor's moment must
 * not depend on the server's time zone); `date-or-date-time`: either (a day means its 00:00 UTC).
 */
export type DateKind = 'date' | 'date-time' | 'date-or-date-time';

const VALID: Record<DateKind, (value: unknown) => boolean> = {
  date: isCalendarDate,
  'date-time': isIsoInstant,
  'date-or-date-time': (value) => isCalendarDate(value) || isIsoInstant(value),
};

const INSTANT_EXAMPLE = '2026-03-01T12:00:00Z';

/** Dutch first, then English, naming the field (the 400's fieldErrors also give its full path). */
const MESSAGE: Record<DateKind, (field: string) => string> = {
  date: calendarDateMessage,
  'date-time': (field) =>
    `${field} moet een bestaand tijdstip zijn in ISO 8601 met een tijdzone, bv. ${INSTANT_EXAMPLE} / ` +
    `${field} must be an ISO 8601 date-time with a time zone, e.g. ${INSTANT_EXAMPLE}`,
  'date-or-date-time': (field) =>
    `${field} moet een bestaande kalenderdag (JJJJ-MM-DD) of een tijdstip in ISO 8601 met een tijdzone zijn, bv. 2026-03-01 of ${INSTANT_EXAMPLE} / ` +
    `${field} must be a real calendar date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone, e.g. 2026-03-01 or ${INSTANT_EXAMPLE}`,
};

/**
 * The one validator of every date field in a request: the shape and a day that exists. A pattern
 * alone let 2027-02-30 through, which JavaScript reads as 2 March and the legal calendar refuses
 * with a RangeError deep in the worker. `{ each: true }` for an array of dates.
 */
export function IsRealDate(kind: DateKind = 'date', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRealDate',
      constraints: [kind],
      validator: {
        validate: (value) => VALID[kind](value),
        defaultMessage: (args) => MESSAGE[kind](args?.property ?? 'date'),
      },
    },
    options,
  );
}
