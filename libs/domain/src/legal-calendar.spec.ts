import {
  belgianPublicHolidays,
  brusselsDate,
  easterSunday,
  endOfBrusselsDay,
  isWorkingDay,
  legalDueDate,
  type LegalCalendarConfig,
} from './legal-calendar';

const DAY_MS = 24 * 60 * 60 * 1000;
const plusDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const due = (start: string, termDays: number, config?: LegalCalendarConfig) =>
  legalDueDate(new Date(start), termDays, config).toISOString();

// Independent oracle for the hand-written DST rule. Intl is fine in tests: only the
// implementation is bundled into workflow code.
const brusselsWallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Brussels',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  fractionalSecondDigits: 3, hourCycle: 'h23',
});
const wallClock = (instant: Date) => brusselsWallClock.format(instant).replace(',', '.');

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'],
    [2038, '2038-04-25'], [2000, '2000-04-23'], [2019, '2019-04-21'],
    [1818, '1818-03-22'], [2285, '2285-03-22'], // earliest possible
    [1943, '1943-04-25'], // latest possible
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([1582, 10000, 2026.5, NaN])('rejects year %p', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('belgianPublicHolidays', () => {
  it('lists the legal holidays plus the Flemish Community holiday for 2026, sorted', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-07-11',
      '2026-07-21', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
  });

  it('keeps the list sorted when Ascension falls before Labour Day (Easter 2285-03-22)', () => {
    const list = belgianPublicHolidays(2285);
    expect(list.slice(0, 4)).toEqual(['2285-01-01', '2285-03-23', '2285-04-30', '2285-05-01']);
    expect(list).toHaveLength(11);
  });
});

