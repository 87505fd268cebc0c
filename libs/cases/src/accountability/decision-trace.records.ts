import { createHash } from 'node:crypto';
import type {
  AdviceRequestEntity,
  AgreementSignatureEntity,
  AgreementVersionEntity,
  ApprovalEntity,
  AssessmentConclusionEntity,
  AssessmentEntity,
  AssessorAssignmentEntity,
  BudgetMovementEntity,
  BudgetReleaseEntity,
  CaseClosureEntity,
  CaseEntity,
  DecisionEntity,
  DialogueCycleEntity,
  RoadmapVersionEntity,
  TrajectoryEvaluationEntity,
  TrajectoryMilestoneEntity,
} from '@cluster/persistence';
import { formatEuro } from '@cluster/budget';
import { CLOSURE_WORDS, CONCLUSION_WORDS, DECISION_WORDS, TRAJECTORY_WORDS, type TerminationKind } from '@cluster/domain';
import type {
  DecisionTraceRecord,
  TraceAdvice,
  TraceApproval,
  TraceAssessment,
  TraceConflictDeclaration,
  TraceEventRef,
  TracePerson,
  TraceRoadmap,
} from './decision-trace.types';

/** An audit event of the case, kept small: what links it to a record, and its place in the chain. */
export interface TraceEvent {
  seq: number;
  hash: string;
  action: string;
  occurredAt: Date;
  idempotencyKey: string | null;
  reason?: string | null;
  payload: Record<string, unknown>;
}

/** Everything the trace is built from: the case's records and its audit events. */
export interface TraceSnapshot {
  case: CaseEntity;
  roadmaps: RoadmapVersionEntity[];
  assignments: AssessorAssignmentEntity[];
  assessments: AssessmentEntity[];
  conclusions: AssessmentConclusionEntity[];
  advice: AdviceRequestEntity[];
  decisions: DecisionEntity[];
  approvals: ApprovalEntity[];
  releases: BudgetReleaseEntity[];
  movements: BudgetMovementEntity[];
  milestones: TrajectoryMilestoneEntity[];
  evaluations: TrajectoryEvaluationEntity[];
  agreements: (AgreementVersionEntity & { signatures: AgreementSignatureEntity[] })[];
  cycles: DialogueCycleEntity[];
  closure: CaseClosureEntity | null;
  events: TraceEvent[];
  /** Display names by user id. */
  names: Map<string, string>;
}

const SUMMARY_LENGTH = 160;

/**
 * Builds the trace records from one snapshot: each decision, approval and release with the exact
 * inputs it rested on, and the audit events (seq + hash) that recorded them.
 */
export class TraceRecords {
  constructor(private readonly s: TraceSnapshot) {}

  all(): DecisionTraceRecord[] {
    const s = this.s;
    const records = [
      ...s.conclusions.map((c) => this.conclusion(c)),
      ...s.decisions.map((d) => this.decision(d)),
      ...s.evaluations.map((e) => this.evaluation(e)),
      ...s.agreements.map((a) => this.agreement(a)),
      ...s.releases.map((r) => this.release(r)),
      ...(s.closure ? [this.closure(s.closure)] : []),
      ...this.selections(),
    ];
    // Oldest first; a record's own first event breaks ties (chain order is the record's order).
    const firstSeq = (r: DecisionTraceRecord) => r.events[0]?.seq ?? Number.MAX_SAFE_INTEGER;
    return records.sort((a, b) => a.at.localeCompare(b.at) || firstSeq(a) - firstSeq(b));
  }

