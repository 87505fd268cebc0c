import type { WorkflowHandle } from '@temporalio/client';
import {
  caseStateQuery,
  closeCaseUpdate,
  decideTerminationUpdate,
  proposeTerminationUpdate,
  recordDialogueOutcomeUpdate,
  requestReleaseUpdate,
  submitDialogueReportUpdate,
  signAgreementUpdate,
  termWorkflowId,
} from '@cluster/contracts';
import { AuditService } from '@cluster/audit';
import { staleReason } from '@cluster/domain';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/temporal';
import { demoUser, meta } from '../support/fixtures';
import { driveToAdvice, driveToDialogue, poll } from '../support/drive';
import { recordHistoryIfAsked } from './histories/record';


/**
 * A withdrawal (four eyes) where the case process runs on by itself: during the advice, whose
 * round must not close into the decision stage afterwards, and during the dialogue, whose cycles
 * must stop (no continue-as-new); no term child may be left running.
 */
describe('withdrawal of a case on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let audit: AuditService;

  beforeAll(async () => {
    h = await startTimeSkippingHarness('withdrawal');
    audit = new AuditService(h.db.db);
  });
  afterAll(() => h?.stop());

  const approverMeta = (subject: string) => ({ ...meta(subject), actor: { ...meta(subject).actor, role: 'approver' as const } });
  const statusOf = async (workflowId: string) => (await h.env.client.workflow.getHandle(workflowId).describe()).status.name;
  const actions = async (caseId: string) => (await audit.listCase(caseId, 2000, 0)).items.map((e) => `${e.action}:${e.actorRole}`);

  it('during the advice: the terms stop, the requests are withdrawn, the round never closes into the decision', async () => {
    const { caseId, workflowId } = await driveToAdvice(h.env.client, h.taskQueue);
    const wf: WorkflowHandle = h.env.client.workflow.getHandle(workflowId);
    const terms = ['RI', 'VRWI', 'SERV'].map((code) => termWorkflowId(caseId, `advice-1-${code}`));
    await poll(async () => (await Promise.all(terms.map(statusOf))).every((s) => s === 'RUNNING'));

    const proposed = await wf.executeUpdate(proposeTerminationUpdate, { args: [{ meta: meta('handler'), kind: 'case_withdrawal', reason: 'De cluster trekt zijn kandidatuur in.' }] });
    expect(proposed).toMatchObject({ kind: 'case_withdrawal', stage: 'advice', proposedBy: demoUser('handler').id });
    expect(await wf.query(caseStateQuery)).toMatchObject({ stage: 'advice', pendingTermination: { approvalId: proposed.approvalId, kind: 'case_withdrawal' } });
    await expect(wf.executeUpdate(proposeTerminationUpdate, { args: [{ meta: meta('handler2'), kind: 'case_withdrawal', reason: 'Nog eens intrekken.' }] }))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT', message: expect.stringMatching(/already awaits approval/) } });
    // Four eyes: the proposer, even with the approver's role, does not decide.
    await expect(wf.executeUpdate(decideTerminationUpdate, { args: [{ meta: approverMeta('handler'), approvalId: proposed.approvalId, decision: 'approve', comment: 'eigen' }] }))
      .rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });

    const decided = await wf.executeUpdate(decideTerminationUpdate, { args: [{ meta: meta('approver'), approvalId: proposed.approvalId, decision: 'approve', comment: 'Akkoord met de intrekking.' }] });
    expect(decided).toMatchObject({ kind: 'case_withdrawal', decision: 'approve', stage: 'closed' });
    await expect(wf.result()).resolves.toBeUndefined();
    expect(await Promise.all(terms.map(statusOf))).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(await Promise.all(terms.map((t) => h.env.client.workflow.getHandle(t).result()))).toEqual(['satisfied', 'satisfied', 'satisfied']);

    // Case and terms have ended (above): no reminder, lapse or round closing can speak of the closed case.
    expect((await h.db.db.repos.cases.findById(caseId))!.stage).toBe('closed');
    expect((await h.db.db.repos.advice.forCase(caseId)).map((r) => r.status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn']);
    expect(await h.db.db.repos.tasks.listOpenForCase(caseId)).toEqual([]);
    expect(await h.db.db.repos.dialogue.closure(caseId)).toMatchObject({ reason: 'withdrawn', closedBy: demoUser('handler').id, explanation: 'De cluster trekt zijn kandidatuur in.' });
    const trail = await actions(caseId);
    expect(trail.slice(-4)).toEqual(['case.withdrawal_proposed:case_handler', 'approval.requested:case_handler', 'approval.approved:approver', 'case.closed:approver']);
    expect(trail.filter((a) => /advice\.(lapsed|round_closed)|term\./.test(a))).toEqual([]);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
    recordHistoryIfAsked('caseWorkflow-withdrawn-in-advice', await wf.fetchHistory());
  });

  it('during the dialogue: a proposal sent back changes nothing, one kept across cycles closes the case and supersedes a pending release', async () => {
    const { caseId, workflowId } = await driveToDialogue(h.env.client, h.taskQueue, { now: new Date(Number(await h.env.currentTimeMs())) });
    const wf = () => h.env.client.workflow.getHandle(workflowId);
    const u = <R>(def: { name: string }, arg: unknown): Promise<R> => wf().executeUpdate(def.name, { args: [arg] }) as Promise<R>;

    // Sent back: the case runs on, and a new proposal may follow.
    const first = await u<{ approvalId: string }>(proposeTerminationUpdate, { meta: meta('handler'), kind: 'case_withdrawal', reason: 'Eerste voorstel tot intrekking.' });
    expect(await u(decideTerminationUpdate, { meta: meta('approver'), approvalId: first.approvalId, decision: 'send_back', comment: 'Eerst het verslag afwachten.' }))
      .toMatchObject({ decision: 'send_back', stage: 'structured_dialogue' });
    expect(await wf().query(caseStateQuery)).toMatchObject({ stage: 'structured_dialogue', pendingTermination: null });

    // An early close is no longer one person's act.
    await expect(u(closeCaseUpdate, { meta: meta('handler'), explanation: 'Vroeg afsluiten.', finalReport: 'Eindrapport.' }))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT', message: expect.stringMatching(/four eyes/) } });

    const release = await u<{ approvalId: string; releaseId: string }>(requestReleaseUpdate, { meta: meta('handler'), instrumentCode: 'IWT', amountCents: 100_000_00, justification: 'Eerste tranche', basis: 'Cyclus 1' });
    const second = await u<{ approvalId: string }>(proposeTerminationUpdate, { meta: meta('handler'), kind: 'case_withdrawal', reason: 'De cluster houdt op te bestaan.' });
    // While it waits, nothing moves the case on (here: a signature that would settle an amendment).
    await expect(u(signAgreementUpdate, { meta: meta('approver'), sha256: '0'.repeat(64), partyId: 'vlaamse-overheid' }))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT', message: expect.stringMatching(/withdrawal of the case awaits approval/) } });

    // The cycle ends (continue-as-new); the pending withdrawal travels to the next run.
    await u(submitDialogueReportUpdate, { meta: meta('handler'), cycle: 1, report: { milestoneProgress: 'Stilgevallen.', portfolioProgress: 'Geen projecten meer.' } });
    await u(recordDialogueOutcomeUpdate, { meta: meta('handler'), cycle: 1, outcome: 'off_track', actions: [] });
    await poll(async () => (await wf().query(caseStateQuery)).dialogueCycle === 2 && (await h.db.db.repos.dialogue.cycle(caseId, 2)) !== null);
    expect(await wf().query(caseStateQuery)).toMatchObject({ dialogueCycle: 2, pendingTermination: { approvalId: second.approvalId, kind: 'case_withdrawal' } });

    expect(await u(decideTerminationUpdate, { meta: meta('approver'), approvalId: second.approvalId, decision: 'approve', comment: 'Akkoord.' })).toMatchObject({ stage: 'closed' });
    await expect(wf().result()).resolves.toBeUndefined();
    expect((await wf().describe()).status.name).toBe('COMPLETED'); // ended, not continued as new
    expect(await statusOf(termWorkflowId(caseId, 'dialogue-report-2'))).toBe('COMPLETED');

    // The run ended without continuing as new: no later cycle can open.
    expect((await h.db.db.repos.dialogue.cycles(caseId)).map((c) => c.cycle)).toEqual([1, 2]);
    const approval = await h.db.db.repos.approvals.findById(release.approvalId);
    expect(approval).toMatchObject({ status: 'superseded', comment: staleReason({ kind: 'case_withdrawn', explanation: 'De cluster houdt op te bestaan.' }), decidedBy: null });
    expect((await h.db.db.repos.budget.releaseById(release.releaseId))!.status).toBe('superseded');
    // Nothing was released: the whole earmark went back at the closure.
    expect((await h.db.db.repos.budget.lines(caseId)).map((l) => [l.instrumentCode, l.earmarkedCents, l.releasedCents])).toEqual([['IWT', 0, 0]]);
    expect(await h.db.db.repos.tasks.listOpenForCase(caseId)).toEqual([]);
    const trail = await actions(caseId);
    expect(trail).toEqual(expect.arrayContaining(['approval.sent_back:approver', 'approval.superseded:approver', 'budget.earmark_released:approver']));
    expect(trail.at(-1)).toBe('case.closed:approver');
    expect(trail.filter((a) => a.startsWith('dialogue.cycle_opened'))).toHaveLength(2);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
  });
});
