import type { ConclusionOutcome, CriterionSpread } from './assessment';
import type { FieldError } from './errors';
import type { CaseStage } from './stages';

/**
 * Selection across a call's candidates (issue 14, item 2): once registration has closed and every
 * submitted roadmap's assessment is concluded, the candidates are compared side by side and a
 * policy owner proposes which go on to the councils' advice; an approver other than the proposer
 * approves (four eyes). Rules decided here, in one place:
 *
 * - Proposed ranking: the weighted mean of the criteria's mean scores over the assessors, with the
 *   weights of the reference data (`selectionWeights`; a criterion without a weight counts 1).
 *   Ties are broken by cluster name, so the same figures always give the same order. The ranking
 *   is a proposal: the proposer may select otherwise, and says why for each candidate not selected.
 * - Eligible: a candidate whose assessment concluded "proceed" (it waits in the stage `selection`).
 * - Not in time: a candidate still drafting when registration closed (its roadmap was never
 *   submitted, or it was sent back for revision) cannot be assessed any more; it is not selected,
 *   with the reason below, without the proposer having to write it.
 * - Ended: a candidate already closed (rejected, withdrawn) is shown in the comparison but has no
 *   outcome of the selection.
 * - Ready: registration has closed and no candidate is still being assessed.
 * - At most `maxSelected` candidates are selected; none at all is allowed (no roadmap good enough).
 * - The requested budget per instrument (the sum of the candidates' projects) is set against the
 *   call's envelope and shown, but does not refuse a selection: what is granted is earmarked only
 *   in the partnership agreement, and requests are routinely larger than what is granted.
 */

export interface CandidateFacts {
  caseId: string;
  clusterName: string;
  stage: CaseStage;
  conclusion: ConclusionOutcome | null;
  criteria: CriterionSpread[];
  /** Per assessor: their gate answers (code → yes/no). */
  gates: { assessorId: string; answers: { code: string; answer: boolean }[] }[];
  /** Integer cents per instrument: the sum of the candidate's projects' requested amounts. */
  requested: { instrumentCode: string; amountCents: number }[];
}

export type CandidateStanding = 'eligible' | 'being_assessed' | 'not_in_time' | 'ended';

export interface RankedCandidate extends CandidateFacts {
  standing: CandidateStanding;
  /** Weighted mean score (two decimals); null when there are no scores. */
  weightedScore: number | null;
  /** 1-based proposed rank among the eligible; null for the others. */
  proposedRank: number | null;
}

export interface SelectionWeight {
  criterionCode: string;
  weight: number;
}

export function candidateStanding(c: Pick<CandidateFacts, 'stage'>): CandidateStanding {
  if (c.stage === 'selection') return 'eligible';
  if (c.stage === 'quality_assessment') return 'being_assessed';
  if (c.stage === 'roadmap_drafting') return 'not_in_time';
  return 'ended';
}

/** Weighted mean of the criteria means; criteria nobody scored do not count. */
export function weightedScore(criteria: CriterionSpread[], weights: readonly SelectionWeight[] = []): number | null {
  const scored = criteria.filter((c) => c.scores.length > 0);
  if (!scored.length) return null;
  const weightOf = (code: string) => weights.find((w) => w.criterionCode === code)?.weight ?? 1;
  const total = scored.reduce((s, c) => s + weightOf(c.code), 0);
  if (total <= 0) return null;
  return Math.round((scored.reduce((s, c) => s + c.mean * weightOf(c.code), 0) / total) * 100) / 100;
}

/** The candidates with their standing, score and proposed rank, the eligible first by rank. */
export function rankCandidates(candidates: CandidateFacts[], weights: readonly SelectionWeight[] = []): RankedCandidate[] {
  const scored = candidates.map((c) => ({ ...c, standing: candidateStanding(c), weightedScore: weightedScore(c.criteria, weights), proposedRank: null as number | null }));
  const byScore = (a: RankedCandidate, b: RankedCandidate) =>
    (b.weightedScore ?? -1) - (a.weightedScore ?? -1) || a.clusterName.localeCompare(b.clusterName, 'nl') || a.caseId.localeCompare(b.caseId);
  const eligible = scored.filter((c) => c.standing === 'eligible').sort(byScore);
  eligible.forEach((c, i) => (c.proposedRank = i + 1));
  const order: CandidateStanding[] = ['eligible', 'being_assessed', 'not_in_time', 'ended'];
  const rest = scored.filter((c) => c.standing !== 'eligible').sort((a, b) => order.indexOf(a.standing) - order.indexOf(b.standing) || byScore(a, b));
  return [...eligible, ...rest];
}

/** Requested (sum over candidates) against the call's envelope, per instrument of the envelope or the requests. */
export function requestedAgainstEnvelopes(
  candidates: Pick<CandidateFacts, 'requested'>[],
  envelopes: readonly { instrumentCode: string; amountCents: number }[],
): { instrumentCode: string; envelopeCents: number; requestedCents: number; overCents: number }[] {
  const codes = [...new Set([...envelopes.map((e) => e.instrumentCode), ...candidates.flatMap((c) => c.requested.map((r) => r.instrumentCode))])];
  return codes.map((code) => {
    const envelopeCents = envelopes.find((e) => e.instrumentCode === code)?.amountCents ?? 0;
    const requestedCents = candidates.reduce((s, c) => s + c.requested.filter((r) => r.instrumentCode === code).reduce((t, r) => t + r.amountCents, 0), 0);
    return { instrumentCode: code, envelopeCents, requestedCents, overCents: Math.max(0, requestedCents - envelopeCents) };
  });
}