  private decision(d: DecisionEntity): DecisionTraceRecord {
    const round = this.roundBefore(d.proposedAt);
    const roadmapVersion = round[0]?.roadmapVersion ?? this.s.case.submittedRoadmapVersion;
    const approval = this.approvalOf('decision', d.id);
    const requestIds = new Set(round.map((r) => r.id));
    const roundNo = round[0]?.round ?? null;
    const events = this.events(
      (e, p) =>
        (['decision.proposed', 'decision.approved'].includes(e.action) && p.decisionId === d.id) ||
        (e.action.startsWith('approval.') && p.subjectId === d.id) ||
        this.isAssessmentInput(e, p, roadmapVersion) ||
        (e.action.startsWith('advice.round_') && p.round === roundNo) ||
        (['advice.given', 'advice.lapsed'].includes(e.action) && requestIds.has(String(p.requestId))),
    );
    const proposer = this.person(d.proposedBy);
    const verdict = approval?.status === 'approved' ? ['goedgekeurd door', 'approved by'] : approval?.status === 'sent_back' ? ['teruggestuurd door', 'sent back by'] : null;
    const by = approval?.decidedBy?.name ?? approval?.decidedBy?.userId ?? '';
    const about = roadmapVersion !== null ? ` over routekaart v${roadmapVersion}` : '';
    const aboutEn = roadmapVersion !== null ? ` on roadmap v${roadmapVersion}` : '';
    return {
      kind: 'government_decision',
      at: d.proposedAt.toISOString(),
      summary:
        `Beslissing v${d.version} (${DECISION_WORDS[d.outcome].nl})${about}: voorgesteld door ${proposer.name ?? proposer.userId}, ${verdict ? `${verdict[0]} ${by}` : 'wacht op goedkeuring'}` +
        ` / Decision v${d.version} (${DECISION_WORDS[d.outcome].en})${aboutEn}: proposed by ${proposer.name ?? proposer.userId}, ${verdict ? `${verdict[1]} ${by}` : 'awaiting approval'}`,
      events,
      governmentDecision: {
        decisionId: d.id,
        version: d.version,
        outcome: d.outcome,
        rationale: d.rationale,
        conditions: d.conditions,
        considerations: d.considerations.map((c) => ({ councilCode: c.councilCode, text: c.text })),
        status: d.status,
        proposedBy: proposer,
        proposedAt: d.proposedAt.toISOString(),
        approval,
        roadmap: roadmapVersion !== null ? this.roadmap(roadmapVersion) : null,
        assessments: roadmapVersion !== null ? this.assessmentsOf(roadmapVersion) : [],
        conflictDeclarations: roadmapVersion !== null ? this.declarationsOf(roadmapVersion) : [],
        conclusion: this.conclusionOf(roadmapVersion),
        advice: round.map((r) => this.advice(r)),
      },
    };
  }

  private release(r: BudgetReleaseEntity): DecisionTraceRecord {
    const approval = this.approvalOf('budget_release', r.id);
    const movement = this.s.movements.find((m) => m.releaseId === r.id && m.kind === 'release') ?? null;
    const agreement = this.agreementInForceAt(r.requestedAt);
    const cycle = this.s.cycles.filter((c) => c.outcome && c.outcomeAt && c.outcomeAt <= r.requestedAt).at(-1) ?? null;
    const events = this.events(
      (e, p) =>
        (['budget.release_requested', 'budget.released'].includes(e.action) && p.releaseId === r.id) ||
        (e.action.startsWith('approval.') && p.subjectId === r.id) ||
        (agreement !== null && ['agreement.fully_signed', 'agreement.amended'].includes(e.action) && p.version === agreement.version) ||
        (cycle !== null && e.action === 'dialogue.outcome_recorded' && p.cycle === cycle.cycle),
    );
    const requester = this.person(r.requestedBy);
    const amount = formatEuro(r.amountCents);
    const decided = approval?.decidedBy ? ` ${approval.status === 'approved' ? 'goedgekeurd' : 'teruggestuurd'} door ${approval.decidedBy.name ?? approval.decidedBy.userId}` : ' wacht op goedkeuring';
    const decidedEn = approval?.decidedBy ? ` ${approval.status === 'approved' ? 'approved' : 'sent back'} by ${approval.decidedBy.name ?? approval.decidedBy.userId}` : ' awaiting approval';
    return {
      kind: 'budget_release',
      at: r.requestedAt.toISOString(),
      summary: `Vrijgave ${r.instrumentCode} ${amount}: gevraagd door ${requester.name ?? requester.userId},${decided} / Release ${r.instrumentCode} ${amount}: requested by ${requester.name ?? requester.userId},${decidedEn}`,
      events,
      budgetRelease: {
        releaseId: r.id,
        instrumentCode: r.instrumentCode,
        amountCents: r.amountCents,
        justification: r.justification,
        basis: r.basis,
        status: r.status,
        requestedBy: requester,
        requestedAt: r.requestedAt.toISOString(),
        approval,
        movementId: movement?.id ?? null,
        bookedAt: movement?.createdAt.toISOString() ?? null,
        agreement: agreement ? { version: agreement.version, sha256: agreement.sha256 } : null,
        dialogueCycle: cycle ? { cycle: cycle.cycle, outcome: cycle.outcome!, outcomeAt: cycle.outcomeAt!.toISOString() } : null,
      },
    };
  }

