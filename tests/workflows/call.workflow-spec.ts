import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  CALL_WORKFLOW_TYPE,
  CASE_WORKFLOW_TYPE,
  callStateQuery,
  callWorkflowId,
  caseStateQuery,
  caseWorkflowId,
  decideSelectionUpdate,
  openCallUpdate,
  proposeSelectionUpdate,
  registerCaseUpdate,
  saveRoadmapDraftUpdate,
  submitRoadmapUpdate,
  type CallWorkflowInput,
} from '@cluster/contracts';
import { AuditService } from '@cluster/audit';
import { assessAndConclude } from '../support/case-steps';
import { directCommands, poll } from '../support/drive';
import { callBody, caseDetails, meta, roadmap } from '../support/fixtures';
import { createServices } from '../support/services';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/temporal';

const DAY = 86_400_000;

/**
 * A call's own durable process on skipped time: its deadline reminds the candidates still
 * drafting and closes registration; its selection, four eyes, moves the selected candidates on to
 * the councils' advice and closes the others with the reason (issue 14, "Tests that must exist").
 */
describe('callWorkflow on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let services: ReturnType<typeof createServices>;
  let audit: AuditService;
  const callId = randomUUID();
  let call: WorkflowHandle;
  let closesAt: Date;
  const candidates: Record<'strong' | 'good' | 'weak' | 'late', string> = { strong: '', good: '', weak: '', late: '' };

  beforeAll(async () => {
    h = await startTimeSkippingHarness('call');
    services = createServices(h.db.db);
    audit = new AuditService(h.db.db);
  });
  afterAll(() => h?.stop());

  const systemEvents = async (callIdOf: string) =>
    (await h.db.sql<{ action: string; payload: Record<string, unknown> }>(h.db.ownerUrl, `SELECT action, payload FROM audit_events WHERE case_id IS NULL AND payload->>'callId' = $1 ORDER BY seq`, [callIdOf]));

  async function newCandidate(name: string): Promise<string> {
    const caseId = randomUUID();
    await h.env.client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: caseWorkflowId(caseId), taskQueue: h.taskQueue, args: [{ caseId, details: caseDetails({ clusterName: name }) }] });
    await h.env.client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(registerCaseUpdate, { args: [{ meta: meta('handler') }] });
    await services.calls.register(caseId, callId, meta('handler').actor, randomUUID());
    return caseId;
  }

  it('reminds the candidates still drafting and closes registration at its deadline', async () => {
    const input: CallWorkflowInput = { callId, input: callBody('Oproep speerpuntclusters 2027', { maxSelected: 2 }) };
    call = await h.env.client.workflow.start(CALL_WORKFLOW_TYPE, { workflowId: callWorkflowId(callId), taskQueue: h.taskQueue, args: [input] });
    const opened = await call.executeUpdate(openCallUpdate, { args: [{ meta: meta('policy-owner') }], updateId: randomUUID() });
    closesAt = new Date(opened.registrationClosesAt);

    for (const [key, name] of [['strong', 'Sterke cluster'], ['good', 'Goede cluster'], ['weak', 'Zwakkere cluster'], ['late', 'Late cluster']] as const) candidates[key] = await newCandidate(name);
    // Three are assessed in time (scores 5, 4 and 3 of 5); the fourth never submits its roadmap.
    for (const [key, score] of [['strong', 5], ['good', 4], ['weak', 3]] as const) {
      await assessAndConclude(directCommands(h.env.client, caseWorkflowId(candidates[key])), score);
      expect((await h.env.client.workflow.getHandle(caseWorkflowId(candidates[key])).query(caseStateQuery)).stage).toBe('selection');
    }

    await h.env.sleep(closesAt.getTime() - Number(await h.env.currentTimeMs()) + DAY);
    await poll(async () => (await call.query(callStateQuery)).registrationClosed);
    expect(await call.query(callStateQuery)).toMatchObject({ opened: true, registrationClosed: true, remindersSent: 2, selection: 'none' });

    const events = await systemEvents(callId);
    expect(events.map((e) => e.action)).toEqual(['call.opened', 'call.reminder_sent', 'call.reminder_sent', 'call.registration_closed']);
    expect(events.filter((e) => e.action === 'call.reminder_sent').map((e) => [e.payload.daysBefore, e.payload.cases])).toEqual([
      [14, [candidates.late]],
      [3, [candidates.late]],
    ]);
    const [row] = await h.db.sql<{ status: string }>(h.db.ownerUrl, `SELECT status FROM calls WHERE id = $1`, [callId]);
    expect(row!.status).toBe('registration_closed');
    const reminders = await h.db.sql<{ title: string }>(h.db.ownerUrl, `SELECT title FROM notifications WHERE kind = 'call_deadline_reminder' AND case_id = $1`, [candidates.late]);
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    expect(reminders[0]!.title).toContain('Oproep speerpuntclusters 2027');

    // Registration has closed: the late candidate can no longer submit.
    const late = directCommands(h.env.client, caseWorkflowId(candidates.late));
    await late.send(saveRoadmapDraftUpdate, 'handler', (m) => ({ meta: m, content: roadmap() }));
    await expect(late.send(submitRoadmapUpdate, 'handler', (m) => ({ meta: m }))).rejects.toMatchObject({
      cause: { type: 'STAGE_CONFLICT', message: expect.stringContaining('kan voor deze oproep niet meer worden ingediend') },
    });
  });

  it('moves the selected candidates on and closes the others with the reason, four eyes', async () => {
    const comparison = await services.selections.comparison(callId);
    expect(comparison.notReady).toBeNull();
    expect(comparison.candidates.map((c) => [c.clusterName, c.standing, c.proposedRank])).toEqual([
      ['Sterke cluster', 'eligible', 1],
      ['Goede cluster', 'eligible', 2],
      ['Zwakkere cluster', 'eligible', 3],
      ['Late cluster', 'not_in_time', null],
    ]);

    const reason = 'De twee sterkste routekaarten passen binnen de envelop.';
    const weakReason = 'Minder sterke internationale positionering dan de twee geselecteerde kandidaten.';
    const proposal = { selected: [candidates.strong, candidates.good], notSelected: [{ caseId: candidates.weak, reason: weakReason }], reason };
    const proposed = await call.executeUpdate(proposeSelectionUpdate, { args: [{ meta: meta('policy-owner'), proposal }], updateId: randomUUID() });
    // Four eyes: the proposer cannot approve their own selection.
    await expect(
      call.executeUpdate(decideSelectionUpdate, { args: [{ meta: meta('policy-owner'), selectionId: proposed.selectionId, decision: 'approve', comment: 'Zelf goedgekeurd' }], updateId: randomUUID() }),
    ).rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });
    const decided = await call.executeUpdate(decideSelectionUpdate, {
      args: [{ meta: meta('approver'), selectionId: proposed.selectionId, decision: 'approve', comment: 'Akkoord met de selectie.' }],
      updateId: randomUUID(),
    });
    expect(decided.outcomes.map((o) => [o.caseId, o.outcome])).toEqual([
      [candidates.strong, 'selected'],
      [candidates.good, 'selected'],
      [candidates.weak, 'not_selected'],
      [candidates.late, 'not_selected'],
    ]);

    await call.result(); // the call's process ends once every candidate has been told
    expect(await call.query(callStateQuery).catch(() => null)).toMatchObject({ selection: 'approved', outcomesSent: 4 });
    for (const key of ['weak', 'late'] as const) await h.env.client.workflow.getHandle(caseWorkflowId(candidates[key])).result();
    for (const key of ['strong', 'good'] as const) {
      const handle = h.env.client.workflow.getHandle(caseWorkflowId(candidates[key]));
      await poll(async () => Object.keys((await handle.query(caseStateQuery)).advice).length === 3);
      expect((await handle.query(caseStateQuery)).stage).toBe('advice');
    }

    const stages = await h.db.sql<{ id: string; stage: string }>(h.db.ownerUrl, `SELECT id, stage FROM cases WHERE call_id = $1`, [callId]);
    expect(Object.fromEntries(stages.map((s) => [s.id, s.stage]))).toEqual({ [candidates.strong]: 'advice', [candidates.good]: 'advice', [candidates.weak]: 'closed', [candidates.late]: 'closed' });
    const closures = await h.db.sql<{ case_id: string; reason: string; explanation: string }>(h.db.ownerUrl, `SELECT case_id, reason, explanation FROM case_closures WHERE case_id = ANY($1)`, [[candidates.weak, candidates.late]]);
    expect(Object.fromEntries(closures.map((c) => [c.case_id, [c.reason, c.explanation]]))).toEqual({
      [candidates.weak]: ['not_selected', weakReason],
      [candidates.late]: ['not_selected', expect.stringContaining('niet (opnieuw) ingediend')],
    });

    // The record: who proposed and approved, and the comparison's hash in each candidate's own trail.
    expect((await systemEvents(callId)).map((e) => e.action).slice(-2)).toEqual(['call.selection_proposed', 'call.selection_approved']);
    const weakTrail = (await audit.listCase(candidates.weak, 100, 0)).items;
    expect(weakTrail.at(-1)).toMatchObject({ action: 'case.closed', payload: expect.objectContaining({ reason: 'not_selected', comparisonSha256: proposed.comparisonSha256 }) });
    const strongTrail = (await audit.listCase(candidates.strong, 100, 0)).items.map((e) => e.action);
    expect(strongTrail).toContain('case.selected');
    for (const key of ['strong', 'weak'] as const) expect(await audit.verifyCase(candidates[key])).toMatchObject({ ok: true });
  });
});
