import { calendarDateMessage, isCalendarDate } from './calendar-date';
import type { FieldError } from './errors';
import type { PolicyDocument } from './policy';

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * Checks the consistency class-validator cannot see in a reference-data version: unique codes,
 * reminders inside their term, a real scale, sane suspensions. Returns field errors.
 */
export function policyProblems(p: PolicyDocument): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field, messages: [message] });
  for (const [field, codes] of [
    ['councils', p.councils.map((c) => c.code)],
    ['gateQuestions', p.gateQuestions.map((g) => g.code)],
    ['criteria', p.criteria.map((c) => c.code)],
    ['instruments', p.instruments.map((i) => i.code)],
  ] as const) {
    const doubled = duplicates([...codes]);
    if (doubled.length) add(field, `${field} has duplicate codes: ${doubled.join(', ')}`);
  }
  p.councils.forEach((c, i) => {
    if (c.reminderDaysBefore.some((d) => d >= c.adviceTermDays)) {
      add(`councils.${i}.reminderDaysBefore`, `reminders must fall inside the ${c.adviceTermDays}-day term`);
    }
    (c.suspensions ?? []).forEach((s, j) => {
      // A real day, not only its shape: the legal calendar refuses 2027-02-30 (a RangeError inside
      // every term computed on this version) where this gives the admin a 400.
      if (!isCalendarDate(s.from) || !isCalendarDate(s.to) || s.from > s.to) {
        add(`councils.${i}.suspensions.${j}`, 'a suspension needs ISO dates with from ≤ to');
      }
    });
  });
  if (p.scoreScale.min >= p.scoreScale.max) add('scoreScale', 'scoreScale.min must be below scoreScale.max');
  (p.extraHolidays ?? []).forEach((d, i) => {
    if (!isCalendarDate(d)) add(`extraHolidays.${i}`, calendarDateMessage('extraHolidays'));
  });
  return problems;
}
