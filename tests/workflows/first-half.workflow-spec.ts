import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  assignAssessorsUpdate,
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseWorkflowId,
  concludeAssessmentUpdate,
  decideApprovalUpdate,
  declareConflictUpdate,
  decideTerminationUpdate,
  proposeDecisionUpdate,
  proposeTerminationUpdate,
  registerCaseUpdate,
  saveRoadmapDraftUpdate,
  submitAdviceUpdate,
  submitAssessmentUpdate,
  submitRoadmapUpdate,
  type CaseWorkflowInput,
} from '@cluster/contracts';
import { AuditService } from '@cluster/audit';
import { addDays, belgianPublicHolidays, brusselsDate, isWorkingDay, type AdvicePosition } from '@cluster/domain';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/temporal';
import { caseDetails, demoUser, meta, roadmap } from '../support/fixtures';
import { recordHistoryIfAsked } from './histories/record';
import { assessment, proposal } from '../support/first-half';

const DAY = 86_400_000;

/**
 * The first half of a case on the time-skipping server with the real policy terms: weeks pass
 * in milliseconds, and every timer fires when the legal calendar says so.
 */
describe('case process, first half, on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let audit: AuditService;

  beforeAll(async () => {
    h = await startTimeSkippingHarness('first-half');
    audit = new AuditService(h.db.db);
  });
  afterAll(() => h?.stop());

  /** Advice from the council's own member (the API checks the council binding; see the e2e test). */
  const advise = (handle: WorkflowHandle, councilCode: string, position: AdvicePosition, text: string) =>
    handle.executeUpdate(submitAdviceUpdate, {
      args: [{ meta: meta(`council-${councilCode.toLowerCase()}`), councilCode, position, text }],
    });

  async function caseAtAssessment(): Promise<{ caseId: string; handle: WorkflowHandle }> {
    const caseId = randomUUID();
    const input: CaseWorkflowInput = { caseId, details: caseDetails() };
    const handle = await h.env.client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: caseWorkflowId(caseId), taskQueue: h.taskQueue, args: [input] });
    await handle.executeUpdate(registerCaseUpdate, { args: [{ meta: meta() }] });
    await handle.executeUpdate(saveRoadmapDraftUpdate, { args: [{ meta: meta('handler'), content: roadmap() }] });
    await handle.executeUpdate(submitRoadmapUpdate, { args: [{ meta: meta('handler') }] });
    return { caseId, handle };
  }

  async function assess(handle: WorkflowHandle, assessors = ['assessor-a', 'assessor-b']) {
    await handle.executeUpdate(assignAssessorsUpdate, { args: [{ meta: meta('handler'), assessorIds: assessors.map((s) => demoUser(s).id) }] });
    for (const subject of assessors) {
      await handle.executeUpdate(declareConflictUpdate, { args: [{ meta: meta(subject), hasConflict: false }] });
      await handle.executeUpdate(submitAssessmentUpdate, { args: [{ meta: meta(subject), content: assessment() }] });
    }
  }

  it('refuses a conclusion before enough assessments, loops back on revise and assesses the new version again', async () => {
    const { caseId, handle } = await caseAtAssessment();
    await handle.executeUpdate(assignAssessorsUpdate, { args: [{ meta: meta('handler'), assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] }] });
    await handle.executeUpdate(declareConflictUpdate, { args: [{ meta: meta('assessor-a'), hasConflict: false }] });
    await handle.executeUpdate(submitAssessmentUpdate, { args: [{ meta: meta('assessor-a'), content: assessment() }] });

    await expect(handle.executeUpdate(concludeAssessmentUpdate, { args: [{ meta: meta('handler'), outcome: 'proceed', remarks: 'te vroeg' }] }))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT', message: expect.stringMatching(/needs 2 independent assessments; 1 are in/) } });

    // A declared conflict excludes the assessor.
    await handle.executeUpdate(declareConflictUpdate, { args: [{ meta: meta('assessor-b'), hasConflict: true, note: 'Bestuurder bij een trekker' }] });
    await expect(handle.executeUpdate(submitAssessmentUpdate, { args: [{ meta: meta('assessor-b'), content: assessment() }] }))
      .rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });
    await handle.executeUpdate(assignAssessorsUpdate, { args: [{ meta: meta('handler'), assessorIds: [demoUser('handler2').id] }] });
    await handle.executeUpdate(declareConflictUpdate, { args: [{ meta: meta('handler2'), hasConflict: false }] });
    await handle.executeUpdate(submitAssessmentUpdate, { args: [{ meta: meta('handler2'), content: assessment(3) }] });

    const revised = await handle.executeUpdate(concludeAssessmentUpdate, { args: [{ meta: meta('handler'), outcome: 'revise', remarks: 'Verduidelijk de engagementen.' }] });
    expect(revised).toEqual({ outcome: 'revise', stage: 'roadmap_drafting' });

    await handle.executeUpdate(saveRoadmapDraftUpdate, { args: [{ meta: meta('handler'), content: roadmap({ horizonYear: 2036 }) }] });
    const resubmitted = await handle.executeUpdate(submitRoadmapUpdate, { args: [{ meta: meta('handler') }] });
    expect(await handle.query(caseStateQuery)).toMatchObject({ stage: 'quality_assessment', submittedVersion: resubmitted.version, assessors: {} });
    await assess(handle);
    // A rejection ends the case: one person proposes it, another approves it (four eyes).
    await expect(handle.executeUpdate(concludeAssessmentUpdate, { args: [{ meta: meta('handler'), outcome: 'reject', remarks: 'Onvoldoende hefboom.' }] }))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT', message: expect.stringMatching(/vier ogen.*four eyes/) } });
    const proposed = await handle.executeUpdate(proposeTerminationUpdate, { args: [{ meta: meta('handler'), kind: 'assessment_rejection', reason: 'Onvoldoende hefboom.' }] });
    expect(proposed).toMatchObject({ kind: 'assessment_rejection', stage: 'quality_assessment', proposedBy: demoUser('handler').id });
    await expect(handle.executeUpdate(concludeAssessmentUpdate, { args: [{ meta: meta('handler'), outcome: 'proceed', remarks: 'Toch door.' }] }))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT', message: expect.stringMatching(/afwijzing na de beoordeling.*rejection at the assessment awaits approval/) } });
    const self = { ...meta('handler'), actor: { ...meta('handler').actor, role: 'approver' as const } };
    await expect(handle.executeUpdate(decideTerminationUpdate, { args: [{ meta: self, approvalId: proposed.approvalId, decision: 'approve', comment: 'eigen' }] }))
      .rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });
    expect(await handle.executeUpdate(decideTerminationUpdate, { args: [{ meta: meta('approver'), approvalId: proposed.approvalId, decision: 'approve', comment: 'Akkoord.' }] }))
      .toMatchObject({ kind: 'assessment_rejection', decision: 'approve', stage: 'closed' });
    await expect(handle.result()).resolves.toBeUndefined();

    const actions = (await audit.listCase(caseId, 100, 0)).items.map((e) => e.action);
    expect(actions.filter((a) => a === 'roadmap.submitted')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['assessment.conflict_declared', 'assessment.concluded_revise', 'assessment.concluded_reject']));
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
  });

  it('runs the advice round on legal time: reminders, a lapse, late advice refused, then a four-eyes decision', async () => {
    const { caseId, handle } = await caseAtAssessment();
    await assess(handle);
    const start = Number(await h.env.currentTimeMs());
    await handle.executeUpdate(concludeAssessmentUpdate, { args: [{ meta: meta('handler'), outcome: 'proceed', remarks: 'Goede roadmap.' }] });

    // The round opens by itself; due dates follow the working-day calendar.
    let state = await handle.query(caseStateQuery);
    for (let i = 0; i < 50 && Object.keys(state.advice).length < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await handle.query(caseStateQuery);
    }
    expect(state.stage).toBe('advice');
    const due = new Date(state.advice.RI!.dueAt);
    expect(isWorkingDay(brusselsDate(due))).toBe(true);
    expect(due.getTime() - start).toBeGreaterThanOrEqual(30 * DAY - DAY);

    // SERV advises on day 3; a SERV advice twice is refused (final).
    await h.env.sleep('3 days');
    await advise(handle, 'SERV', 'positive', 'Gunstig advies.');
    await expect(advise(handle, 'SERV', 'negative', 'Toch niet.'))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT' } });

    // VRWI advises on the last day, conditionally.
    await h.env.sleep(due.getTime() - Number(await h.env.currentTimeMs()) - DAY / 2);
    await advise(handle, 'VRWI', 'conditional', 'Gunstig mits een sterkere portfolio.');

    // RI lets its term pass: recorded as no advice within the term, then late advice is refused.
    await h.env.sleep(DAY);
    for (let i = 0; i < 50 && (await handle.query(caseStateQuery)).stage !== 'decision'; i++) await new Promise((r) => setTimeout(r, 100));
    await expect(advise(handle, 'RI', 'positive', 'Te laat.'))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT' } });
    expect((await handle.query(caseStateQuery)).stage).toBe('decision');

    const events = (await audit.listCase(caseId, 200, 0)).items;
    const riReminders = events.filter((e) => e.action === 'term.reminder_sent' && e.payload.subject === 'advice-RI');
    expect(riReminders.map((e) => Math.round((due.getTime() - e.occurredAt.getTime()) / DAY))).toEqual([7, 1]);
    expect(events.filter((e) => e.action === 'advice.lapsed').map((e) => e.payload.councilCode)).toEqual(['RI']);
    expect(events.filter((e) => e.action === 'advice.given').map((e) => e.payload.councilCode)).toEqual(['SERV', 'VRWI']);

    // The decision: the proposer may not approve it; another approver does.
    const proposed = await handle.executeUpdate(proposeDecisionUpdate, { args: [{ meta: meta('handler'), proposal: proposal() }] });
    const selfApproval = { ...meta('handler'), actor: { ...meta('handler').actor, role: 'approver' as const } };
    await expect(handle.executeUpdate(decideApprovalUpdate, { args: [{ meta: selfApproval, approvalId: proposed.approvalId, decision: 'approve', comment: 'ok' }] }))
      .rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });
    const sentBack = await handle.executeUpdate(decideApprovalUpdate, { args: [{ meta: meta('approver'), approvalId: proposed.approvalId, decision: 'send_back', comment: 'Motiveer RI beter.' }] });
    expect(sentBack.stage).toBe('decision');
    const second = await handle.executeUpdate(proposeDecisionUpdate, { args: [{ meta: meta('handler'), proposal: proposal(['RI', 'VRWI', 'SERV'], 'approve_with_conditions') }] })
      .catch((e: { cause?: { type?: string } }) => e);
    expect(second).toMatchObject({ cause: { type: 'VALIDATION_FAILED' } }); // conditions are missing
    const third = await handle.executeUpdate(proposeDecisionUpdate, { args: [{ meta: meta('handler'), proposal: { ...proposal(), outcome: 'approve_with_conditions', conditions: 'Jaarlijkse rapportering.' } }] });
    expect(third.version).toBe(2);
    const approved = await handle.executeUpdate(decideApprovalUpdate, { args: [{ meta: meta('approver'), approvalId: third.approvalId, decision: 'approve', comment: 'Akkoord.' }] });
    expect(approved.stage).toBe('test_trajectory');
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
    recordHistoryIfAsked('caseWorkflow-first-half-to-decision', await handle.fetchHistory());
  });

  it('knows the Flemish holidays the terms skip', () => {
    expect(belgianPublicHolidays(2026)).toContain('2026-07-11');
    expect(isWorkingDay('2026-07-13')).toBe(true);
    expect(addDays(new Date('2026-06-11T10:00:00Z'), 30).toISOString().slice(0, 10)).toBe('2026-07-11');
  });
});
