import { endOfBrusselsDay, isCaseStage, type CaseStage } from '@cluster/domain';
import type {
  AsOfAdvice,
  AsOfAgreementVersion,
  AsOfAssessor,
  AsOfClosure,
  AsOfDecision,
  AsOfDialogueCycle,
  AsOfMilestone,
  AsOfPerson,
  AsOfRelease,
  AsOfRoadmapVersion,
  CaseAsOf,
  RecordedEvent,
} from './case-as-of.types';

type Payload = Record<string, unknown>;

const str = (p: Payload, key: string): string | null => (typeof p[key] === 'string' ? (p[key] as string) : null);
const num = (p: Payload, key: string): number | null => (typeof p[key] === 'number' ? (p[key] as number) : null);
const list = (p: Payload, key: string): Payload[] => (Array.isArray(p[key]) ? (p[key] as Payload[]) : []);
const strings = (p: Payload, key: string): string[] => (Array.isArray(p[key]) ? (p[key] as unknown[]).filter((v): v is string => typeof v === 'string') : []);
const person = (e: RecordedEvent): AsOfPerson => ({ userId: e.actorId, name: e.actorName });
const iso = (e: RecordedEvent): string => e.occurredAt.toISOString();

/** Why a case closed, for the actions that can close it without `case.closed`. */
const CLOSING_ACTIONS: Record<string, string> = {
  'assessment.concluded_reject': 'assessment_rejected',
  'decision.approved': 'decision_rejected',
  'trajectory.evaluated_stop': 'trajectory_stopped',
};

/**
 * Rebuilds one case as it stood at `asOf` from its audit events, folded in chain (seq) order. The
 * fold stops at the first event recorded after `asOf`: the chain's order is the record's order.
 *
 * Only the recorded events count, never today's tables, so the rebuild shows exactly what the
 * trail proves. The stage is the one each event carries (`payload.stage`): the process's state
 * machine is not repeated here.
 */
export class CaseAsOfProjection {
  private applied = 0;
  private last: RecordedEvent | null = null;
  private stopped = false;
  private existed = false;

  private stage: CaseStage | null = null;
  private details = { clusterName: null as string | null, domain: null as string | null, leadActors: [] as string[], partners: [] as string[] };
  private accountManagerId: string | null = null;
  private policyVersion: number | null = null;
  private roadmaps: AsOfRoadmapVersion[] = [];
  private assessedVersion: number | null = null;
  private assessors = new Map<string, AsOfAssessor>();
  private conclusion: CaseAsOf['assessment']['conclusion'] = null;
  private adviceRound = 0;
  private adviceVersion: number | null = null;
  private councils = new Map<string, AsOfAdvice>();
  private decision: AsOfDecision | null = null;
  private pilot = false;
  private milestones = new Map<string, AsOfMilestone>();
  private evaluation: CaseAsOf['trajectory']['evaluation'] = null;
  private agreements = new Map<number, AsOfAgreementVersion>();
  private earmarked = new Map<string, number>();
  private released = new Map<string, number>();
  private releases = new Map<string, AsOfRelease>();
  private cycles = new Map<number, AsOfDialogueCycle>();
  private termCompleted = false;
  private closure: AsOfClosure | null = null;

  constructor(
    private readonly caseId: string,
    private readonly asOf: Date,
  ) {}

  /** Whether a `case.created` event lies within the rebuilt prefix. */
  get caseExisted(): boolean {
    return this.existed;
  }

  /** Applies one event; false (and nothing applied) once an event lies after `asOf`. */
  apply(e: RecordedEvent): boolean {
    if (this.stopped || e.occurredAt.getTime() > this.asOf.getTime()) {
      this.stopped = true;
      return false;
    }
    this.applied++;
    this.last = e;
    const p = e.payload ?? {};
    this.fold(e, p);
    const stage = p.stage;
    if (isCaseStage(stage)) this.stage = stage;
    else if (e.action === 'case.created') this.stage = 'roadmap_drafting';
    else if (e.action === 'case.closed') this.stage = 'closed';
    if (this.stage === 'closed' && !this.closure && CLOSING_ACTIONS[e.action]) {
      this.closure = { reason: CLOSING_ACTIONS[e.action]!, explanation: e.reason, at: iso(e), by: person(e) };
    }
    return true;
  }