describe('Brussels time', () => {
  it.each([
    ['2026-01-14T23:30:00Z', '2026-01-15'], // CET: 00:30 next day
    ['2026-06-10T22:30:00Z', '2026-06-11'], // CEST: 00:30 next day
    ['2026-06-10T21:59:59.999Z', '2026-06-10'],
    ['2026-03-28T23:30:00Z', '2026-03-29'], // night of the spring switch (29 March 01:00 UTC)
    ['2026-03-29T21:59:59.999Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    ['2026-10-24T22:30:00Z', '2026-10-25'], // still CEST before 25 October 01:00 UTC
    ['2026-10-25T22:30:00Z', '2026-10-25'], // CET again: 23:30 local
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    ['2026-12-31T23:00:00Z', '2027-01-01'], // year boundary
  ])('brusselsDate(%s) = %s', (instant, expected) => {
    expect(brusselsDate(new Date(instant))).toBe(expected);
  });

  it.each([
    ['2026-03-28', '2026-03-28T22:59:59.999Z'], ['2026-03-29', '2026-03-29T21:59:59.999Z'],
    ['2026-10-24', '2026-10-24T21:59:59.999Z'], ['2026-10-25', '2026-10-25T22:59:59.999Z'],
    ['2024-03-30', '2024-03-30T22:59:59.999Z'], ['2024-03-31', '2024-03-31T21:59:59.999Z'], // switch on the 31st
    ['2027-10-30', '2027-10-30T21:59:59.999Z'], ['2027-10-31', '2027-10-31T22:59:59.999Z'],
    ['2026-01-15', '2026-01-15T22:59:59.999Z'], ['2026-07-15', '2026-07-15T21:59:59.999Z'],
  ])('endOfBrusselsDay(%s) = %s', (isoDate, expected) => {
    expect(endOfBrusselsDay(isoDate).toISOString()).toBe(expected);
  });

  it('agrees with the IANA Europe/Brussels zone hour by hour over 2024–2028', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2029, 0, 1); t += 60 * 60 * 1000 - 1) {
      const instant = new Date(t);
      if (brusselsDate(instant) !== wallClock(instant).slice(0, 10)) mismatches.push(instant.toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});

describe('isWorkingDay', () => {
  const config: LegalCalendarConfig = {
    extraHolidays: ['2026-05-15'],
    suspensions: [{ from: '2026-07-15', to: '2026-08-15', reason: 'summer recess' }],
  };
  it.each([
    ['2026-07-13', undefined, true], ['2026-07-11', undefined, false], // Saturday
    ['2026-07-12', undefined, false], ['2026-07-21', undefined, false], // Sunday, National Day
    ['2026-04-06', undefined, false], // Easter Monday
    ['2025-12-26', undefined, true], // 26 December (a Friday in 2025) is no holiday in Belgium
    ['2026-05-15', undefined, true], ['2026-05-15', config, false], // bridge day only when configured
    ['2026-07-14', config, true], ['2026-07-15', config, false], ['2026-08-14', config, false],
    ['2026-08-17', config, true],
  ])('%s (%p) → %p', (isoDate, cfg, expected) => {
    expect(isWorkingDay(isoDate, cfg)).toBe(expected);
  });
});

describe('legalDueDate', () => {
  it.each([
    ['ordinary working day, summer', '2026-06-02T09:00:00Z', 30, '2026-07-02T21:59:59.999Z'],
    ['Saturday that is also 11 July → Monday', '2026-06-11T08:00:00Z', 30, '2026-07-13T21:59:59.999Z'],
    ['National Day (Tuesday) → Wednesday', '2026-06-21T08:00:00Z', 30, '2026-07-22T21:59:59.999Z'],
    ['Sunday → Monday', '2026-07-09T08:00:00Z', 10, '2026-07-20T21:59:59.999Z'],
    ['Christmas Friday → Monday 28 December', '2026-11-25T10:00:00Z', 30, '2026-12-28T22:59:59.999Z'],
    ['New Year Friday → Monday 4 January (winter offset)', '2026-12-02T10:00:00Z', 30, '2027-01-04T22:59:59.999Z'],
    ['ordinary January day ends 22:59:59.999Z', '2026-12-15T10:00:00Z', 30, '2027-01-14T22:59:59.999Z'],
    ['Easter Sunday → Tuesday after Easter Monday', '2026-03-06T10:00:00Z', 30, '2026-04-07T21:59:59.999Z'],
    ['spring DST Sunday → Monday, summer offset', '2026-02-27T10:00:00Z', 30, '2026-03-30T21:59:59.999Z'],
    ['Saturday before autumn switch → Monday, CET', '2026-09-24T10:00:00Z', 30, '2026-10-26T22:59:59.999Z'],
    ['start day counted in Brussels (00:30 local)', '2026-06-10T22:30:00Z', 30, '2026-07-13T21:59:59.999Z'],
    ['one-day term', '2026-07-01T10:00:00Z', 1, '2026-07-02T21:59:59.999Z'],
  ])('%s', (_label, start, termDays, expected) => {
    expect(due(start, termDays)).toBe(expected);
  });

  it('does not count days of a suspension: 30 days from 1 July over a 15 July–15 August recess', () => {
    const recess = { suspensions: [{ from: '2026-07-15', to: '2026-08-15' }] };
    expect(due('2026-07-01T10:00:00Z', 30)).toBe('2026-07-31T21:59:59.999Z');
    // 13 days before the recess, 32 suspended days, 17 days after: 31 July + 32 days.
    expect(due('2026-07-01T10:00:00Z', 30, recess)).toBe('2026-09-01T21:59:59.999Z');
    // Starting inside the recess: counting only begins after it.
    expect(due('2026-07-20T10:00:00Z', 10, recess)).toBe('2026-08-25T21:59:59.999Z');
  });

  it('moves a last day on a weekend past a following suspension to the next working day', () => {
    const config = { suspensions: [{ from: '2026-07-20', to: '2026-07-31' }] };
    expect(due('2026-06-18T10:00:00Z', 30, config)).toBe('2026-08-03T21:59:59.999Z');
  });

  it('treats extra holidays as non-working days', () => {
    expect(due('2026-04-14T10:00:00Z', 31)).toBe('2026-05-15T21:59:59.999Z');
    // Bridge day after Ascension, then the weekend.
    expect(due('2026-04-14T10:00:00Z', 31, { extraHolidays: ['2026-05-15'] })).toBe('2026-05-18T21:59:59.999Z');
  });

  it.each([0, -1, 1.5, NaN, Infinity])('rejects termDays %p', (termDays) => {
    expect(() => legalDueDate(new Date('2026-01-01T00:00:00Z'), termDays)).toThrow(RangeError);
  });

  it('rejects invalid dates and suspensions', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(() => legalDueDate(new Date('nonsense'), 30)).toThrow(RangeError);
    const reversed = { suspensions: [{ from: '2026-08-15', to: '2026-07-15' }] };
    expect(() => legalDueDate(start, 30, reversed)).toThrow(RangeError);
    expect(() => legalDueDate(start, 30, { extraHolidays: ['2026-02-30'] })).toThrow(RangeError);
    expect(() => isWorkingDay('2026-7-1')).toThrow(RangeError);
    expect(() => endOfBrusselsDay('2026-13-01')).toThrow(RangeError);
  });

  it('always ends at 23:59:59.999 Brussels on a working day, no earlier than start + term', () => {
    const configs: (LegalCalendarConfig | undefined)[] = [
      undefined,
      { extraHolidays: ['2026-05-15', '2026-11-02'], suspensions: [{ from: '2026-07-15', to: '2026-08-15' }] },
    ];
    // Violations are collected rather than asserted one by one: one readable failure, fast loop.
    const violations: string[] = [];
    let checked = 0;
    for (const config of configs) {
      for (let t = Date.UTC(2025, 11, 1); t < Date.UTC(2027, 1, 1); t += 17 * 60 * 60 * 1000 + 1) {
        const start = new Date(t);
        for (const termDays of [1, 2, 5, 10, 15, 30, 45, 60, 90]) {
          const dueAt = legalDueDate(start, termDays, config);
          const day = brusselsDate(dueAt);
          const nominal = plusDays(brusselsDate(start), termDays);
          const case_ = `${start.toISOString()} +${termDays}${config ? ' (config)' : ''} → ${dueAt.toISOString()}`;
          checked += 1;
          if (!isWorkingDay(day, config)) violations.push(`${case_}: not a working day`);
          if (day < nominal) violations.push(`${case_}: before ${nominal}`);
          if (wallClock(dueAt) !== `${day} 23:59:59.999`) violations.push(`${case_}: Brussels ${wallClock(dueAt)}`);
          if (!config) {
            // Without suspensions the term only moves over non-working days, at most three (Sat–Mon).
            for (let d = nominal; d < day; d = plusDays(d, 1)) {
              if (isWorkingDay(d)) violations.push(`${case_}: skipped working day ${d}`);
            }
            if (Date.parse(day) - Date.parse(nominal) > 3 * DAY_MS) violations.push(`${case_}: moved > 3 days`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(violations).toEqual([]);
  });
});