  private conclusion(c: AssessmentConclusionEntity): DecisionTraceRecord {
    const conclusion = this.conclusionOf(c.roadmapVersion, c)!;
    const assessments = this.assessmentsOf(c.roadmapVersion);
    const events = this.events((e, p) => (e.idempotencyKey !== null && e.idempotencyKey === c.idempotencyKey) || this.isAssessmentInput(e, p, c.roadmapVersion, false));
    const by = conclusion.concludedBy.name ?? conclusion.concludedBy.userId;
    // A rejection is four eyes: proposed by the concluder, approved by a second person.
    const approval = c.outcome === 'reject' ? this.endingApproval('assessment_rejection') : null;
    const words = CONCLUSION_WORDS[c.outcome];
    return {
      kind: 'assessment_conclusion',
      at: c.concludedAt.toISOString(),
      summary: `Conclusie over routekaart v${c.roadmapVersion}: ${words.nl}, door ${by}${approved(approval, 'nl')} (${assessments.length} beoordelingen) / Conclusion on roadmap v${c.roadmapVersion}: ${words.en}, by ${by}${approved(approval, 'en')} (${assessments.length} assessments)`,
      events: approval ? this.withApprovalEvents(events, approval) : events,
      assessmentConclusion: { ...conclusion, roadmap: this.roadmap(c.roadmapVersion), assessments, conflictDeclarations: this.declarationsOf(c.roadmapVersion), approval },
    };
  }

  private evaluation(ev: TrajectoryEvaluationEntity): DecisionTraceRecord {
    const own = (e: TraceEvent, p: Record<string, unknown>) =>
      e.action.startsWith('trajectory.evaluated_') && (p.evaluationId === ev.id || (p.evaluationId === undefined && e.action === `trajectory.evaluated_${ev.outcome}` && e.occurredAt.getTime() === ev.evaluatedAt.getTime()));
    const ownSeq = this.s.events.find((e) => own(e, e.payload))?.seq ?? Number.MAX_SAFE_INTEGER;
    const events = this.events((e, p) => own(e, p) || (['trajectory.planned', 'trajectory.milestone_met'].includes(e.action) && e.seq < ownSeq));
    const by = this.person(ev.evaluatedBy);
    const approval = ev.outcome === 'stop' ? this.endingApproval('trajectory_stop') : null;
    const words = TRAJECTORY_WORDS[ev.outcome];
    return {
      kind: 'trajectory_evaluation',
      at: ev.evaluatedAt.toISOString(),
      summary: `Evaluatie van het testtraject: ${words.nl}, door ${by.name ?? by.userId}${approved(approval, 'nl')} / Test trajectory evaluation: ${words.en}, by ${by.name ?? by.userId}${approved(approval, 'en')}`,
      events: approval ? this.withApprovalEvents(events, approval) : events,
      trajectoryEvaluation: {
        approval,
        evaluationId: ev.id,
        outcome: ev.outcome,
        evaluation: ev.evaluation,
        evaluatedBy: by,
        evaluatedAt: ev.evaluatedAt.toISOString(),
        milestones: this.s.milestones.map((m) => ({
          milestoneId: m.id,
          action: m.action,
          instrumentCode: m.instrumentCode,
          amountForeseenCents: m.amountForeseenCents,
          dueAt: m.dueAt.toISOString(),
          met: m.metAt !== null && m.metAt <= ev.evaluatedAt,
          metAt: m.metAt?.toISOString() ?? null,
          evidenceBy: m.evidenceBy ? this.person(m.evidenceBy) : null,
        })),
      },
    };
  }

