import { gateNoes, gateOverrideProblems, GATE_OVERRIDE_MIN_LENGTH, type DecisionProposal } from './decision';

const proposal = (p: Partial<DecisionProposal> = {}): DecisionProposal => ({ outcome: 'approve', rationale: 'Goed onderbouwd voorstel.', considerations: [], ...p });
const noes = gateNoes([
  { assessorId: 'a', gateAnswers: [{ code: 'G1', answer: true, justification: 'ja' }, { code: 'G2', answer: false, justification: 'nee' }] },
  { assessorId: 'b', gateAnswers: [{ code: 'G2', answer: false, justification: 'ook nee' }] },
]);
const fields = (p: DecisionProposal, n = noes) => gateOverrideProblems(p, n).map((x) => x.field);
const enough = 'x'.repeat(GATE_OVERRIDE_MIN_LENGTH);

describe('gate questions bind the decision', () => {
  it('collects every "no" with its assessor', () => {
    expect(noes).toEqual([
      { code: 'G2', assessorId: 'a', justification: 'nee' },
      { code: 'G2', assessorId: 'b', justification: 'ook nee' },
    ]);
  });

  it('needs a justified override to approve, with or without conditions, after a "no"', () => {
    expect(fields(proposal())).toEqual(['gateOverride']);
    expect(fields(proposal({ outcome: 'approve_with_conditions', conditions: 'x' }))).toEqual(['gateOverride']);
    expect(fields(proposal({ gateOverride: { justification: ` ${'x'.repeat(GATE_OVERRIDE_MIN_LENGTH - 1)} ` } }))).toEqual(['gateOverride.justification']);
    expect(fields(proposal({ gateOverride: { justification: enough } }))).toEqual([]);
  });

  it('needs none to reject or when every gate was answered "yes", and refuses one that overrides nothing', () => {
    expect(fields(proposal({ outcome: 'reject' }))).toEqual([]);
    expect(fields(proposal(), [])).toEqual([]);
    expect(fields(proposal({ gateOverride: { justification: enough } }), [])).toEqual(['gateOverride']);
    expect(fields(proposal({ outcome: 'reject', gateOverride: { justification: enough } }))).toEqual(['gateOverride']);
  });
});
