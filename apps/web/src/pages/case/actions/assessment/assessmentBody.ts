import type { components } from '../../../../api/schema';
import type { Policy } from '../../usePolicyVersion';

type AssessmentBody = components['schemas']['AssessmentDto'];

export interface Answer {
  /** '' until the assessor chooses. */
  answer: '' | 'yes' | 'no';
  justification: string;
}

export interface Score {
  /** '' until the assessor chooses a score on the scale. */
  score: string;
  justification: string;
}

export type Answers = Record<string, Answer>;
export type Scores = Record<string, Score>;

/**
 * The request body in the policy's order, so that the API's "gateAnswers.1.answer" and
 * "scores.3.score" point at the second gate question and the fourth criterion on screen. A choice
 * not made goes as null: the API then names that field.
 */
export function assessmentBody(policy: Policy, answers: Answers, scores: Scores): AssessmentBody {
  const notChosen = null as unknown as boolean & number;
  return {
    gateAnswers: policy.gateQuestions.map(({ code }) => {
      const a = answers[code] ?? { answer: '', justification: '' };
      return { code, answer: a.answer === '' ? notChosen : a.answer === 'yes', justification: a.justification };
    }),
    scores: policy.criteria.map(({ code }) => {
      const s = scores[code] ?? { score: '', justification: '' };
      return { code, score: s.score === '' ? notChosen : Number(s.score), justification: s.justification };
    }),
  };
}

/** The whole numbers of the policy's scale, lowest first. */
export function scaleOf(policy: Policy): number[] {
  const { min, max } = policy.scoreScale;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
