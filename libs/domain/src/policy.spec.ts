import { addDays, reminderTimes } from './policy';

describe('reminderTimes', () => {
  const start = new Date('2026-01-01T00:00:00Z');
  const due = addDays(start, 30);

  it('gives one reminder per distinct offset, earliest first', () => {
    expect(reminderTimes(start, due, [1, 7, 7]).map((d) => d.toISOString())).toEqual([
      '2026-01-24T00:00:00.000Z',
      '2026-01-30T00:00:00.000Z',
    ]);
  });

  it('drops reminders that would fall before the start or at/after the due date', () => {
    expect(reminderTimes(start, due, [40, 30, 0, -1])).toEqual([]);
  });
});
