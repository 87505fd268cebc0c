import { addMonths, dialogueActionProblems, dialogueCycleCount, dialogueCycleDue } from './dialogue';

describe('dialogue outcome actions', () => {
  it('names each action whose due date is no real day', () => {
    const action = (dueDate: string) => ({ description: 'Partner zoeken', owner: 'Catalisti vzw', dueDate });
    expect(dialogueActionProblems([action('2027-12-31'), action('2027-02-30')])).toEqual([{ field: 'actions.1.dueDate', messages: [expect.stringContaining('must be a real calendar date')] }]);
    expect(dialogueActionProblems([])).toEqual([]);
  });
});

describe('dialogue cycles', () => {
  it('has 8 cycles in a 4-year agreement with a 6-month cadence, the last at the end of the term', () => {
    const start = new Date('2027-01-31T10:00:00Z');
    expect(dialogueCycleCount(4, 6)).toBe(8);
    expect(dialogueCycleDue(start, 6, 1).toISOString()).toBe('2027-07-31T10:00:00.000Z');
    expect(dialogueCycleDue(start, 6, 8).toISOString()).toBe('2031-01-31T10:00:00.000Z');
  });

  it('clamps to the last day of shorter months', () => {
    expect(addMonths(new Date('2027-01-31T00:00:00Z'), 1).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2028-01-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});
