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
  /** Needed to approve although an assessor answered a gate question "no" (see gateOverrideProblems). */
  gateOverride?: { justification: string };
}

/** One "no" to a gate question, as an assessor of the decided roadmap version gave it. */
export interface GateNo {
  code: string;
  assessorId: string;
  justification: string;
}

/** What a decision keeps of an override: the reason, and exactly which answers it goes against. */
export interface GateOverride {
  justification: string;
  overrides: GateNo[];
}

/** Short enough to write, long enough that "ok" or "zie dossier" is not a justification. */
export const GATE_OVERRIDE_MIN_LENGTH = 30;

/** A proposal to approve (with or without conditions) lets the case go on; a rejection does not. */
export const proceeds = (outcome: DecisionOutcome) => outcome !== 'reject';

/**
 * Gate questions bind (issue 13): proposing to go on while an assessor answered a gate question
 * "no" needs an explicit override with a justification; the approver's four-eyes approval of the
 * decision is then also the approval of the override. An override where there is nothing to
 * override is refused too, so the record never shows one that meant nothing.
 */
export function gateOverrideProblems(p: DecisionProposal, noes: GateNo[]): FieldError[] {
  const codes = [...new Set(noes.map((n) => n.code))].join(', ');
  if (!p.gateOverride) {
    if (!proceeds(p.outcome) || noes.length === 0) return [];
    return [
      {
        field: 'gateOverride',
        messages: [
          `Poortvraag ${codes} werd door een beoordelaar met "nee" beantwoord: goedkeuren kan alleen met een gemotiveerde afwijking (gateOverride.justification), die de goedkeurder mee goedkeurt. / ` +
            `Gate question ${codes} was answered "no" by an assessor: approving needs a justified override (gateOverride.justification), which the approver approves with it.`,
        ],
      },
    ];
  }
  if (!proceeds(p.outcome)) {
    return [{ field: 'gateOverride', messages: ['Een afwijking van de poortvragen hoort alleen bij goedkeuren. / A gate override belongs only to an approval.'] }];
  }
  if (noes.length === 0) {
    return [{ field: 'gateOverride', messages: ['Geen enkele poortvraag werd met "nee" beantwoord: er is niets om van af te wijken. / No gate question was answered "no": there is nothing to override.'] }];
  }
  const length = p.gateOverride.justification.trim().length;
  if (length < GATE_OVERRIDE_MIN_LENGTH) {
    return [
      {
        field: 'gateOverride.justification',
        messages: [`Motiveer de afwijking in minstens ${GATE_OVERRIDE_MIN_LENGTH} tekens (nu ${length}). / Justify the override in at least ${GATE_OVERRIDE_MIN_LENGTH} characters (now ${length}).`],
      },
    ];
  }
  return [];
}

/** Every "no" among the gate answers of the given assessments. */
export function gateNoes(assessments: { assessorId: string; gateAnswers: { code: string; answer: boolean; justification: string }[] }[]): GateNo[] {
  return assessments.flatMap((a) => a.gateAnswers.filter((g) => !g.answer).map((g) => ({ code: g.code, assessorId: a.assessorId, justification: g.justification })));
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
    problems.push({ field: 'conditions', messages: ['Vermeld de voorwaarden bij een goedkeuring onder voorwaarden. / conditions are required when approving with conditions'] });
  }
  return problems;
}

/** The stage a case moves to once its decision is approved. */
export function stageAfterDecision(outcome: DecisionOutcome): 'test_trajectory' | 'closed' {
  return outcome === 'reject' ? 'closed' : 'test_trajectory';
}