  private agreement(a: AgreementVersionEntity & { signatures: AgreementSignatureEntity[] }): DecisionTraceRecord {
    const valid = a.signatures.filter((x) => x.voidedAt === null);
    const complete = a.content.parties.every((p) => valid.some((x) => x.partyId === p.partyId));
    const events = this.events(
      (e, p) => (e.action.startsWith('agreement.') && p.version === a.version) || (e.action.startsWith('budget.earmark') && (e.idempotencyKey ?? '').startsWith(`audit:${a.id}:earmark:`)),
    );
    return {
      kind: 'agreement_signing',
      at: a.createdAt.toISOString(),
      summary: `Overeenkomst v${a.version} (SHA-256 ${a.sha256.slice(0, 12)}…): ${valid.length} van ${a.content.parties.length} handtekeningen, ${a.status} / Agreement v${a.version}: ${valid.length} of ${a.content.parties.length} signatures, ${a.status}`,
      events,
      agreementSigning: {
        agreementVersionId: a.id,
        version: a.version,
        sha256: a.sha256,
        status: a.status,
        draftedBy: this.person(a.createdBy),
        draftedAt: a.createdAt.toISOString(),
        signBy: a.signBy.toISOString(),
        termYears: a.content.termYears,
        earmarks: a.content.earmarks.map((m) => ({ instrumentCode: m.instrumentCode, amountCents: m.amountCents })),
        parties: a.content.parties.map((p) => ({ partyId: p.partyId, name: p.name, kind: p.kind, representative: this.person(p.representativeUserId) })),
        signatures: a.signatures.map((x) => ({
          partyId: x.partyId,
          party: a.content.parties.find((p) => p.partyId === x.partyId)?.name ?? null,
          signer: this.person(x.signerId),
          signedAt: x.signedAt.toISOString(),
          sha256: x.sha256,
          voidedAt: x.voidedAt?.toISOString() ?? null,
        })),
        complete,
      },
    };
  }

  private closure(c: CaseClosureEntity): DecisionTraceRecord {
    const closed = this.s.events.find((e) => e.action === 'case.closed');
    const key = closed?.idempotencyKey ?? null;
    const events = this.events((e) => e === closed || (key !== null && e.action === 'budget.earmark_released' && (e.idempotencyKey ?? '').startsWith(`audit:${key}:unearmark:`)));
    const returned = closed && typeof closed.payload.returnedCents === 'number' ? closed.payload.returnedCents : null;
    const by = this.person(c.closedBy);
    // An early end and a withdrawal are four eyes; a completed term closes on the final report; a
    // candidate not selected closes on the call's selection (its event names proposer and approver).
    const ending = ({ ended_early: 'agreement_early_end', withdrawn: 'case_withdrawal', term_completed: null, not_selected: null } as const)[c.reason];
    const approval = ending ? this.endingApproval(ending) : null;
    const words = CLOSURE_WORDS[c.reason];
    return {
      kind: 'case_closure',
      at: c.closedAt.toISOString(),
      summary: `Afgesloten (${words.nl}) door ${by.name ?? by.userId}${approved(approval, 'nl')} / Closed (${words.en}) by ${by.name ?? by.userId}${approved(approval, 'en')}`,
      events: approval ? this.withApprovalEvents(events, approval) : events,
      caseClosure: { reason: c.reason, explanation: c.explanation, finalReport: c.finalReport, closedBy: by, closedAt: c.closedAt.toISOString(), returnedCents: returned, approval },
    };
  }

  // --- the inputs -------------------------------------------------------------------------------

