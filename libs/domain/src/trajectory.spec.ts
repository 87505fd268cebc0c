import { actionInstrumentMatrix, trajectoryProblems } from './trajectory';
import type { PolicyDocument } from './policy';

const policy = { instruments: [{ code: 'IWT' }, { code: 'PMV' }] } as unknown as PolicyDocument;

describe('test trajectory', () => {
  it('checks instruments and due dates', () => {
    expect(trajectoryProblems(policy, [{ action: 'A', instrumentCode: 'XYZ', amountForeseenCents: 1, dueDate: '2026-01-01' }], '2026-06-01')).toEqual([
      { field: 'milestones.0.instrumentCode', messages: ['Kies een instrument uit IWT, PMV. / instrumentCode must be one of IWT, PMV'] },
      { field: 'milestones.0.dueDate', messages: ['De vervaldatum moet in de toekomst liggen. / dueDate must lie in the future'] },
    ]);
  });

  it('refuses a due date that is no real day as a field error, not a RangeError later', () => {
    const plan = (dueDate: unknown) => [{ action: 'A', instrumentCode: 'IWT', amountForeseenCents: 1, dueDate: dueDate as string }];
    for (const dueDate of ['2027-02-30', '2027-04-31', '30/06/2027', 20270630, null]) {
      expect(trajectoryProblems(policy, plan(dueDate), '2026-06-01')).toEqual([
        { field: 'milestones.0.dueDate', messages: [expect.stringMatching(/bestaande kalenderdag .* \/ dueDate must be a real calendar date/)] },
      ]);
    }
    expect(trajectoryProblems(policy, plan('2028-02-29'), '2026-06-01')).toEqual([]);
  });

  it('sums amounts per action and instrument, exactly in cents', () => {
    const m = actionInstrumentMatrix([
      { action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 10_000_001 },
      { action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 2 },
      { action: 'Opschaling', instrumentCode: 'PMV', amountForeseenCents: 5 },
    ]);
    expect(m).toEqual({
      actions: ['Pilootlijn', 'Opschaling'],
      instruments: ['IWT', 'PMV'],
      cells: { Pilootlijn: { IWT: 10_000_003 }, Opschaling: { PMV: 5 } },
    });
  });
});