  private fold(e: RecordedEvent, p: Payload): void {
    const action = e.action;
    if (action.startsWith('assessment.concluded_')) return this.concluded(e, p);
    if (action.startsWith('trajectory.evaluated_')) return this.evaluated(e, p);
    switch (action) {
      case 'case.created':
        this.existed = true;
        this.details = { clusterName: str(p, 'clusterName'), domain: str(p, 'domain'), leadActors: strings(p, 'leadActors'), partners: strings(p, 'partners') };
        this.accountManagerId = str(p, 'accountManagerId');
        this.policyVersion = num(p, 'policyVersion');
        return;
      case 'case.account_manager_changed':
        this.accountManagerId = str(p, 'to') ?? this.accountManagerId;
        return;
      case 'case.parties_amended': {
        const to = (p.to ?? {}) as Record<string, unknown>;
        this.details = { ...this.details, leadActors: strings(to, 'leadActors'), partners: strings(to, 'partners') };
        return;
      }
      case 'roadmap.draft_saved':
      case 'roadmap.submitted': {
        const version = num(p, 'version') ?? 0;
        this.roadmaps.push({ version, kind: action === 'roadmap.submitted' ? 'submitted' : 'draft', sha256: str(p, 'sha256') ?? '', at: iso(e), by: person(e) });
        if (action === 'roadmap.submitted') this.assessmentOf(version);
        return;
      }
      case 'assessment.assessors_assigned':
        this.assessmentOf(num(p, 'roadmapVersion'));
        for (const id of strings(p, 'assessorIds')) {
          this.assessors.set(id, { assessorId: id, assessorName: null, status: 'assigned', submittedAt: null, gateAnswers: [], scores: [] });
        }
        return;
      case 'assessment.conflict_declared':
      case 'assessment.no_conflict_declared':
        return this.assessor(e, p, (a) => (a.status = action === 'assessment.conflict_declared' ? 'conflict_declared' : 'cleared'));
      case 'assessment.submitted':
        return this.assessor(e, p, (a) => {
          a.status = 'submitted';
          a.submittedAt = iso(e);
          a.gateAnswers = list(p, 'gateAnswers').map((g) => ({ code: String(g.code), answer: g.answer === true }));
          a.scores = list(p, 'scores').map((s) => ({ code: String(s.code), score: Number(s.score) }));
        });
      case 'advice.round_opened':
        this.adviceRound = num(p, 'round') ?? this.adviceRound + 1;
        this.adviceVersion = num(p, 'roadmapVersion');
        this.councils.clear();
        for (const r of list(p, 'requests')) {
          const code = String(r.councilCode);
          this.councils.set(code, { councilCode: code, requestId: String(r.requestId), dueAt: typeof r.dueAt === 'string' ? r.dueAt : null, status: 'open', position: null, at: null, by: null });
        }
        return;
      case 'advice.given':
      case 'advice.lapsed':
        return this.advice(e, p);
      case 'decision.proposed':
        this.decision = {
          decisionId: str(p, 'decisionId') ?? '',
          version: num(p, 'version') ?? 0,
          outcome: str(p, 'outcome') ?? '',
          conditions: str(p, 'conditions'),
          roadmapVersion: num(p, 'roadmapVersion') ?? this.adviceVersion,
          proposedBy: person(e),
          proposedAt: iso(e),
          status: 'proposed',
          approvalId: null,
          decidedBy: null,
          decidedAt: null,
          comment: null,
        };
        return;
      case 'approval.requested':
      case 'approval.approved':
      case 'approval.sent_back':
      case 'approval.superseded':
        return this.approval(e, p);
      case 'decision.approved':
        if (this.decision && this.decision.decisionId === str(p, 'decisionId')) this.decision.status = 'approved';
        return;
      case 'trajectory.planned':
        this.pilot = p.pilot === true;
        for (const m of list(p, 'milestones')) {
          const id = String(m.id);
          this.milestones.set(id, {
            milestoneId: id,
            action: String(m.action),
            instrumentCode: String(m.instrumentCode),
            amountForeseenCents: Number(m.amountForeseenCents),
            dueAt: String(m.dueAt),
            status: 'planned',
            metAt: null,
            overdue: false,
          });
        }
        return;
      case 'trajectory.milestone_met':
      case 'trajectory.milestone_overdue': {
        const m = this.milestones.get(str(p, 'milestoneId') ?? '');
        if (m && action === 'trajectory.milestone_met') Object.assign(m, { status: 'met', metAt: iso(e), overdue: false });
        else if (m) m.overdue = true;
        return;
      }
      case 'agreement.version_drafted':
        return this.drafted(e, p);
      case 'agreement.signed': {
        const v = this.agreements.get(num(p, 'version') ?? -1);
        v?.signatures.push({ partyId: String(p.partyId), party: str(p, 'party'), signer: person(e), signedAt: iso(e), sha256: str(p, 'sha256') ?? '', voided: false });
        return;
      }
      case 'agreement.fully_signed':
      case 'agreement.amended': {
        const v = this.agreements.get(num(p, 'version') ?? -1);
        if (v) v.status = 'signed';
        const previous = this.agreements.get(num(p, 'previous') ?? -1);
        if (previous) previous.status = 'superseded';
        return;
      }
      case 'budget.earmarked':
      case 'budget.earmark_released': {
        const code = String(p.instrumentCode);
        const sign = action === 'budget.earmarked' ? 1 : -1;
        this.earmarked.set(code, (this.earmarked.get(code) ?? 0) + sign * Number(p.amountCents));
        return;
      }
      case 'budget.release_requested':
        this.releases.set(String(p.releaseId), {
          releaseId: String(p.releaseId),
          instrumentCode: String(p.instrumentCode),
          amountCents: Number(p.amountCents),
          basis: str(p, 'basis'),
          status: 'requested',
          requestedBy: person(e),
          requestedAt: iso(e),
          decidedBy: null,
          decidedAt: null,
        });
        return;
      case 'budget.released': {
        const code = String(p.instrumentCode);
        this.released.set(code, (this.released.get(code) ?? 0) + Number(p.amountCents));
        const r = this.releases.get(String(p.releaseId));
        if (r) r.status = 'approved';
        return;
      }
      case 'dialogue.cycle_opened': {
        const cycle = num(p, 'cycle') ?? 0;
        this.cycles.set(cycle, { cycle, dueAt: str(p, 'dueAt'), status: 'awaiting_report', reportMissing: false, reportedAt: null, reportedBy: null, outcome: null, outcomeAt: null, outcomeBy: null });
        return;
      }
      case 'dialogue.report_submitted':
      case 'dialogue.report_missing':
      case 'dialogue.outcome_recorded':
        return this.dialogue(e, p);
      case 'dialogue.term_completed':
        this.termCompleted = true;
        return;
      case 'case.closed':
        this.closure = { reason: str(p, 'reason') ?? 'closed', explanation: e.reason, at: iso(e), by: person(e) };
        return;
      default:
        // Reminders, attachments, notifications: part of the record, no part of the case's state.
        return;
    }
  }

