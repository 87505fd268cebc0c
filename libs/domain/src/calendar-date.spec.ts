import { calendarDateProblems, isCalendarDate, isIsoInstant } from './calendar-date';

describe('calendar dates', () => {
  it.each(['2027-02-28', '2028-02-29', '2000-02-29', '2027-12-31', '2027-01-01', '0001-01-01', '0099-06-30', '9999-12-31'])('%s is a day', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  it.each(['2027-02-30', '2027-02-29', '1900-02-29', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00', '2027-01-32', '2027-1-01', '27-01-01', '2027-01-01T00:00:00Z', ' 2027-01-01', '2027/01/01', '+02027-01-01', '', 20270101, null, undefined, {}])(
    '%p is not',
    (d) => {
      expect(isCalendarDate(d)).toBe(false);
    },
  );

  it.each(['2026-03-01T12:00:00Z', '2026-03-01T12:00Z', '2026-03-01T12:00:00.123456789Z', '2026-03-01T12:00:00+01:00', '2026-03-01T23:59:59-12:30', '2028-02-29T00:00:00+14:00'])(
    '%s is a moment',
    (d) => {
      expect(isIsoInstant(d)).toBe(true);
    },
  );

  it.each(['2026-02-30T10:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T12:60:00Z', '2026-03-01T12:00:60Z', '2026-03-01T12:00:00', '2026-03-01', '2026-03-01 12:00:00Z', '2026-03-01T12:00:00+15:00', '2026-03-01T12:00:00+01:60', '2026-03-01T12Z', 'yesterday', 1_700_000_000_000])(
    '%p is not',
    (d) => {
      expect(isIsoInstant(d)).toBe(false);
    },
  );

  it('names each field that is not a real day, Dutch first', () => {
    expect(calendarDateProblems([{ field: 'actions.0.dueDate', value: '2027-12-31' }, { field: 'actions.1.dueDate', value: '2027-02-30' }])).toEqual([
      { field: 'actions.1.dueDate', messages: [expect.stringMatching(/^dueDate moet een bestaande kalenderdag zijn .* \/ dueDate must be a real calendar date/)] },
    ]);
  });
});