/** Why the selection cannot be proposed yet, in words; null when it can. */
export function selectionNotReady(call: { registrationClosed: boolean; title: string }, candidates: Pick<RankedCandidate, 'standing' | 'clusterName'>[]): string | null {
  if (!call.registrationClosed) {
    return `De aanmeldingen voor de oproep "${call.title}" zijn nog open; de selectie volgt nadat ze sluiten. / Registration for the call "${call.title}" is still open; the selection follows once it closes.`;
  }
  const busy = candidates.filter((c) => c.standing === 'being_assessed').map((c) => c.clusterName);
  if (busy.length) {
    return `Nog niet alle kandidaten zijn beoordeeld: ${busy.join(', ')}. De selectie volgt als elke beoordeling besloten is. / Not every candidate has been assessed yet: ${busy.join(', ')}. The selection follows once every assessment is concluded.`;
  }
  return null;
}

export const SELECTION_REASON_MIN = 10;
export const SELECTION_REASON_MAX = 2000;

/** The reason recorded for a candidate whose roadmap was not (again) submitted when registration closed. */
export const NOT_IN_TIME_REASON =
  'Niet geselecteerd: de routekaart was niet (opnieuw) ingediend toen de aanmeldingen sloten, dus kon ze niet worden beoordeeld. / ' +
  'Not selected: the roadmap had not been (re)submitted when registration closed, so it could not be assessed.';

export interface SelectionProposal {
  /** Candidates that go on to the councils' advice. */
  selected: string[];
  /** Every other eligible candidate, each with why it was not selected. */
  notSelected: { caseId: string; reason: string }[];
  /** The proposal's motivation as a whole. */
  reason: string;
}

/** What is wrong with a proposal, each problem naming its field (Dutch / English). */
export function selectionProblems(p: SelectionProposal, candidates: Pick<RankedCandidate, 'caseId' | 'standing' | 'clusterName'>[], maxSelected: number): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, nl: string, en: string) => problems.push({ field, messages: [`${nl} / ${en}`] });
  const byId = new Map(candidates.map((c) => [c.caseId, c]));
  const named = new Map<string, string>();
  const check = (caseId: string, field: string) => {
    const c = byId.get(caseId);
    if (!c) return add(field, 'Dit dossier is geen kandidaat van deze oproep.', 'This case is not a candidate of this call.');
    if (named.has(caseId)) return add(field, `${c.clusterName} staat er twee keer in; elke kandidaat wordt geselecteerd of niet.`, `${c.clusterName} appears twice; each candidate is either selected or not.`);
    named.set(caseId, field);
    if (c.standing !== 'eligible') add(field, `${c.clusterName} kan niet worden geselecteerd: de beoordeling besloot niet tot doorgaan.`, `${c.clusterName} cannot be selected: its assessment did not conclude to proceed.`);
  };
  p.selected.forEach((id, i) => check(id, `selected.${i}`));
  p.notSelected.forEach((n, i) => {
    check(n.caseId, `notSelected.${i}.caseId`);
    const reason = n.reason.trim();
    if (reason.length < SELECTION_REASON_MIN || reason.length > SELECTION_REASON_MAX) {
      add(`notSelected.${i}.reason`, `Zeg in ${SELECTION_REASON_MIN} tot ${SELECTION_REASON_MAX} tekens waarom deze kandidaat niet geselecteerd is.`, `Say in ${SELECTION_REASON_MIN} to ${SELECTION_REASON_MAX} characters why this candidate was not selected.`);
    }
  });
  if (p.selected.length > maxSelected) {
    add('selected', `Deze oproep selecteert hoogstens ${maxSelected} speerpuntclusters; er zijn er ${p.selected.length} gekozen.`, `This call selects at most ${maxSelected} spearhead clusters; ${p.selected.length} were chosen.`);
  }
  const forgotten = candidates.filter((c) => c.standing === 'eligible' && !named.has(c.caseId)).map((c) => c.clusterName);
  if (forgotten.length) {
    add('notSelected', `Zeg voor elke kandidaat of hij geselecteerd is; ontbreekt: ${forgotten.join(', ')}.`, `Say for every candidate whether it is selected; missing: ${forgotten.join(', ')}.`);
  }
  return problems;
}

export type SelectionOutcome = 'selected' | 'not_selected';

/** What the approved selection does to each candidate that still runs: go on, or close with the reason. */
export function selectionOutcomes(p: SelectionProposal, candidates: Pick<RankedCandidate, 'caseId' | 'standing'>[]): { caseId: string; outcome: SelectionOutcome; reason: string }[] {
  return candidates.flatMap((c): { caseId: string; outcome: SelectionOutcome; reason: string }[] => {
    if (p.selected.includes(c.caseId)) return [{ caseId: c.caseId, outcome: 'selected' as const, reason: p.reason }];
    const n = p.notSelected.find((x) => x.caseId === c.caseId);
    if (n) return [{ caseId: c.caseId, outcome: 'not_selected' as const, reason: n.reason.trim() }];
    if (c.standing === 'not_in_time') return [{ caseId: c.caseId, outcome: 'not_selected' as const, reason: NOT_IN_TIME_REASON }];
    return [];
  });
}
