import { CaseAsOfProjection, projectCaseAsOf } from './case-as-of';
import type { RecordedEvent } from './case-as-of.types';

const CASE = 'c0ffee00-0000-4000-8000-000000000001';
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const HOUR = 3_600_000;

/** Hand-made events: one per hour from T0, chained by seq (the hash is a stand-in). */
class Trail {
  readonly events: RecordedEvent[] = [];
  add(action: string, payload: Record<string, unknown>, actor = 'handler', reason: string | null = null): RecordedEvent {
    const seq = this.events.length + 1;
    const e = { seq, hash: `h${seq}`, occurredAt: new Date(T0 + seq * HOUR), action, actorId: `id-${actor}`, actorName: actor, reason, payload };
    this.events.push(e);
    return e;
  }
  /** The instant just after the event with this action (the first one, when repeated). */
  after(action: string, which: 'first' | 'last' = 'first'): Date {
    const all = this.events.filter((x) => x.action === action);
    const e = which === 'first' ? all[0] : all.at(-1);
    if (!e) throw new Error(`no ${action}`);
    return new Date(e.occurredAt.getTime() + 1);
  }
  at(when: Date) {
    return projectCaseAsOf(CASE, when, this.events);
  }
}

const scores = (n: number) => [{ code: 'C1', score: n, justification: 'x' }, { code: 'C2', score: n - 1, justification: 'y' }];
const gates = [{ code: 'G1', answer: true, justification: 'ja' }];

