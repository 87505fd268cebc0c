import { policyProblems } from './policy-validation';
import type { PolicyDocument } from './policy';

const valid: PolicyDocument = {
  councils: [{ code: 'RI', name: { nl: 'RI', en: 'RI' }, adviceTermDays: 30, reminderDaysBefore: [7, 1], suspensions: [{ from: '2026-07-15', to: '2026-08-15' }] }],
  gateQuestions: [{ code: 'G1', text: { nl: 'a', en: 'a' } }],
  criteria: [{ code: 'C1', text: { nl: 'b', en: 'b' } }],
  scoreScale: { min: 1, max: 5 },
  minAssessors: 2,
  instruments: [{ code: 'IWT', name: { nl: 'IWT', en: 'IWT' } }],
  dialogueCadenceMonths: 6,
  signingDeadlineDays: 60,
  milestoneReminderDaysBefore: [14],
  extraHolidays: ['2026-12-24'],
};

describe('policyProblems', () => {
  it('accepts a consistent version', () => {
    expect(policyProblems(valid)).toEqual([]);
  });

  it('names each inconsistency by field', () => {
    const bad: PolicyDocument = {
      ...valid,
      councils: [
        { ...valid.councils[0]!, reminderDaysBefore: [30], suspensions: [{ from: '2026-08-15', to: '2026-07-15' }, { from: '2027-02-30', to: '2027-03-15' }] },
        { ...valid.councils[0]! },
      ],
      scoreScale: { min: 5, max: 5 },
      extraHolidays: ['24/12/2026', '2026-12-24', '2027-02-29'],
    };
    expect(policyProblems(bad).map((p) => p.field)).toEqual([
      'councils',
      'councils.0.reminderDaysBefore',
      'councils.0.suspensions.0',
      'councils.0.suspensions.1',
      'scoreScale',
      'extraHolidays.0',
      'extraHolidays.2',
    ]);
  });
});
