import {
  caseStateQuery,
  closeCaseUpdate,
  draftAgreementUpdate,
  signAgreementUpdate,
  decideReleaseUpdate,
  recordDialogueOutcomeUpdate,
  requestReleaseUpdate,
  submitDialogueReportUpdate,
} from '@cluster/contracts';
import { AuditService } from '@cluster/audit';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/temporal';
import { meta } from '../support/fixtures';
import { amendmentContent, driveToDialogue, poll } from '../support/drive';
import { recordHistoryIfAsked } from './histories/record';

const DAY = 86_400_000;
/** Events in one dialogue cycle's run stay under this bound, however many years the agreement runs. */
const HISTORY_BOUND_PER_RUN = 150;

describe('structured dialogue over a 4-year agreement on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let audit: AuditService;

  beforeAll(async () => {
    h = await startTimeSkippingHarness('dialogue');
    audit = new AuditService(h.db.db);
  });
  afterAll(() => h?.stop());

  it('runs 8 cycles with continue-as-new, a missed report, an amendment, a four-eyes release, and closes with the unreleased earmark returned', async () => {
    const started = Date.now();
    const { caseId, workflowId } = await driveToDialogue(h.env.client, h.taskQueue, { now: new Date(Number(await h.env.currentTimeMs())) });
    const wf = () => h.env.client.workflow.getHandle(workflowId);
    // Updates by name: this test sends many kinds, each checked by the workflow itself.
    const u = <R = unknown>(def: { name: string }, arg: unknown): Promise<R> => wf().executeUpdate(def.name, { args: [arg] }) as Promise<R>;

    const historySizes: number[] = [];
    for (let cycle = 1; cycle <= 8; cycle++) {
      await poll(async () => (await wf().query(caseStateQuery)).dialogueCycle === cycle && (await h.db.db.repos.dialogue.cycle(caseId, cycle)) !== null);
      const c = (await h.db.db.repos.dialogue.cycle(caseId, cycle))!;
      if (cycle === 3) {
        // The cluster misses this report: reminders 14 and 3 days before, then the escalation.
        await h.env.sleep(c.dueAt.getTime() - Number(await h.env.currentTimeMs()) + DAY);
        await poll(async () => (await h.db.db.repos.dialogue.cycle(caseId, 3))!.reportMissingAt !== null);
      } else {
        await h.env.sleep(c.dueAt.getTime() - Number(await h.env.currentTimeMs()) - 2 * DAY);
        await u(submitDialogueReportUpdate, { meta: meta('handler'), cycle, report: { milestoneProgress: `Cyclus ${cycle}: op schema`, portfolioProgress: '12 projecten lopen' } });
      }
      if (cycle === 2) {
        const requested = await u<{ approvalId: string }>(requestReleaseUpdate, { meta: meta('handler'), instrumentCode: 'IWT', amountCents: 250_000_00, justification: 'Tweede tranche', basis: 'Dialoogcyclus 2: op koers' });
        const self = { ...meta('handler'), actor: { ...meta('handler').actor, role: 'approver' as const } };
        await expect(u(decideReleaseUpdate, { meta: self, approvalId: requested.approvalId, decision: 'approve', comment: 'eigen' })).rejects.toMatchObject({ cause: { type: 'FORBIDDEN' } });
        await u(decideReleaseUpdate, { meta: meta('approver'), approvalId: requested.approvalId, decision: 'approve', comment: 'Akkoord' });
      }
      if (cycle === 2) {
        // An amendment: more for IWT and a new PMV earmark; only the differences are booked.
        const amendment = await u<{ sha256: string }>(draftAgreementUpdate, {
          meta: meta(),
          content: amendmentContent([{ instrumentCode: 'IWT', amountCents: 1_200_000_00 }, { instrumentCode: 'PMV', amountCents: 200_000_00 }], 4, 'Overeenkomst, eerste wijziging: extra middelen voor opschaling.'),
        });
        await u(signAgreementUpdate, { meta: meta('approver'), sha256: amendment.sha256, partyId: 'vlaamse-overheid' });
        await u(signAgreementUpdate, { meta: meta('handler2'), sha256: amendment.sha256, partyId: 'catalisti' });
      }
      historySizes.push(Number((await wf().describe()).historyLength));
      await u(recordDialogueOutcomeUpdate, { meta: meta(), cycle, outcome: cycle === 3 ? 'attention' : 'on_track', actions: cycle === 3 ? [{ description: 'Rapport alsnog bezorgen', owner: 'Catalisti', dueDate: '2031-01-01' }] : [] });
    }

    // The term is over: the final report closes the case and gives the unreleased earmark back.
    await poll(async () => (await h.db.db.repos.tasks.listOpenForCase(caseId)).some((t) => t.kind === 'final_report'));
    const closed = await u<{ returnedCents: number }>(closeCaseUpdate, { meta: meta(), explanation: 'Looptijd voltooid.', finalReport: 'Eindrapport: de cluster realiseerde zijn roadmap.' });
    expect(closed).toMatchObject({ stage: 'closed', returnedCents: 1_400_000_00 - 250_000_00 });
    await expect(wf().result()).resolves.toBeUndefined();
    const wallSeconds = (Date.now() - started) / 1000;

    expect((await h.db.db.repos.budget.lines(caseId)).map((l) => [l.instrumentCode, l.earmarkedCents, l.releasedCents])).toEqual([
      ['IWT', 250_000_00, 250_000_00],
      ['PMV', 0, 0],
    ]);
    const earmarks = (await h.db.db.repos.budget.movements(caseId)).filter((m) => m.kind === 'earmark').map((m) => [m.instrumentCode, m.amountCents]);
    expect(earmarks).toEqual([['IWT', 1_000_000_00], ['IWT', 200_000_00], ['PMV', 200_000_00]]);
    const cycles = await h.db.db.repos.dialogue.cycles(caseId);
    expect(cycles.map((c) => [c.cycle, c.status, c.outcome])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, 'concluded', n === 3 ? 'attention' : 'on_track']));
    const events = (await audit.listCase(caseId, 2000, 0)).items;
    const cycle3 = events.filter((e) => e.payload.subject === 'dialogue-report-3' && e.action === 'term.reminder_sent');
    expect(cycle3).toHaveLength(2);
    expect(events.filter((e) => e.action === 'dialogue.report_missing').map((e) => e.payload.cycle)).toEqual([3]);
    expect(events.filter((e) => e.action === 'agreement.amended')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ action: 'case.closed', payload: expect.objectContaining({ reason: 'term_completed' }) });
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });

    // The first run carries the whole first half; every later run is one dialogue cycle.
    expect(Math.max(...historySizes.slice(1))).toBeLessThan(HISTORY_BOUND_PER_RUN);
    console.log(`4-year agreement: ${wallSeconds.toFixed(1)} s wall; history events per dialogue run: ${historySizes.join(', ')}`);
    recordHistoryIfAsked('caseWorkflow-dialogue-last-run', await wf().fetchHistory());
  });

});