  /** A new roadmap version under assessment starts with no assessors and no conclusion. */
  private assessmentOf(version: number | null): void {
    if (version === this.assessedVersion) return;
    this.assessedVersion = version;
    this.assessors.clear();
    this.conclusion = null;
  }

  private assessor(e: RecordedEvent, p: Payload, change: (a: AsOfAssessor) => void): void {
    this.assessmentOf(num(p, 'roadmapVersion') ?? this.assessedVersion);
    const id = str(p, 'assessorId') ?? e.actorId;
    const a = this.assessors.get(id) ?? { assessorId: id, assessorName: null, status: 'assigned' as const, submittedAt: null, gateAnswers: [], scores: [] };
    a.assessorName = e.actorName;
    change(a);
    this.assessors.set(id, a);
  }

  private concluded(e: RecordedEvent, p: Payload): void {
    const version = num(p, 'roadmapVersion') ?? this.assessedVersion ?? 0;
    this.assessmentOf(version);
    this.conclusion = { roadmapVersion: version, outcome: str(p, 'outcome') ?? e.action.slice('assessment.concluded_'.length), remarks: e.reason, at: iso(e), by: person(e) };
  }

  private advice(e: RecordedEvent, p: Payload): void {
    const code = str(p, 'councilCode') ?? '';
    const c = this.councils.get(code) ?? { councilCode: code, requestId: str(p, 'requestId') ?? '', dueAt: str(p, 'dueAt'), status: 'open' as const, position: null, at: null, by: null };
    if (e.action === 'advice.given') Object.assign(c, { status: 'advised', position: str(p, 'position'), at: iso(e), by: person(e) });
    else Object.assign(c, { status: 'lapsed', at: iso(e), by: null });
    this.councils.set(code, c);
  }

  private approval(e: RecordedEvent, p: Payload): void {
    const subjectId = str(p, 'subjectId');
    if (str(p, 'subjectType') === 'decision' && this.decision?.decisionId === subjectId) {
      const d = this.decision;
      if (e.action === 'approval.requested') d.approvalId = str(p, 'approvalId');
      else if (e.action === 'approval.superseded') Object.assign(d, { status: 'superseded', decidedAt: iso(e), comment: e.reason });
      else Object.assign(d, { status: e.action === 'approval.approved' ? 'approved' : 'sent_back', decidedBy: person(e), decidedAt: iso(e), comment: e.reason });
      return;
    }
    const release = str(p, 'subjectType') === 'budget_release' ? this.releases.get(subjectId ?? '') : undefined;
    // Closed without a decision (libs/domain stale-approval.ts): nobody decided, so no decider.
    if (release && e.action === 'approval.superseded') {
      Object.assign(release, { status: str(p, 'cause') === 'no_room' ? 'refused' : 'superseded', decidedAt: iso(e) });
    } else if (release && e.action !== 'approval.requested') {
      // Approval and booking commit together; `budget.released` books the money.
      Object.assign(release, { status: e.action === 'approval.approved' ? 'approved' : 'sent_back', decidedBy: person(e), decidedAt: iso(e) });
    }
  }