/** A case through every stage: the order and payloads the services record. */
function wholeCase(): Trail {
  const t = new Trail();
  t.add('case.created', { clusterName: 'Duurzame chemie', domain: 'Chemie', leadActors: ['Catalisti'], partners: ['VITO'], accountManagerId: 'id-handler', policyVersion: 1, stage: 'roadmap_drafting' });
  t.add('roadmap.draft_saved', { version: 1, sha256: 'd1', stage: 'roadmap_drafting' }, 'rep');
  t.add('roadmap.submitted', { version: 2, fromDraftVersion: 1, sha256: 'd1', attachments: [], stage: 'quality_assessment' }, 'rep');
  t.add('assessment.assessors_assigned', { roadmapVersion: 2, assessorIds: ['id-a', 'id-b', 'id-c'], stage: 'quality_assessment' });
  t.add('assessment.no_conflict_declared', { roadmapVersion: 2, assessorId: 'id-a', stage: 'quality_assessment' }, 'a');
  t.add('assessment.conflict_declared', { roadmapVersion: 2, assessorId: 'id-c', stage: 'quality_assessment' }, 'c', 'Bestuurder bij een partner');
  t.add('assessment.no_conflict_declared', { roadmapVersion: 2, assessorId: 'id-b', stage: 'quality_assessment' }, 'b');
  t.add('assessment.submitted', { assessmentId: 's-a', roadmapVersion: 2, gateAnswers: gates, scores: scores(4), stage: 'quality_assessment' }, 'a');
  t.add('assessment.submitted', { assessmentId: 's-b', roadmapVersion: 2, gateAnswers: gates, scores: scores(3), stage: 'quality_assessment' }, 'b');
  t.add('assessment.concluded_proceed', { roadmapVersion: 2, outcome: 'proceed', assessments: 2, stage: 'advice' }, 'handler', 'Sterk');
  t.add('advice.round_opened', {
    round: 1,
    roadmapVersion: 2,
    requests: ['RI', 'SERV', 'VRWI'].map((c) => ({ councilCode: c, requestId: `r-${c}`, dueAt: '2026-02-20T22:59:59.999Z' })),
    stage: 'advice',
  }, 'system');
  t.add('advice.given', { requestId: 'r-SERV', councilCode: 'SERV', round: 1, position: 'positive', text: 'Gunstig', stage: 'advice' }, 'serv');
  t.add('advice.given', { requestId: 'r-VRWI', councilCode: 'VRWI', round: 1, position: 'conditional', text: 'Mits', stage: 'advice' }, 'vrwi');
  t.add('advice.lapsed', { requestId: 'r-RI', councilCode: 'RI', round: 1, dueAt: '2026-02-20T22:59:59.999Z', stage: 'advice' }, 'system');
  t.add('advice.round_closed', { round: 1, outcome: [], stage: 'decision' }, 'system');
  t.add('decision.proposed', { decisionId: 'd-1', version: 1, outcome: 'approve', conditions: null, considerations: [], roadmapVersion: 2, adviceRound: 1, stage: 'decision' });
  t.add('approval.requested', { approvalId: 'ap-1', subjectType: 'decision', subjectId: 'd-1', summary: 'v1' });
  t.add('approval.sent_back', { approvalId: 'ap-1', subjectType: 'decision', subjectId: 'd-1', requestedBy: 'id-handler' }, 'approver', 'Motiveer beter');
  t.add('decision.proposed', { decisionId: 'd-2', version: 2, outcome: 'approve_with_conditions', conditions: 'Jaarlijks rapport', considerations: [], roadmapVersion: 2, adviceRound: 1, stage: 'decision' });
  t.add('approval.requested', { approvalId: 'ap-2', subjectType: 'decision', subjectId: 'd-2', summary: 'v2' });
  t.add('approval.approved', { approvalId: 'ap-2', subjectType: 'decision', subjectId: 'd-2', requestedBy: 'id-handler' }, 'approver', 'Akkoord');
  t.add('decision.approved', { decisionId: 'd-2', version: 2, outcome: 'approve_with_conditions', proposedBy: 'id-handler', approvalId: 'ap-2', stage: 'test_trajectory' }, 'approver', 'Akkoord');
  t.add('trajectory.planned', {
    pilot: true,
    milestones: [
      { id: 'm-1', action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 25_000_000, dueAt: '2026-06-30T21:59:59.999Z' },
      { id: 'm-2', action: 'Pilootlijn', instrumentCode: 'TINA', amountForeseenCents: 5_000_050, dueAt: '2026-07-31T21:59:59.999Z' },
    ],
    stage: 'test_trajectory',
  });
  t.add('trajectory.milestone_met', { milestoneId: 'm-1', evidence: 'Gehaald', stage: 'test_trajectory' }, 'rep');
  t.add('trajectory.milestone_overdue', { milestoneId: 'm-2', stage: 'test_trajectory' }, 'system');
  t.add('trajectory.evaluated_extend', { evaluationId: 'e-1', outcome: 'extend', stage: 'test_trajectory', newDueDates: [{ milestoneId: 'm-2', dueDate: '2026-09-30' }] }, 'handler', 'Meer tijd');
  t.add('trajectory.milestone_met', { milestoneId: 'm-2', evidence: 'Gehaald', stage: 'test_trajectory' }, 'rep');
  t.add('trajectory.evaluated_proceed', { evaluationId: 'e-2', outcome: 'proceed', stage: 'partnership_agreement', newDueDates: [] }, 'handler', 'Geslaagd');
  t.add('agreement.version_drafted', { version: 1, sha256: 'a1', signBy: '2026-10-30T22:59:59.999Z', supersedes: null, voidedSignatures: 0, earmarks: [{ instrumentCode: 'IWT', amountCents: 100_000_000 }], termYears: 4, stage: 'partnership_agreement' });
  t.add('agreement.signed', { version: 1, partyId: 'gov', party: 'Vlaamse Regering', sha256: 'a1', stage: 'partnership_agreement' }, 'approver');
  t.add('agreement.version_drafted', {
    version: 2, sha256: 'a2', signBy: '2026-11-30T22:59:59.999Z', supersedes: 1, voidedSignatures: 1, termYears: 4, stage: 'partnership_agreement',
    earmarks: [{ instrumentCode: 'IWT', amountCents: 100_000_000 }, { instrumentCode: 'TINA', amountCents: 50_000_050 }],
  });
  t.add('agreement.signed', { version: 2, partyId: 'gov', party: 'Vlaamse Regering', sha256: 'a2', stage: 'partnership_agreement' }, 'approver');
  t.add('agreement.signed', { version: 2, partyId: 'cat', party: 'Catalisti vzw', sha256: 'a2', stage: 'partnership_agreement' }, 'rep');
  t.add('budget.earmarked', { instrumentCode: 'IWT', amountCents: 100_000_000, reference: 'v2' }, 'rep');
  t.add('budget.earmarked', { instrumentCode: 'TINA', amountCents: 50_000_050, reference: 'v2' }, 'rep');
  t.add('agreement.fully_signed', { version: 2, sha256: 'a2', earmarks: [], previous: null, stage: 'structured_dialogue' }, 'rep');
  t.add('dialogue.cycle_opened', { cycle: 1, dueAt: '2027-05-01T21:59:59.999Z', accountManagerId: 'id-handler', stage: 'structured_dialogue' }, 'system');
  t.add('dialogue.report_submitted', { cycle: 1, report: {}, stage: 'structured_dialogue' }, 'rep');
  t.add('budget.release_requested', { releaseId: 'rel-1', approvalId: 'ap-3', instrumentCode: 'IWT', amountCents: 30_000_000, basis: 'Cyclus 1', stage: 'structured_dialogue' });
  t.add('approval.requested', { approvalId: 'ap-3', subjectType: 'budget_release', subjectId: 'rel-1', summary: 'IWT' });
  t.add('approval.approved', { approvalId: 'ap-3', subjectType: 'budget_release', subjectId: 'rel-1', requestedBy: 'id-handler' }, 'approver', 'Akkoord');
  t.add('budget.released', { releaseId: 'rel-1', instrumentCode: 'IWT', amountCents: 30_000_000, requestedBy: 'id-handler', movementId: 'mv-1', stage: 'structured_dialogue' }, 'approver');
  t.add('budget.release_requested', { releaseId: 'rel-2', approvalId: 'ap-4', instrumentCode: 'TINA', amountCents: 1_000, basis: 'Cyclus 1', stage: 'structured_dialogue' });
  t.add('approval.requested', { approvalId: 'ap-4', subjectType: 'budget_release', subjectId: 'rel-2', summary: 'TINA' });
  t.add('dialogue.outcome_recorded', { cycle: 1, outcome: 'on_track', actions: [], reportMissing: false, stage: 'structured_dialogue' });
  t.add('approval.sent_back', { approvalId: 'ap-4', subjectType: 'budget_release', subjectId: 'rel-2', requestedBy: 'id-handler' }, 'approver', 'Nee');
  t.add('case.account_manager_changed', { from: 'id-handler', to: 'id-handler2', stage: 'structured_dialogue' }, 'admin');
  t.add('budget.earmark_released', { instrumentCode: 'IWT', amountCents: 70_000_000, reference: 'Afsluiting' }, 'handler2');
  t.add('budget.earmark_released', { instrumentCode: 'TINA', amountCents: 50_000_050, reference: 'Afsluiting' }, 'handler2');
  t.add('case.closed', { reason: 'ended_early', finalReport: 'Klaar', returnedCents: 120_000_050, stage: 'closed' }, 'handler2', 'Europees partnerschap');
  return t;
}

