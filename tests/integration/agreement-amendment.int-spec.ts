import { AuditService } from '@cluster/audit';
import { caseStateQuery, termWorkflowId, draftAgreementUpdate, recordDialogueOutcomeUpdate, signAgreementUpdate, submitDialogueReportUpdate } from '@cluster/contracts';
import { startDevServerHarness, type DevServerHarness } from '../support/temporal';
import { amendmentContent, driveToDialogue, poll } from '../support/drive';
import { meta } from '../support/fixtures';

/**
 * An amendment during the dialogue, on the Temporal dev server: signed across a dialogue cycle's
 * continue-as-new, only the earmark differences are booked, the term is extended, the dialogue goes on.
 */
describe('amending the partnership agreement during the dialogue', () => {
  let h: DevServerHarness;

  beforeAll(async () => {
    h = await startDevServerHarness('amend');
  });
  afterAll(() => h?.stop());

  it('books only the differences, extends the term, and keeps the dialogue going', async () => {
    const { caseId, workflowId } = await driveToDialogue(h.client, h.taskQueue, { now: new Date() });
    const wf = h.client.workflow.getHandle(workflowId);
    const v2 = await wf.executeUpdate(draftAgreementUpdate, {
      args: [{
        meta: meta(),
        content: amendmentContent([{ instrumentCode: 'IWT', amountCents: 1_200_000_00 }, { instrumentCode: 'PMV', amountCents: 200_000_00 }], 5, 'Overeenkomst, eerste wijziging: extra middelen voor opschaling en een jaar verlenging.'),
      }],
    });
    await wf.executeUpdate(signAgreementUpdate, { args: [{ meta: meta('approver'), sha256: v2.sha256, partyId: 'vlaamse-overheid' }] });

    // The cycle ends (continue-as-new) while the amendment still waits for the cluster's signature.
    await wf.executeUpdate(submitDialogueReportUpdate, { args: [{ meta: meta(), cycle: 1, report: { milestoneProgress: 'Op schema voor alle mijlpalen.', portfolioProgress: 'Tien projecten lopen.' } }] });
    await wf.executeUpdate(recordDialogueOutcomeUpdate, { args: [{ meta: meta(), cycle: 1, outcome: 'on_track', actions: [] }] });
    await poll(async () => (await wf.query(caseStateQuery)).dialogueCycle === 2);
    expect((await wf.query(caseStateQuery)).dialogueCycle).toBe(2);
    // The drafting run's signing term ended with it; the new run watches the rest of the deadline.
    const term = (subject: string) => h.client.workflow.getHandle(termWorkflowId(caseId, subject));
    await poll(async () => (await term('signing-v2').describe()).status.name === 'COMPLETED');
    await expect(term('signing-v2').result()).resolves.toBe('satisfied');
    // The new run starts its own term child as one of its first steps: wait for it, do not race it.
    await poll(async () => (await term('signing-v2-cycle2').describe().then((d) => d.status.name, () => null)) === 'RUNNING');
    expect((await term('signing-v2-cycle2').describe()).status.name).toBe('RUNNING');

    const signed = await wf.executeUpdate(signAgreementUpdate, { args: [{ meta: meta('handler2'), sha256: v2.sha256, partyId: 'catalisti' }] });
    expect(signed).toMatchObject({ version: 2, signed: 2, of: 2, stage: 'structured_dialogue' });
    await expect(term('signing-v2-cycle2').result()).resolves.toBe('satisfied');
    // The extension: the dialogue now runs 5 years, 10 cycles; the start stays the first agreement's.
    expect((await wf.query(caseStateQuery)).dialogueTerm).toEqual({ termYears: 5, cadenceMonths: 6, cycles: 10 });
    expect((await h.db.db.repos.budget.lines(caseId)).map((l) => [l.instrumentCode, l.earmarkedCents])).toEqual([['IWT', 1_200_000_00], ['PMV', 200_000_00]]);
    const earmarks = (await h.db.db.repos.budget.movements(caseId)).filter((m) => m.kind === 'earmark').map((m) => [m.instrumentCode, m.amountCents]);
    expect(earmarks).toEqual([['IWT', 1_000_000_00], ['IWT', 200_000_00], ['PMV', 200_000_00]]);
    expect((await h.db.db.repos.agreements.versions(caseId)).map((v) => [v.version, v.status])).toEqual([[1, 'superseded'], [2, 'signed']]);
    const audit = new AuditService(h.db.db);
    expect((await audit.listCase(caseId, 1000, 0)).items.filter((e) => e.action === 'agreement.amended')).toHaveLength(1);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
  }, 90_000);
});