  private evaluated(e: RecordedEvent, p: Payload): void {
    const outcome = str(p, 'outcome') ?? e.action.slice('trajectory.evaluated_'.length);
    this.evaluation = { outcome, evaluation: e.reason, at: iso(e), by: person(e) };
    if (outcome !== 'extend') return;
    for (const d of list(p, 'newDueDates')) {
      const m = this.milestones.get(String(d.milestoneId));
      if (m && typeof d.dueDate === 'string') Object.assign(m, { dueAt: endOfBrusselsDay(d.dueDate).toISOString(), overdue: false });
    }
  }

  /** A new version supersedes the one being signed and voids its signatures. */
  private drafted(e: RecordedEvent, p: Payload): void {
    for (const v of this.agreements.values()) {
      if (v.status !== 'signing') continue;
      v.status = 'superseded';
      v.signatures.forEach((s) => (s.voided = true));
    }
    const version = num(p, 'version') ?? this.agreements.size + 1;
    this.agreements.set(version, {
      version,
      sha256: str(p, 'sha256') ?? '',
      status: 'signing',
      signBy: str(p, 'signBy'),
      termYears: num(p, 'termYears'),
      earmarks: list(p, 'earmarks').map((m) => ({ instrumentCode: String(m.instrumentCode), amountCents: Number(m.amountCents) })),
      signatures: [],
    });
  }

  private dialogue(e: RecordedEvent, p: Payload): void {
    const c = this.cycles.get(num(p, 'cycle') ?? -1);
    if (!c) return;
    if (e.action === 'dialogue.report_submitted') Object.assign(c, { status: 'reported', reportedAt: iso(e), reportedBy: person(e) });
    else if (e.action === 'dialogue.report_missing') c.reportMissing = true;
    else Object.assign(c, { status: 'concluded', outcome: str(p, 'outcome'), outcomeAt: iso(e), outcomeBy: person(e) });
  }

  result(): CaseAsOf {
    const submitted = this.roadmaps.filter((r) => r.kind === 'submitted');
    const codes = [...new Set([...this.earmarked.keys(), ...this.released.keys()])].sort();
    const releases = [...this.releases.values()];
    const sum = (code: string, status: AsOfRelease['status']) => releases.filter((r) => r.instrumentCode === code && r.status === status).reduce((a, r) => a + r.amountCents, 0);
    const agreements = [...this.agreements.values()].sort((a, b) => a.version - b.version);
    return {
      caseId: this.caseId,
      asOf: this.asOf.toISOString(),
      eventsApplied: this.applied,
      lastEvent: this.last ? { seq: this.last.seq, hash: this.last.hash, occurredAt: iso(this.last) } : null,
      stage: this.stage,
      ...this.details,
      accountManagerId: this.accountManagerId,
      policyVersion: this.policyVersion,
      roadmap: { versions: this.roadmaps, current: submitted.at(-1) ?? null },
      assessment: { roadmapVersion: this.assessedVersion, assessors: [...this.assessors.values()], conclusion: this.conclusion },
      advice: { round: this.adviceRound, roadmapVersion: this.adviceVersion, councils: [...this.councils.values()] },
      decision: this.decision,
      trajectory: { pilot: this.pilot, milestones: [...this.milestones.values()], evaluation: this.evaluation },
      agreement: { versions: agreements, inForceVersion: agreements.filter((v) => v.status === 'signed').at(-1)?.version ?? null },
      budget: codes.map((code) => {
        const earmarkedCents = this.earmarked.get(code) ?? 0;
        const releasedCents = this.released.get(code) ?? 0;
        return { instrumentCode: code, earmarkedCents, requestedCents: sum(code, 'requested'), approvedCents: sum(code, 'approved'), releasedCents, remainingCents: earmarkedCents - releasedCents };
      }),
      releases,
      dialogue: { cycles: [...this.cycles.values()].sort((a, b) => a.cycle - b.cycle), termCompleted: this.termCompleted },
      closed: this.stage === 'closed',
      closure: this.closure,
    };
  }
}

/** The fold over events already in memory (see CaseAsOfService for a stream from the database). */
export function projectCaseAsOf(caseId: string, asOf: Date, events: Iterable<RecordedEvent>): CaseAsOf {
  const projection = new CaseAsOfProjection(caseId, asOf);
  for (const e of events) if (!projection.apply(e)) break;
  return projection.result();
}