describe('the case rebuilt as of a moment from its audit events', () => {
  const t = wholeCase();

  it('knows nothing before the case was created', () => {
    const projection = new CaseAsOfProjection(CASE, new Date(T0));
    expect(projection.apply(t.events[0]!)).toBe(false);
    expect(projection.caseExisted).toBe(false);
    expect(projection.result()).toMatchObject({ eventsApplied: 0, lastEvent: null, stage: null });
  });

  it('after the submission: the frozen version, the stage, nothing assessed yet', () => {
    const v = t.at(t.after('roadmap.submitted'));
    expect(v).toMatchObject({ stage: 'quality_assessment', clusterName: 'Duurzame chemie', accountManagerId: 'id-handler', eventsApplied: 3, lastEvent: { seq: 3, hash: 'h3' } });
    expect(v.roadmap.current).toMatchObject({ version: 2, kind: 'submitted', sha256: 'd1', by: { name: 'rep' } });
    expect(v.roadmap.versions.map((r) => `${r.kind}:${r.version}`)).toEqual(['draft:1', 'submitted:2']);
    expect(v.assessment).toEqual({ roadmapVersion: 2, assessors: [], conclusion: null });
    expect(v.decision).toBeNull();
  });

  it('during the assessment: each assessor with their declaration and scores', () => {
    const v = t.at(t.after('assessment.concluded_proceed'));
    expect(v.stage).toBe('advice');
    expect(v.assessment.assessors).toEqual([
      { assessorId: 'id-a', assessorName: 'a', status: 'submitted', submittedAt: expect.any(String), gateAnswers: [{ code: 'G1', answer: true }], scores: [{ code: 'C1', score: 4 }, { code: 'C2', score: 3 }] },
      { assessorId: 'id-b', assessorName: 'b', status: 'submitted', submittedAt: expect.any(String), gateAnswers: [{ code: 'G1', answer: true }], scores: [{ code: 'C1', score: 3 }, { code: 'C2', score: 2 }] },
      { assessorId: 'id-c', assessorName: 'c', status: 'conflict_declared', submittedAt: null, gateAnswers: [], scores: [] },
    ]);
    expect(v.assessment.conclusion).toMatchObject({ roadmapVersion: 2, outcome: 'proceed', remarks: 'Sterk', by: { userId: 'id-handler' } });
  });

  it('the advice round: given, open and lapsed, each with its moment', () => {
    const midway = t.at(t.after('advice.given'));
    expect(midway.advice.councils.map((c) => `${c.councilCode}:${c.status}`)).toEqual(['RI:open', 'SERV:advised', 'VRWI:open']);
    const done = t.at(t.after('advice.round_closed'));
    expect(done.stage).toBe('decision');
    expect(done.advice).toMatchObject({ round: 1, roadmapVersion: 2 });
    expect(done.advice.councils).toEqual([
      expect.objectContaining({ councilCode: 'RI', status: 'lapsed', position: null, by: null, at: expect.any(String) }),
      expect.objectContaining({ councilCode: 'SERV', status: 'advised', position: 'positive', by: { userId: 'id-serv', name: 'serv' } }),
      expect.objectContaining({ councilCode: 'VRWI', status: 'advised', position: 'conditional' }),
    ]);
  });

  it('the decision: a send-back, then the new version approved by another person', () => {
    expect(t.at(t.after('approval.sent_back')).decision).toMatchObject({ decisionId: 'd-1', status: 'sent_back', decidedBy: { name: 'approver' }, comment: 'Motiveer beter' });
    const v = t.at(t.after('decision.approved'));
    expect(v.stage).toBe('test_trajectory');
    expect(v.decision).toMatchObject({
      decisionId: 'd-2', version: 2, outcome: 'approve_with_conditions', conditions: 'Jaarlijks rapport', roadmapVersion: 2,
      status: 'approved', approvalId: 'ap-2', proposedBy: { name: 'handler' }, decidedBy: { name: 'approver' },
    });
  });

  it('the trajectory: met, overdue, extended with new due dates', () => {
    const overdue = t.at(t.after('trajectory.milestone_overdue'));
    expect(overdue.trajectory.pilot).toBe(true);
    expect(overdue.trajectory.milestones.map((m) => `${m.milestoneId}:${m.status}:${m.overdue}`)).toEqual(['m-1:met:false', 'm-2:planned:true']);
    const extended = t.at(t.after('trajectory.evaluated_extend'));
    expect(extended.trajectory.milestones[1]).toMatchObject({ overdue: false, dueAt: '2026-09-30T21:59:59.999Z' });
    expect(extended.trajectory.evaluation).toMatchObject({ outcome: 'extend', evaluation: 'Meer tijd' });
    expect(t.at(t.after('trajectory.evaluated_proceed')).stage).toBe('partnership_agreement');
  });

  it('the agreement: a new version voids the signatures of the one being signed', () => {
    const v = t.at(t.after('agreement.fully_signed'));
    expect(v.stage).toBe('structured_dialogue');
    expect(v.agreement.inForceVersion).toBe(2);
    expect(v.agreement.versions.map((a) => `${a.version}:${a.status}`)).toEqual(['1:superseded', '2:signed']);
    expect(v.agreement.versions[0]!.signatures).toEqual([expect.objectContaining({ partyId: 'gov', voided: true })]);
    expect(v.agreement.versions[1]!.signatures).toEqual([
      { partyId: 'gov', party: 'Vlaamse Regering', signer: { userId: 'id-approver', name: 'approver' }, signedAt: expect.any(String), sha256: 'a2', voided: false },
      expect.objectContaining({ partyId: 'cat', signer: { userId: 'id-rep', name: 'rep' }, sha256: 'a2' }),
    ]);
    expect(v.budget).toEqual([
      { instrumentCode: 'IWT', earmarkedCents: 100_000_000, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 100_000_000 },
      { instrumentCode: 'TINA', earmarkedCents: 50_000_050, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 50_000_050 },
    ]);
  });

  it('the budget to the cent: requested, approved and released, sent back, and given back at closure', () => {
    const requested = t.at(t.after('budget.release_requested'));
    expect(requested.budget[0]).toEqual({ instrumentCode: 'IWT', earmarkedCents: 100_000_000, requestedCents: 30_000_000, approvedCents: 0, releasedCents: 0, remainingCents: 100_000_000 });
    const released = t.at(t.after('budget.released'));
    expect(released.budget[0]).toEqual({ instrumentCode: 'IWT', earmarkedCents: 100_000_000, requestedCents: 0, approvedCents: 30_000_000, releasedCents: 30_000_000, remainingCents: 70_000_000 });
    expect(released.releases[0]).toMatchObject({ releaseId: 'rel-1', status: 'approved', requestedBy: { name: 'handler' }, decidedBy: { name: 'approver' } });
    expect(t.at(t.after('dialogue.outcome_recorded')).budget[1]).toMatchObject({ instrumentCode: 'TINA', requestedCents: 1_000 });
    const closed = t.at(new Date(T0 + 1000 * HOUR));
    expect(closed.budget).toEqual([
      { instrumentCode: 'IWT', earmarkedCents: 30_000_000, requestedCents: 0, approvedCents: 30_000_000, releasedCents: 30_000_000, remainingCents: 0 },
      { instrumentCode: 'TINA', earmarkedCents: 0, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 0 },
    ]);
    expect(closed.releases[1]).toMatchObject({ releaseId: 'rel-2', status: 'sent_back' });
  });

  it('the dialogue and the closure', () => {
    const open = t.at(t.after('dialogue.report_submitted'));
    expect(open.dialogue.cycles).toEqual([expect.objectContaining({ cycle: 1, status: 'reported', reportedBy: { userId: 'id-rep', name: 'rep' }, outcome: null })]);
    expect(open.closed).toBe(false);
    const closed = t.at(new Date(T0 + 1000 * HOUR));
    expect(closed).toMatchObject({ stage: 'closed', closed: true, accountManagerId: 'id-handler2', eventsApplied: t.events.length });
    expect(closed.dialogue.cycles[0]).toMatchObject({ status: 'concluded', outcome: 'on_track' });
    expect(closed.closure).toMatchObject({ reason: 'ended_early', explanation: 'Europees partnerschap', by: { name: 'handler2' } });
  });

  it('stops at the first event recorded after the moment, even if a later one carries an earlier time', () => {
    const [created, draft, submitted, assigned] = wholeCase().events;
    const asOf = new Date(draft!.occurredAt.getTime() + 1);
    const late = { ...submitted!, occurredAt: new Date(T0 + 10 * HOUR) };
    const early = { ...assigned!, occurredAt: new Date(T0) };
    const v = projectCaseAsOf(CASE, asOf, [created!, draft!, late, early]);
    expect(v).toMatchObject({ eventsApplied: 2, lastEvent: { seq: 2 }, stage: 'roadmap_drafting' });
  });

  it('closes on a rejection without case.closed, naming the reason', () => {
    const r = new Trail();
    r.add('case.created', { clusterName: 'X', accountManagerId: 'id-handler', stage: 'roadmap_drafting' });
    r.add('assessment.concluded_reject', { roadmapVersion: 2, outcome: 'reject', assessments: 2, stage: 'closed' }, 'handler', 'Onvoldoende');
    expect(r.at(r.after('assessment.concluded_reject'))).toMatchObject({ closed: true, closure: { reason: 'assessment_rejected', explanation: 'Onvoldoende' } });
  });

  it('reads events recorded before they carried the stage: creation and closure give it, others keep it', () => {
    const r = new Trail();
    r.add('case.created', { clusterName: 'Oud', accountManagerId: 'id-handler' });
    expect(r.at(r.after('case.created')).stage).toBe('roadmap_drafting');
    r.add('roadmap.submitted', { version: 2, sha256: 'x', stage: 'quality_assessment' });
    r.add('assessment.assessors_assigned', { roadmapVersion: 2, assessorIds: ['id-a'] });
    expect(r.at(r.after('assessment.assessors_assigned')).stage).toBe('quality_assessment');
    r.add('case.closed', { reason: 'term_completed' });
    expect(r.at(r.after('case.closed'))).toMatchObject({ stage: 'closed', closure: { reason: 'term_completed' } });
  });
});
