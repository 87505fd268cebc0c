import { caseStateQuery, draftAgreementUpdate, recordDialogueOutcomeUpdate, signAgreementUpdate, submitDialogueReportUpdate } from '@cluster/contracts';
import { AuditService } from '@cluster/audit';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/temporal';
import { meta } from '../support/fixtures';
import { amendmentContent, driveToDialogue, poll } from '../support/drive';

const DAY = 86_400_000;

/**
 * An amendment's signing deadline that passes after the dialogue cycle it was drafted in has
 * continued as new: the next run takes over the deadline (reminders and the escalation).
 */
describe('an amendment left unsigned across a dialogue cycle', () => {
  let h: TimeSkippingHarness;

  beforeAll(async () => {
    h = await startTimeSkippingHarness('amend-lapse');
  });
  afterAll(() => h?.stop());

  it('is reminded and escalated by the next run when its signing deadline passes', async () => {
    const { caseId, workflowId } = await driveToDialogue(h.env.client, h.taskQueue, { now: new Date(Number(await h.env.currentTimeMs())) });
    const wf = h.env.client.workflow.getHandle(workflowId);
    const u = <R = unknown>(def: { name: string }, arg: unknown): Promise<R> => wf.executeUpdate(def.name, { args: [arg] }) as Promise<R>;
    await poll(async () => (await wf.query(caseStateQuery)).dialogueCycle === 1);

    const amendment = await u<{ sha256: string; signBy: string; version: number; agreementVersionId: string; reminderDaysBefore: number[] }>(draftAgreementUpdate, {
      meta: meta(),
      content: amendmentContent([{ instrumentCode: 'IWT', amountCents: 1_100_000_00 }], 4, 'Overeenkomst, wijziging die de cluster niet tekent.'),
    });
    await u(signAgreementUpdate, { meta: meta('approver'), sha256: amendment.sha256, partyId: 'vlaamse-overheid' });
    await u(submitDialogueReportUpdate, { meta: meta('handler'), cycle: 1, report: { milestoneProgress: 'Op schema', portfolioProgress: 'Tien projecten' } });
    await u(recordDialogueOutcomeUpdate, { meta: meta(), cycle: 1, outcome: 'on_track', actions: [] });
    await poll(async () => (await wf.query(caseStateQuery)).dialogueCycle === 2);

    // Just before the deadline: reminded by the new run's term, not escalated yet.
    await h.env.sleep(new Date(amendment.signBy).getTime() - Number(await h.env.currentTimeMs()) - 60_000);
    const openKinds = async () => (await h.db.db.repos.tasks.listOpenForCase(caseId)).map((t) => t.kind);
    expect(await openKinds()).not.toContain('agreement_overdue');
    // Past it: escalated to the account manager.
    await h.env.sleep(DAY);
    expect(await openKinds()).toContain('agreement_overdue');

    const overdue = (await h.db.db.repos.tasks.listOpenForCase(caseId)).filter((t) => t.kind === 'agreement_overdue');
    expect(overdue.map((t) => t.subjectId)).toEqual([amendment.agreementVersionId]);
    const audit = new AuditService(h.db.db);
    const events = (await audit.listCase(caseId, 2000, 0)).items;
    const reminders = events.filter((e) => e.action === 'term.reminder_sent' && e.payload.subject === `signing-v${amendment.version}`);
    // Each reminder once, although two runs' terms watched the same deadline.
    expect(amendment.reminderDaysBefore.length).toBeGreaterThan(0);
    expect(reminders).toHaveLength(amendment.reminderDaysBefore.length);
    // The earmarks stay those of the signed agreement; the amendment is still awaiting signatures.
    expect((await h.db.db.repos.budget.lines(caseId)).map((l) => [l.instrumentCode, l.earmarkedCents])).toEqual([['IWT', 1_000_000_00]]);
    expect((await h.db.db.repos.agreements.versions(caseId)).map((v) => [v.version, v.status])).toEqual([[1, 'signed'], [2, 'signing']]);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
  });
});
