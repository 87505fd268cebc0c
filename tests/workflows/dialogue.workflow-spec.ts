import { randomUUID } from 'node:crypto';
import {
  assignAssessorsUpdate,
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseWorkflowId,
  closeCaseUpdate,
  concludeAssessmentUpdate,
  concludeTrajectoryUpdate,
  decideApprovalUpdate,
  decideReleaseUpdate,
  declareConflictUpdate,
  draftAgreementUpdate,
  planTrajectoryUpdate,
  proposeDecisionUpdate,
  recordDialogueOutcomeUpdate,
  recordMilestoneEvidenceUpdate,
  registerCaseUpdate,
  requestReleaseUpdate,
  saveRoadmapDraftUpdate,
  signAgreementUpdate,
  submitAdviceUpdate,
  submitAssessmentUpdate,
  submitDialogueReportUpdate,
  submitRoadmapUpdate,
} from '@cluster/contracts';
import { AuditService } from '@cluster/audit';
import { addDays, brusselsDate } from '@cluster/domain';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/temporal';
import { caseDetails, demoUser, meta, roadmap } from '../support/fixtures';
import { assessment, proposal } from '../support/first-half';
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

  const poll = async (ok: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  };

  it('runs 8 cycles with continue-as-new, a missed report, four-eyes releases, and closes with the unreleased earmark returned', async () => {
    const started = Date.now();
    const caseId = randomUUID();
    const workflowId = caseWorkflowId(caseId);
    await h.env.client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId, taskQueue: h.taskQueue, args: [{ caseId, details: caseDetails() }] });
    const wf = () => h.env.client.workflow.getHandle(workflowId);
    // Updates by name: this test sends many kinds, each checked by the workflow itself.
    const u = <R = unknown>(def: { name: string }, arg: unknown): Promise<R> => wf().executeUpdate(def.name, { args: [arg] }) as Promise<R>;

    // First half and trajectory, quickly.
    await u(registerCaseUpdate, { meta: meta() });
    await u(saveRoadmapDraftUpdate, { meta: meta(), content: roadmap() });
    await u(submitRoadmapUpdate, { meta: meta() });
    await u(assignAssessorsUpdate, { meta: meta(), assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] });
    for (const s of ['assessor-a', 'assessor-b']) {
      await u(declareConflictUpdate, { meta: meta(s), hasConflict: false });
      await u(submitAssessmentUpdate, { meta: meta(s), content: assessment() });
    }
    await u(concludeAssessmentUpdate, { meta: meta(), outcome: 'proceed', remarks: 'Goed' });
    await poll(async () => Object.keys((await wf().query(caseStateQuery)).advice).length === 3);
    for (const code of ['RI', 'VRWI', 'SERV']) {
      await u(submitAdviceUpdate, { meta: meta(`council-${code.toLowerCase()}`), councilCode: code, position: 'positive', text: 'Gunstig advies.' });
    }
    await poll(async () => (await wf().query(caseStateQuery)).stage === 'decision');
    const proposed = await u<{ approvalId: string }>(proposeDecisionUpdate, { meta: meta(), proposal: proposal() });
    await u(decideApprovalUpdate, { meta: meta('approver'), approvalId: proposed.approvalId, decision: 'approve', comment: 'Akkoord' });
    const [m] = await u<{ milestoneId: string }[]>(planTrajectoryUpdate, { meta: meta(), pilot: false, milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate: brusselsDate(addDays(new Date(Number(await h.env.currentTimeMs())), 30)) }] });
    await u(recordMilestoneEvidenceUpdate, { meta: meta(), milestoneId: m!.milestoneId, evidence: 'Gehaald volgens plan.' });
    await u(concludeTrajectoryUpdate, { meta: meta(), outcome: 'proceed', evaluation: 'Klaar voor de overeenkomst.', newDueDates: [] });

    const v1 = await u<{ sha256: string }>(draftAgreementUpdate, {
      meta: meta(),
      content: {
        parties: [
          { partyId: 'vlaamse-overheid', kind: 'government', name: 'Vlaamse Regering', representativeUserId: demoUser('approver').id, commitments: [] },
          { partyId: 'catalisti', kind: 'cluster_organisation', name: 'Catalisti vzw', representativeUserId: demoUser('handler2').id, commitments: [] },
        ],
        earmarks: [{ instrumentCode: 'IWT', amountCents: 1_000_000_00 }],
        termYears: 4,
        dialogueCadenceMonths: 6,
        text: 'Overeenkomst voor vier jaar.',
      },
    });
    await u(signAgreementUpdate, { meta: meta('approver'), sha256: v1.sha256, partyId: 'vlaamse-overheid' });
    await u(signAgreementUpdate, { meta: meta('handler2'), sha256: v1.sha256, partyId: 'catalisti' });

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
      historySizes.push(Number((await wf().describe()).historyLength));
      await u(recordDialogueOutcomeUpdate, { meta: meta(), cycle, outcome: cycle === 3 ? 'attention' : 'on_track', actions: cycle === 3 ? [{ description: 'Rapport alsnog bezorgen', owner: 'Catalisti', dueDate: '2031-01-01' }] : [] });
    }

    // The term is over: the final report closes the case and gives the unreleased earmark back.
    await poll(async () => (await h.db.db.repos.tasks.listOpenForCase(caseId)).some((t) => t.kind === 'final_report'));
    const closed = await u<{ returnedCents: number }>(closeCaseUpdate, { meta: meta(), explanation: 'Looptijd voltooid.', finalReport: 'Eindrapport: de cluster realiseerde zijn roadmap.' });
    expect(closed).toMatchObject({ stage: 'closed', returnedCents: 750_000_00 });
    await expect(wf().result()).resolves.toBeUndefined();
    const wallSeconds = (Date.now() - started) / 1000;

    const [line] = await h.db.db.repos.budget.lines(caseId);
    expect(line).toMatchObject({ earmarkedCents: 250_000_00, releasedCents: 250_000_00 });
    const cycles = await h.db.db.repos.dialogue.cycles(caseId);
    expect(cycles.map((c) => [c.cycle, c.status, c.outcome])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, 'concluded', n === 3 ? 'attention' : 'on_track']));
    const events = (await audit.listCase(caseId, 2000, 0)).items;
    const cycle3 = events.filter((e) => e.payload.subject === 'dialogue-report-3' && e.action === 'term.reminder_sent');
    expect(cycle3).toHaveLength(2);
    expect(events.filter((e) => e.action === 'dialogue.report_missing').map((e) => e.payload.cycle)).toEqual([3]);
    expect(events.at(-1)).toMatchObject({ action: 'case.closed', payload: expect.objectContaining({ reason: 'term_completed' }) });
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });

    // The first run carries the whole first half; every later run is one dialogue cycle.
    expect(Math.max(...historySizes.slice(1))).toBeLessThan(HISTORY_BOUND_PER_RUN);
    console.log(`4-year agreement: ${wallSeconds.toFixed(1)} s wall; history events per dialogue run: ${historySizes.join(', ')}`);
    recordHistoryIfAsked('caseWorkflow-dialogue-last-run', await wf().fetchHistory());
  });
});
