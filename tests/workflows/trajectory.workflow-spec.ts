import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  caseStateQuery,
  concludeTrajectoryUpdate,
  draftAgreementUpdate,
  planTrajectoryUpdate,
  recordMilestoneEvidenceUpdate,
  signAgreementUpdate,
} from '@cluster/contracts';
import { AuditService } from '@cluster/audit';
import { addDays, brusselsDate, type AgreementContent } from '@cluster/domain';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/temporal';
import { demoUser, meta } from '../support/fixtures';
import { recordHistoryIfAsked } from './histories/record';
import { driveToTrajectory } from '../support/drive';

const DAY = 86_400_000;

/** Step 5 on legal time: milestone reminders, an overdue escalation, an extension, then proceed. */
describe('test trajectory on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let audit: AuditService;

  beforeAll(async () => {
    h = await startTimeSkippingHarness('trajectory');
    audit = new AuditService(h.db.db);
  });
  afterAll(() => h?.stop());

  async function caseInTrajectory(): Promise<{ caseId: string; handle: WorkflowHandle }> {
    const { caseId, workflowId } = await driveToTrajectory(h.env.client, h.taskQueue);
    return { caseId, handle: h.env.client.workflow.getHandle(workflowId) };
  }

  it('reminds before each due date, escalates an unmet milestone, extends it and proceeds to the agreement', async () => {
    const { caseId, handle } = await caseInTrajectory();
    const now = new Date(Number(await h.env.currentTimeMs()));
    const day = (n: number) => brusselsDate(addDays(now, n));
    const planned = await handle.executeUpdate(planTrajectoryUpdate, {
      args: [{
        meta: meta(),
        pilot: true,
        milestones: [
          { action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 250_000_00, dueDate: day(60) },
          { action: 'Opschaling', instrumentCode: 'PMV', amountForeseenCents: 1_000_000_00, dueDate: day(90) },
        ],
      }],
    });
    const [first, second] = planned;
    await h.env.sleep(10 * DAY);
    await handle.executeUpdate(recordMilestoneEvidenceUpdate, { args: [{ meta: meta(), milestoneId: first!.milestoneId, evidence: 'Pilootlijn draait sinds vorige week.' }] });

    // The second milestone passes unmet: reminders 14 and 3 days before, then the escalation.
    await h.env.sleep(new Date(second!.dueAt).getTime() - Number(await h.env.currentTimeMs()) + DAY);
    for (let i = 0; i < 50 && !(await audit.listCase(caseId, 500, 0)).items.some((e) => e.action === 'trajectory.milestone_overdue'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const events = (await audit.listCase(caseId, 500, 0)).items;
    const reminders = events.filter((e) => e.action === 'term.reminder_sent' && e.payload.subject === `milestone-${second!.milestoneId}`);
    expect(reminders.map((e) => Math.round((new Date(second!.dueAt).getTime() - e.occurredAt.getTime()) / DAY))).toEqual([14, 3]);
    expect(events.filter((e) => e.action === 'trajectory.milestone_overdue').map((e) => e.payload.milestoneId)).toEqual([second!.milestoneId]);
    expect(events.some((e) => e.action === 'term.reminder_sent' && e.payload.subject === `milestone-${first!.milestoneId}`)).toBe(false); // met in time

    const today = brusselsDate(new Date(Number(await h.env.currentTimeMs())));
    await expect(handle.executeUpdate(concludeTrajectoryUpdate, { args: [{ meta: meta(), outcome: 'extend', evaluation: 'Meer tijd nodig.', newDueDates: [{ milestoneId: second!.milestoneId, dueDate: today }] }] }))
      .rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
    const extended = await handle.executeUpdate(concludeTrajectoryUpdate, {
      args: [{ meta: meta(), outcome: 'extend', evaluation: 'Vertraging bij de vergunning; drie maanden extra.', newDueDates: [{ milestoneId: second!.milestoneId, dueDate: brusselsDate(addDays(new Date(Number(await h.env.currentTimeMs())), 90)) }] }],
    });
    expect(extended.stage).toBe('test_trajectory');
    await handle.executeUpdate(recordMilestoneEvidenceUpdate, { args: [{ meta: meta(), milestoneId: second!.milestoneId, evidence: 'Opschaling gestart met PMV-participatie.' }] });
    const proceeded = await handle.executeUpdate(concludeTrajectoryUpdate, { args: [{ meta: meta(), outcome: 'proceed', evaluation: 'Het traject toont dat de methode werkt.', newDueDates: [] }] });
    expect(proceeded.stage).toBe('partnership_agreement');
    expect((await handle.query(caseStateQuery)).stage).toBe('partnership_agreement');

    const view = await h.db.db.repos.cases.findById(caseId);
    expect(view).toMatchObject({ stage: 'partnership_agreement', pilot: true });
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
    recordHistoryIfAsked('caseWorkflow-trajectory-extend-proceed', await handle.fetchHistory());
  });

  it('signs the partnership agreement by hash: a new version voids signatures, the deadline escalates, the last signature books the earmarks', async () => {
    const { caseId, handle } = await caseInTrajectory();
    const now = new Date(Number(await h.env.currentTimeMs()));
    const [m] = await handle.executeUpdate(planTrajectoryUpdate, {
      args: [{ meta: meta(), pilot: false, milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 1_000_00, dueDate: brusselsDate(addDays(now, 30)) }] }],
    });
    await handle.executeUpdate(recordMilestoneEvidenceUpdate, { args: [{ meta: meta(), milestoneId: m!.milestoneId, evidence: 'Gehaald volgens plan.' }] });
    await handle.executeUpdate(concludeTrajectoryUpdate, { args: [{ meta: meta(), outcome: 'proceed', evaluation: 'Klaar voor de overeenkomst.', newDueDates: [] }] });

    const repId = randomUUID();
    await h.db.db.repos.users.upsert({ id: repId, subject: `rep-${repId}`, displayName: 'Voorzitter cluster', email: 'voorzitter@cluster.example.be', organisation: 'Catalisti vzw', roles: ['cluster_representative'], councilCode: null, active: true });
    await h.db.db.repos.users.bindCases(repId, [caseId], new Date());
    const repMeta = () => ({ ...meta(), actor: { userId: repId, displayName: 'Voorzitter cluster', role: 'cluster_representative' as const, organisation: 'Catalisti vzw' } });
    const content = (text: string): AgreementContent => ({
      parties: [
        { partyId: 'vlaamse-overheid', kind: 'government', name: 'Vlaamse Regering', representativeUserId: demoUser('approver').id, commitments: [{ kind: 'financial', description: 'Geoormerkt budget', amountCents: 3_000_000_00 }] },
        { partyId: 'catalisti', kind: 'cluster_organisation', name: 'Catalisti vzw', representativeUserId: repId, commitments: [{ kind: 'in_kind', description: 'Clustermanagement' }] },
      ],
      earmarks: [{ instrumentCode: 'IWT', amountCents: 2_000_000_00 }, { instrumentCode: 'PMV', amountCents: 1_000_000_00 }],
      termYears: 4,
      dialogueCadenceMonths: 6,
      text,
    });

    const v1 = await handle.executeUpdate(draftAgreementUpdate, { args: [{ meta: meta(), content: content('Overeenkomst, eerste versie.') }] });
    await handle.executeUpdate(signAgreementUpdate, { args: [{ meta: meta('approver'), sha256: v1.sha256, partyId: 'vlaamse-overheid' }] });
    // Signing for another party is refused.
    await expect(handle.executeUpdate(signAgreementUpdate, { args: [{ meta: meta('approver'), sha256: v1.sha256, partyId: 'catalisti' }] }))
      .rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });

    // A change after the first signature: a new version, the signature given is void.
    const v2 = await handle.executeUpdate(draftAgreementUpdate, { args: [{ meta: meta(), content: content('Overeenkomst, tweede versie met gewijzigde cadans.') }] });
    expect(v2).toMatchObject({ version: 2, voidedSignatures: 1 });
    await expect(handle.executeUpdate(signAgreementUpdate, { args: [{ meta: repMeta(), sha256: v1.sha256, partyId: 'catalisti' }] }))
      .rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT', message: expect.stringMatching(/text changed/) } });

    // The deadline passes with signatures missing: reminders to the signers, escalation to the account manager.
    await h.env.sleep(new Date(v2.signBy).getTime() - Number(await h.env.currentTimeMs()) + DAY);
    for (let i = 0; i < 50 && !(await h.db.db.repos.tasks.listOpenForCase(caseId)).some((t) => t.kind === 'agreement_overdue'); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await h.db.db.repos.tasks.listOpenForCase(caseId)).map((t) => t.kind)).toEqual(expect.arrayContaining(['agreement_overdue', 'agreement_signature']));
    const signerNotes = await h.db.db.repos.notifications.listFor(repId, false, 10, 0);
    expect(signerNotes.items.map((n) => n.kind)).toEqual(['term_reminder', 'term_reminder']);

    await handle.executeUpdate(signAgreementUpdate, { args: [{ meta: meta('approver'), sha256: v2.sha256, partyId: 'vlaamse-overheid' }] });
    const last = await handle.executeUpdate(signAgreementUpdate, { args: [{ meta: repMeta(), sha256: v2.sha256, partyId: 'catalisti' }] });
    expect(last).toMatchObject({ version: 2, signed: 2, of: 2, stage: 'structured_dialogue' });
    expect((await handle.query(caseStateQuery)).stage).toBe('structured_dialogue');

    const budget = await h.db.db.repos.budget.lines(caseId);
    expect(budget.map((l) => [l.instrumentCode, l.earmarkedCents, l.releasedCents])).toEqual([['IWT', 2_000_000_00, 0], ['PMV', 1_000_000_00, 0]]);
    const events = (await audit.listCase(caseId, 500, 0)).items.map((e) => e.action);
    expect(events.filter((a) => a === 'budget.earmarked')).toHaveLength(2);
    expect(events).toEqual(expect.arrayContaining(['agreement.version_drafted', 'agreement.signed', 'agreement.fully_signed']));
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
    recordHistoryIfAsked('caseWorkflow-agreement-signed', await handle.fetchHistory());
  });
});