  /** The advice round a proposal answers: the last one opened before it. */
  private roundBefore(at: Date): AdviceRequestEntity[] {
    const opened = this.s.advice.filter((r) => r.requestedAt <= at);
    const round = opened.at(-1)?.round;
    return round === undefined ? [] : this.s.advice.filter((r) => r.round === round);
  }

  private roadmap(version: number): TraceRoadmap | null {
    const v = this.s.roadmaps.find((r) => r.kind === 'submitted' && r.version === version);
    return v ? { version: v.version, sha256: v.sha256, submittedAt: v.createdAt.toISOString(), submittedBy: this.person(v.createdBy) } : null;
  }

  private assessmentsOf(version: number): TraceAssessment[] {
    return this.s.assessments
      .filter((a) => a.roadmapVersion === version)
      .map((a) => ({
        assessmentId: a.id,
        roadmapVersion: a.roadmapVersion,
        assessor: this.person(a.assessorId),
        submittedAt: a.submittedAt.toISOString(),
        gateAnswers: a.gateAnswers.map((g) => ({ code: g.code, answer: g.answer, justification: g.justification })),
        scores: a.scores.map((x) => ({ code: x.code, score: x.score, justification: x.justification })),
      }));
  }

  private declarationsOf(version: number): TraceConflictDeclaration[] {
    return this.s.assignments
      .filter((a) => a.roadmapVersion === version)
      .map((a) => ({
        assessor: this.person(a.assessorId),
        roadmapVersion: a.roadmapVersion,
        hasConflict: a.status === 'conflict_declared' ? true : a.status === 'assigned' ? null : false,
        note: a.conflictNote,
      }));
  }

  private conclusionOf(version: number | null, row?: AssessmentConclusionEntity) {
    const c = row ?? this.s.conclusions.filter((x) => x.roadmapVersion === version).at(-1);
    return c ? { roadmapVersion: c.roadmapVersion, outcome: c.outcome, remarks: c.remarks, concludedBy: this.person(c.concludedBy), concludedAt: c.concludedAt.toISOString() } : null;
  }

  private advice(r: AdviceRequestEntity): TraceAdvice {
    return {
      councilCode: r.councilCode,
      requestId: r.id,
      round: r.round,
      roadmapVersion: r.roadmapVersion,
      requestedAt: r.requestedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      status: r.status,
      position: r.position,
      textSha256: r.adviceText !== null ? createHash('sha256').update(r.adviceText, 'utf8').digest('hex') : null,
      textSummary: r.adviceText !== null ? summarize(r.adviceText) : null,
      advisedBy: r.advisedBy ? this.person(r.advisedBy) : null,
      advisedAt: r.advisedAt?.toISOString() ?? null,
      lapsedAt: r.status === 'lapsed' ? (r.closedAt?.toISOString() ?? null) : null,
    };
  }

  private approvalOf(subjectType: ApprovalEntity['subjectType'], subjectId: string): TraceApproval | null {
    const a = this.s.approvals.find((x) => x.subjectType === subjectType && x.subjectId === subjectId);
    return a ? this.traceApproval(a) : null;
  }

  /** The approval that let a proposed ending of this kind take effect (at most one: it closed the case). */
  private endingApproval(kind: TerminationKind): TraceApproval | null {
    const a = this.s.approvals.filter((x) => x.subjectType === kind && x.status === 'approved').at(-1);
    return a ? this.traceApproval(a) : null;
  }

  /** A record's events plus those of its approval (requested, decided), in chain order. */
  private withApprovalEvents(events: TraceEventRef[], approval: TraceApproval): TraceEventRef[] {
    const own = this.events((e, p) => e.action.startsWith('approval.') && p.approvalId === approval.approvalId);
    const seen = new Set(events.map((e) => e.seq));
    return [...events, ...own.filter((e) => !seen.has(e.seq))].sort((a, b) => a.seq - b.seq);
  }

  private traceApproval(a: ApprovalEntity): TraceApproval {
    return {
      approvalId: a.id,
      status: a.status,
      requestedBy: this.person(a.requestedBy),
      requestedAt: a.requestedAt.toISOString(),
      decidedBy: a.decidedBy ? this.person(a.decidedBy) : null,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      comment: a.comment,
    };
  }

