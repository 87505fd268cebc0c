import {
  callStatusAt,
  criterionSpread,
  rankCandidates,
  requestedAgainstEnvelopes,
  selectionNotReady,
  type CandidateFacts,
  type RankedCandidate,
  type SelectionWeight,
} from '@cluster/domain';
import type { CallEntity, Repositories } from '@cluster/persistence';

/** A call's candidates side by side (selection.ts): what the proposer sees and what the record keeps. */
export interface CandidateComparison {
  callId: string;
  title: string;
  maxSelected: number;
  registrationClosed: boolean;
  /** Why no selection can be proposed yet, in words; null when it can. */
  notReady: string | null;
  weights: SelectionWeight[];
  criteria: { code: string; text: { nl: string; en: string } }[];
  candidates: (RankedCandidate & { assessorNames: Record<string, string> })[];
  /** Requested by every candidate still in the running, per instrument, against the call's envelope. */
  budget: ReturnType<typeof requestedAgainstEnvelopes>;
}

/** Reads the comparison inside the caller's transaction (a proposal computes it under the call's lock). */
export async function compareCandidates(repos: Repositories, call: CallEntity, now: Date): Promise<CandidateComparison> {
  const policy = await repos.policies.get(call.policyVersion);
  const criteriaCodes = policy?.content.criteria.map((c) => c.code) ?? [];
  const weights = policy?.content.selectionWeights ?? [];
  const users = new Map((await repos.users.list()).map((u) => [u.id, u.displayName]));
  const facts: CandidateFacts[] = [];
  const names: Record<string, Record<string, string>> = {};
  for (const row of await repos.calls.candidates(call.id)) {
    const version = row.submittedRoadmapVersion;
    const assessments = version === null ? [] : await repos.assessments.assessments(row.id, version);
    const conclusion = version === null ? undefined : (await repos.assessments.conclusions(row.id)).filter((c) => c.roadmapVersion === version).at(-1);
    const projects = await repos.projects.page(row.id, { limit: 1000, offset: 0 });
    const requested = new Map<string, number>();
    for (const p of projects.items) if (p.status !== 'stopped') requested.set(p.instrumentCode, (requested.get(p.instrumentCode) ?? 0) + p.requestedCents);
    names[row.id] = Object.fromEntries(assessments.map((a) => [a.assessorId, users.get(a.assessorId) ?? a.assessorId]));
    facts.push({
      caseId: row.id,
      clusterName: row.clusterName,
      stage: row.stage,
      conclusion: conclusion?.outcome ?? null,
      criteria: criterionSpread(criteriaCodes, assessments),
      gates: assessments.map((a) => ({ assessorId: a.assessorId, answers: a.gateAnswers.map((g) => ({ code: g.code, answer: g.answer })) })),
      requested: [...requested].map(([instrumentCode, amountCents]) => ({ instrumentCode, amountCents })),
    });
  }
  const ranked = rankCandidates(facts, weights);
  const registrationClosed = callStatusAt(call, now) !== 'open';
  const running = ranked.filter((c) => c.standing === 'eligible' || c.standing === 'being_assessed');
  return {
    callId: call.id,
    title: call.title,
    maxSelected: call.maxSelected,
    registrationClosed,
    notReady: call.status === 'selection_decided' ? null : selectionNotReady({ registrationClosed, title: call.title }, ranked),
    weights,
    criteria: policy?.content.criteria.map((c) => ({ code: c.code, text: c.text })) ?? [],
    candidates: ranked.map((c) => ({ ...c, assessorNames: names[c.caseId] ?? {} })),
    budget: requestedAgainstEnvelopes(running, call.envelopes),
  };
}
