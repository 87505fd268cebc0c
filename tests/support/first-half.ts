import type { AssessmentContent, DecisionProposal } from '@cluster/domain';
import { POLICY_V1 } from '@cluster/reference-data';

/** A complete assessment on the policy's scale, every criterion scored `score`. */
export function assessment(score = 4): AssessmentContent {
  return {
    gateAnswers: POLICY_V1.gateQuestions.map((g) => ({ code: g.code, answer: true, justification: `Ja: ${g.text.nl}` })),
    scores: POLICY_V1.criteria.map((c, i) => ({ code: c.code, score: i === 0 ? Math.min(score + 1, 5) : score, justification: `Onderbouwing ${c.code}` })),
  };
}

export function proposal(councils = ['RI', 'VRWI', 'SERV'], outcome: DecisionProposal['outcome'] = 'approve'): DecisionProposal {
  return {
    outcome,
    rationale: 'De roadmap voldoet aan de kwaliteitscriteria en de adviezen zijn verwerkt.',
    considerations: councils.map((councilCode) => ({ councilCode, text: `Het advies van ${councilCode} is meegenomen.` })),
  };
}
