import { criterionSpread } from './assessment';
import {
  NOT_IN_TIME_REASON,
  rankCandidates,
  requestedAgainstEnvelopes,
  selectionNotReady,
  selectionOutcomes,
  selectionProblems,
  weightedScore,
  type CandidateFacts,
} from './selection';

const codes = ['C1', 'C2', 'C3'];
const scored = (...perAssessor: number[][]) => criterionSpread(codes, perAssessor.map((s) => ({ gateAnswers: [], scores: s.map((score, i) => ({ code: codes[i]!, score, justification: '' })) })));
const candidate = (caseId: string, clusterName: string, stage: CandidateFacts['stage'], criteria = scored([3, 3, 3])): CandidateFacts => ({
  caseId,
  clusterName,
  stage,
  conclusion: stage === 'selection' ? 'proceed' : null,
  criteria,
  gates: [],
  requested: [],
});

describe('weightedScore', () => {
  it('is the mean of the criteria means when no weights are given', () => {
    expect(weightedScore(scored([5, 3, 1], [5, 3, 3]))).toBe(3.33);
  });
  it('weighs the criteria of the reference data; a criterion without a weight counts 1', () => {
    expect(weightedScore(scored([5, 1, 1]), [{ criterionCode: 'C1', weight: 3 }])).toBe(3.4);
  });
  it('has no score without any assessment', () => {
    expect(weightedScore(criterionSpread(codes, []))).toBeNull();
  });
});

describe('rankCandidates', () => {
  it('ranks the eligible by score, ties by name; the others follow unranked in a fixed order', () => {
    const ranked = rankCandidates([
      candidate('d', 'Delta', 'roadmap_drafting'),
      candidate('b', 'Beta', 'selection', scored([4, 4, 4])),
      candidate('c', 'Gamma', 'closed'),
      candidate('a', 'Alfa', 'selection', scored([4, 4, 4])),
      candidate('e', 'Epsilon', 'selection', scored([5, 5, 5])),
      candidate('f', 'Zeta', 'quality_assessment'),
    ]);
    expect(ranked.map((c) => [c.clusterName, c.standing, c.proposedRank])).toEqual([
      ['Epsilon', 'eligible', 1],
      ['Alfa', 'eligible', 2],
      ['Beta', 'eligible', 3],
      ['Zeta', 'being_assessed', null],
      ['Delta', 'not_in_time', null],
      ['Gamma', 'ended', null],
    ]);
  });
});

describe('requestedAgainstEnvelopes', () => {
  it('sums the requests per instrument in cents and says what exceeds the envelope', () => {
    const rows = requestedAgainstEnvelopes(
      [{ requested: [{ instrumentCode: 'IWT', amountCents: 70 }] }, { requested: [{ instrumentCode: 'IWT', amountCents: 50 }, { instrumentCode: 'TINA', amountCents: 5 }] }],
      [{ instrumentCode: 'IWT', amountCents: 100 }, { instrumentCode: 'PMV', amountCents: 10 }],
    );
    expect(rows).toEqual([
      { instrumentCode: 'IWT', envelopeCents: 100, requestedCents: 120, overCents: 20 },
      { instrumentCode: 'PMV', envelopeCents: 10, requestedCents: 0, overCents: 0 },
      { instrumentCode: 'TINA', envelopeCents: 0, requestedCents: 5, overCents: 5 },
    ]);
  });
});

describe('selectionNotReady', () => {
  it('waits for registration to close and for every assessment, naming who is still assessed', () => {
    expect(selectionNotReady({ registrationClosed: false, title: 'Oproep' }, [])).toContain('nog open');
    expect(selectionNotReady({ registrationClosed: true, title: 'Oproep' }, rankCandidates([candidate('f', 'Zeta', 'quality_assessment')]))).toContain('Zeta');
    expect(selectionNotReady({ registrationClosed: true, title: 'Oproep' }, rankCandidates([candidate('a', 'Alfa', 'selection')]))).toBeNull();
  });
});

describe('selectionProblems and selectionOutcomes', () => {
  const candidates = rankCandidates([candidate('a', 'Alfa', 'selection'), candidate('b', 'Beta', 'selection'), candidate('c', 'Gamma', 'roadmap_drafting'), candidate('x', 'Closed', 'closed')]);

  it('accepts a proposal that says of every eligible candidate whether it is selected', () => {
    const p = { selected: ['a'], notSelected: [{ caseId: 'b', reason: '  Zwakkere positionering.  ' }], reason: 'De sterkste.' };
    expect(selectionProblems(p, candidates, 1)).toEqual([]);
    expect(selectionOutcomes(p, candidates)).toEqual([
      { caseId: 'a', outcome: 'selected', reason: 'De sterkste.' },
      { caseId: 'b', outcome: 'not_selected', reason: 'Zwakkere positionering.' },
      { caseId: 'c', outcome: 'not_selected', reason: NOT_IN_TIME_REASON },
    ]);
  });

  it('names each field that is wrong, Dutch first', () => {
    const problems = selectionProblems(
      { selected: ['a', 'b', 'c', 'zz', 'a'], notSelected: [{ caseId: 'x', reason: 'kort' }], reason: 'Allemaal.' },
      candidates,
      2,
    );
    expect(problems.map((p) => p.field)).toEqual(['selected.2', 'selected.3', 'selected.4', 'notSelected.0.caseId', 'notSelected.0.reason', 'selected']);
    expect(problems.every((p) => p.messages[0]!.includes(' / '))).toBe(true);
    expect(selectionProblems({ selected: [], notSelected: [], reason: 'Geen.' }, candidates, 2)).toEqual([
      { field: 'notSelected', messages: [expect.stringContaining('ontbreekt: Alfa, Beta')] },
    ]);
  });
});
