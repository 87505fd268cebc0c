import type { FieldError } from './errors';
import type { PolicyDocument } from './policy';

export interface GateAnswer {
  code: string;
  answer: boolean;
  justification: string;
}

export interface CriterionScore {
  code: string;
  score: number;
  justification: string;
}

/** One assessor's assessment of one submitted roadmap version (DOMAIN.md step 2). */
export interface AssessmentContent {
  gateAnswers: GateAnswer[];
  scores: CriterionScore[];
}

export const CONCLUSION_OUTCOMES = ['proceed', 'revise', 'reject'] as const;
export type ConclusionOutcome = (typeof CONCLUSION_OUTCOMES)[number];

/**
 * Checks an assessment against the case's policy version: every gate question answered once,
 * every criterion scored once on the policy's scale, nothing unknown. Returns field errors.
 */
export function assessmentProblems(policy: PolicyDocument, a: AssessmentContent): FieldError[] {
  const problems: FieldError[] = [];
  const check = <T extends { code: string }>(field: string, items: T[], expected: string[]) => {
    const given = items.map((i) => i.code);
    const missing = expected.filter((c) => !given.includes(c));
    const unknown = given.filter((c) => !expected.includes(c));
    const doubled = given.filter((c, i) => given.indexOf(c) !== i);
    const messages = [
      ...(missing.length ? [`${field} is missing: ${missing.join(', ')}`] : []),
      ...(unknown.length ? [`${field} has unknown codes: ${unknown.join(', ')}`] : []),
      ...(doubled.length ? [`${field} answers a code twice: ${[...new Set(doubled)].join(', ')}`] : []),
    ];
    if (messages.length) problems.push({ field, messages });
  };
  check('gateAnswers', a.gateAnswers, policy.gateQuestions.map((g) => g.code));
  check('scores', a.scores, policy.criteria.map((c) => c.code));
  const { min, max } = policy.scoreScale;
  a.scores.forEach((s, i) => {
    if (!Number.isInteger(s.score) || s.score < min || s.score > max) {
      problems.push({ field: `scores.${i}.score`, messages: [`De score moet een geheel getal van ${min} tot ${max} zijn. / score must be a whole number from ${min} to ${max}`] });
    }
  });
  return problems;
}

export interface CriterionSpread {
  code: string;
  scores: number[];
  min: number;
  max: number;
  mean: number;
  /** max − min: large spreads are where assessors disagree and the handler should look. */
  spread: number;
}

/** Per-criterion spread over the submitted assessments, in the policy's criterion order. */
export function criterionSpread(criteriaCodes: string[], assessments: AssessmentContent[]): CriterionSpread[] {
  return criteriaCodes.map((code) => {
    const scores = assessments.map((a) => a.scores.find((s) => s.code === code)?.score).filter((s): s is number => s !== undefined);
    if (scores.length === 0) return { code, scores, min: 0, max: 0, mean: 0, spread: 0 };
    const min = Math.min(...scores);
    const max = Math.max(...scores);
    const mean = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
    return { code, scores, min, max, mean, spread: max - min };
  });
}
