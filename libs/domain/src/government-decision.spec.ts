import { correctionReasonProblems, governmentDecisionProblems } from './government-decision';

const bounds = { proposedOn: '2027-03-01', today: '2027-03-20' };
const fields = (number: string, decidedOn: string) => governmentDecisionProblems({ number, decidedOn }, bounds).map((p) => p.field);

describe('the Flemish Government decision number and date', () => {
  it('accepts the government form, with the meeting date in it', () => {
    expect(fields('VR 2027 1503 DOC.0123', '2027-03-15')).toEqual([]);
    expect(fields('VR 2027 1503 MED.0042/1BIS', '2027-03-15')).toEqual([]);
    expect(fields('VR 2027 0103 DOC.0001/2', '2027-03-01')).toEqual([]);
  });

  it('refuses anything else as the number', () => {
    for (const n of ['', 'VR 2027 DOC.0123', 'VR 2027 1503 DOC.123', 'VR 2027 1503 NOTA.0123', 'VR 2027 1503 DOC.0123/123', 'VR 2027 1503 DOC.0123/1ABCD', 'vr 2027 1503 doc.0123 extra']) {
      expect([n, fields(n, '2027-03-15')]).toEqual([n, ['number']]);
    }
  });

  it('keeps the date between the proposal and today, and the same as the number says', () => {
    expect(fields('VR 2027 2103 DOC.0123', '2027-03-21')).toEqual(['decidedOn']);
    expect(fields('VR 2027 2802 DOC.0123', '2027-02-28')).toEqual(['decidedOn']);
    expect(fields('VR 2027 1403 DOC.0123', '2027-03-15')).toEqual(['number']);
    expect(fields('VR 2027 3002 DOC.0123', '2027-02-30')).toEqual(['decidedOn']);
    // The bounds themselves are fine.
    expect(fields('VR 2027 0103 DOC.0123', '2027-03-01')).toEqual([]);
    expect(fields('VR 2027 2003 DOC.0123', '2027-03-20')).toEqual([]);
  });

  it('words every problem in Dutch first, then English', () => {
    for (const p of governmentDecisionProblems({ number: 'x', decidedOn: '2030-01-01' }, bounds)) expect(p.messages[0]).toMatch(/^[^/]+ \/ [A-Z]/);
  });

  it('wants a correction to say why', () => {
    expect(correctionReasonProblems(undefined).map((p) => p.field)).toEqual(['reason']);
    expect(correctionReasonProblems('  kort  ').map((p) => p.field)).toEqual(['reason']);
    expect(correctionReasonProblems('Tikfout in het volgnummer.')).toEqual([]);
  });
});
