import { callProblems, registrationClosesAt, registrationRefusal, type CallInput } from './call';

describe('calls for spearhead clusters', () => {
  const now = new Date('2027-01-11T09:00:00Z');
  const valid: CallInput = {
    title: 'Oproep speerpuntclusters 2027',
    description: 'Eerste oproep.',
    periodStart: '2027-01-11',
    periodEnd: '2027-12-31',
    submissionDeadline: '2027-03-31',
    maxSelected: 3,
    envelopes: [
      { instrumentCode: 'IWT', amountCents: 1_000_000_000 },
      { instrumentCode: 'PMV', amountCents: 500_000_000 },
    ],
  };
  const o = { instrumentCodes: ['IWT', 'PMV', 'TINA', 'STS'], now };
  const fields = (c: CallInput) => callProblems(c, o).map((p) => p.field);

  it('accepts a sound call', () => {
    expect(callProblems(valid, o)).toEqual([]);
  });

  it('names each field that is wrong, in both languages', () => {
    expect(fields({ ...valid, periodEnd: '2026-12-31' })).toEqual(['periodEnd', 'submissionDeadline']);
    expect(fields({ ...valid, submissionDeadline: '2027-01-20' })).toEqual(['submissionDeadline']);
    expect(fields({ ...valid, maxSelected: 0 })).toEqual(['maxSelected']);
    expect(fields({ ...valid, maxSelected: 2.5 })).toEqual(['maxSelected']);
    expect(fields({ ...valid, envelopes: [] })).toEqual(['envelopes']);
    expect(fields({ ...valid, envelopes: [{ instrumentCode: 'XYZ', amountCents: 1 }, { instrumentCode: 'IWT', amountCents: 0 }, { instrumentCode: 'IWT', amountCents: 5 }] })).toEqual([
      'envelopes.0.instrumentCode',
      'envelopes.1.amountCents',
      'envelopes.2.instrumentCode',
    ]);
    for (const p of callProblems({ ...valid, maxSelected: 0, envelopes: [] }, o)) for (const m of p.messages) expect(m).toMatch(/^\S.* \/ \S/);
  });

  it('closes registration at the end of the deadline day, or of the next working day', () => {
    // Wednesday 31 March 2027: 23:59:59.999 Brussels summer time.
    expect(registrationClosesAt('2027-03-31').toISOString()).toBe('2027-03-31T21:59:59.999Z');
    // Saturday 10 July 2027 → Sunday → 11 July (Flemish holiday, a Sunday) → Monday 12 July.
    expect(registrationClosesAt('2027-07-10').toISOString()).toBe('2027-07-12T21:59:59.999Z');
    // An extra non-working day of the reference data counts too.
    expect(registrationClosesAt('2027-03-31', { extraHolidays: ['2027-03-31'] }).toISOString()).toBe('2027-04-01T21:59:59.999Z');
  });

  it('lets a drafting case register once, before the deadline, to an open call', () => {
    const call = { status: 'open' as const, registrationClosesAt: new Date('2027-03-31T21:59:59.999Z'), title: 'Oproep 2027' };
    const drafting = { stage: 'roadmap_drafting', callId: null };
    expect(registrationRefusal(call, drafting, 'c1', now)).toBeNull();
    expect(registrationRefusal(call, { stage: 'roadmap_drafting', callId: 'c1' }, 'c1', now)).toBeNull();
    expect(registrationRefusal(call, { stage: 'roadmap_drafting', callId: 'c0' }, 'c1', now)).toMatch(/andere oproep/);
    expect(registrationRefusal(call, { stage: 'quality_assessment', callId: null }, 'c1', now)).toMatch(/al ingediend/);
    expect(registrationRefusal(call, drafting, 'c1', new Date('2027-03-31T22:00:00Z'))).toMatch(/afgesloten\. \/ .*has closed/);
    expect(registrationRefusal({ ...call, status: 'registration_closed' }, drafting, 'c1', now)).toMatch(/afgesloten/);
  });
});
