import type { FieldError } from './errors';

export const DECISION_OUTCOMES = ['approve', 'approve_with_conditions', 'reject'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const APPROVAL_DECISIONS = ['approve', 'send_back'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export interface CouncilConsideration {
  councilCode: string;
  /** How the council's advice (or its lapse) was taken into account. */
  text: string;
}

export interface DecisionProposal {
  outcome: DecisionOutcome;
  rationale: string;
  conditions?: string;
  considerations: CouncilConsideration[];
}

/** A proposal must address each council of the advice round, once, and conditions need text. */
export function proposalProblems(councilCodes: string[], p: DecisionProposal): FieldError[] {
  const problems: FieldError[] = [];
  const given = p.considerations.map((c) => c.councilCode);
  const missing = councilCodes.filter((c) => !given.includes(c));
  const unknown = given.filter((c) => !councilCodes.includes(c));
  const doubled = given.filter((c, i) => given.indexOf(c) !== i);
  const messages = [
    ...(missing.length ? [`considerations must address the advice of: ${missing.join(', ')}`] : []),
    ...(unknown.length ? [`considerations name councils not in the advice round: ${unknown.join(', ')}`] : []),
    ...(doubled.length ? [`considerations address a council twice: ${[...new Set(doubled)].join(', ')}`] : []),
  ];
  if (messages.length) problems.push({ field: 'considerations', messages });
  if (p.outcome === 'approve_with_conditions' && !p.conditions?.trim()) {
    problems.push({ field: 'conditions', messages: ['conditions are required when approving with conditions'] });
  }
  return problems;
}

/** The stage a case moves to once its decision is approved. */
export function stageAfterDecision(outcome: DecisionOutcome): 'test_trajectory' | 'closed' {
  return outcome === 'reject' ? 'closed' : 'test_trajectory';
}