  /** The version whose last signature came last before `at`: the agreement in force then. */
  private agreementInForceAt(at: Date): AgreementVersionEntity | null {
    const completed = this.s.agreements
      .map((a) => {
        const valid = a.signatures.filter((x) => x.voidedAt === null);
        const complete = a.content.parties.every((p) => valid.some((x) => x.partyId === p.partyId));
        const last = valid.reduce<Date | null>((m, x) => (m && m > x.signedAt ? m : x.signedAt), null);
        return complete && last && last <= at ? { a, last } : null;
      })
      .filter((x): x is { a: AgreementVersionEntity & { signatures: AgreementSignatureEntity[] }; last: Date } => x !== null)
      .sort((x, y) => x.last.getTime() - y.last.getTime());
    return completed.at(-1)?.a ?? null;
  }

  /** Roadmap submission, assessor assignment, declarations and assessments of one version. */
  private isAssessmentInput(e: TraceEvent, p: Record<string, unknown>, version: number | null, withConclusion = true): boolean {
    if (version === null) return false;
    if (e.action === 'roadmap.submitted') return p.version === version;
    if (e.action.startsWith('assessment.concluded_')) return withConclusion && p.roadmapVersion === version;
    return e.action.startsWith('assessment.') && p.roadmapVersion === version;
  }

  private events(match: (e: TraceEvent, p: Record<string, unknown>) => boolean): TraceEventRef[] {
    return this.s.events.filter((e) => match(e, e.payload ?? {})).map((e) => ({ seq: e.seq, hash: e.hash, action: e.action, occurredAt: e.occurredAt.toISOString() }));
  }

  /** The call's selection, from the candidate's own event (selected, or closed as not selected). */
  private selections(): DecisionTraceRecord[] {
    const made = this.s.events.filter((e) => (e.action === 'case.selected' || (e.action === 'case.closed' && e.payload.reason === 'not_selected')) && typeof e.payload.selectionId === 'string');
    return made.map((e) => {
      const p = e.payload as { callId: string; title: string; selectionId: string; outcome: 'selected' | 'not_selected'; comparisonSha256: string; proposedBy: string; approvedBy: string };
      const reason = e.reason ?? '';
      const proposedBy = this.person(p.proposedBy);
      const approvedBy = this.person(p.approvedBy);
      const outcome = p.outcome === 'selected' ? { nl: 'geselecteerd', en: 'selected' } : { nl: 'niet geselecteerd', en: 'not selected' };
      return {
        kind: 'call_selection' as const,
        at: e.occurredAt.toISOString(),
        summary:
          `Oproep "${p.title}": ${outcome.nl}, voorgesteld door ${proposedBy.name ?? proposedBy.userId}, goedgekeurd door ${approvedBy.name ?? approvedBy.userId} / ` +
          `Call "${p.title}": ${outcome.en}, proposed by ${proposedBy.name ?? proposedBy.userId}, approved by ${approvedBy.name ?? approvedBy.userId}`,
        events: this.events((x) => x === e),
        callSelection: { callId: p.callId, callTitle: p.title, selectionId: p.selectionId, outcome: p.outcome, reason, proposedBy, approvedBy, comparisonSha256: p.comparisonSha256 },
      };
    });
  }

  private person(userId: string): TracePerson {
    return { userId, name: this.s.names.get(userId) ?? null };
  }
}

function summarize(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SUMMARY_LENGTH ? flat : `${flat.slice(0, SUMMARY_LENGTH - 1)}…`;
}

/** ", goedgekeurd door Chris Maes" after who proposed an ending, when a second person approved it. */
function approved(approval: TraceApproval | null, lang: 'nl' | 'en'): string {
  if (!approval?.decidedBy) return '';
  const who = approval.decidedBy.name ?? approval.decidedBy.userId;
  return lang === 'nl' ? `, goedgekeurd door ${who}` : `, approved by ${who}`;
}
