import { policyProblems } from './policy-validation';
import type { CouncilPolicy, PolicyDocument } from './policy';

const council = (code: string): CouncilPolicy => ({ code, name: { nl: code, en: code }, adviceTermDays: 30, reminderDaysBefore: [7, 1] });
const coded = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i + 1}`, text: { nl: 'x', en: 'x' } }));

const valid: PolicyDocument = {
  councils: [{ ...council('RI'), suspensions: [{ from: '2026-07-15', to: '2026-08-15' }] }, council('VRWI'), council('SERV')],
  gateQuestions: coded('G', 3),
  criteria: coded('C', 10),
  scoreScale: { min: 1, max: 5 },
  minAssessors: 2,
  instruments: [{ code: 'IWT', name: { nl: 'IWT', en: 'IWT' } }],
  dialogueCadenceMonths: 6,
  signingDeadlineDays: 60,
  milestoneReminderDaysBefore: [14],
  extraHolidays: ['2026-12-24'],
};

const fields = (p: PolicyDocument) => policyProblems(p).map((x) => x.field);

describe('policyProblems', () => {
  it('accepts a version a case can run on', () => {
    expect(policyProblems(valid)).toEqual([]);
  });

  it('refuses the version an admin once published alone: one council, one criterion, no reminders', () => {
    const thin: PolicyDocument = { ...valid, councils: [{ ...council('RI'), reminderDaysBefore: [] }], criteria: coded('C', 1), milestoneReminderDaysBefore: [] };
    expect(fields(thin)).toEqual(['criteria', 'councils', 'councils', 'milestoneReminderDaysBefore', 'councils.0.reminderDaysBefore']);
  });

  it('names what a case needs, Dutch first', () => {
    const problems = policyProblems({ ...valid, councils: valid.councils.filter((c) => c.code !== 'VRWI'), minAssessors: 1, gateQuestions: coded('G', 2), instruments: [] });
    expect(problems.map((p) => p.field)).toEqual(['minAssessors', 'gateQuestions', 'councils', 'instruments']);
    expect(problems.find((p) => p.field === 'councils')!.messages[0]).toMatch(/^De adviesraad VRWI ontbreekt.* \/ The council VRWI is missing/);
  });

  it('allows a council beyond the three, each with its term', () => {
    expect(policyProblems({ ...valid, councils: [...valid.councils, council('MINA')] })).toEqual([]);
  });

  it('names each inconsistency by field', () => {
    const bad: PolicyDocument = {
      ...valid,
      councils: [
        { ...valid.councils[0]!, reminderDaysBefore: [30], suspensions: [{ from: '2026-08-15', to: '2026-07-15' }, { from: '2027-02-30', to: '2027-03-15' }] },
        ...valid.councils,
      ],
      scoreScale: { min: 5, max: 5 },
      extraHolidays: ['24/12/2026', '2026-12-24', '2027-02-29'],
    };
    expect(fields(bad)).toEqual([
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

describe('policyProblems on the European reference data and the handbook (issue 14)', () => {
  it('names a bad partnership, nature or handbook section by its field', () => {
    const bad: PolicyDocument = {
      ...valid,
      europeanPartnerships: [{ code: 'EIT-HEALTH', name: { nl: 'EIT Health', en: 'EIT Health' }, kind: 'club' as never }],
      linkNatures: [{ code: 'member', name: { nl: 'Lid', en: 'Member' } }],
      roadmapHandbook: [{ section: 'preface' as never, guidance: { nl: 'x', en: 'x' } }],
    };
    expect(fields(bad)).toEqual(['europeanPartnerships.0.kind', 'roadmapHandbook.0.section']);
  });
});
