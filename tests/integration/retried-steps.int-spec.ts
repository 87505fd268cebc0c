import { randomUUID } from 'node:crypto';
import { createCaseActivities, type CaseActivities, type UpdateRef } from '@cluster/activities';
import type { CommandMeta } from '@cluster/contracts';
import { addDays, brusselsDate } from '@cluster/domain';
import { agreementContent } from '../support/case-steps';
import { databaseDigester } from '../support/database-digest';
import { callBody, caseDetails, demoUser, meta, roadmap } from '../support/fixtures';
import { assessment, proposal } from '../support/first-half';
import { createServices } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

type ActivityName = keyof CaseActivities;

/**
 * Every activity of the case process, and what its first attempt answers. Keyed by every activity
 * name, so a new activity does not compile until it is listed here; the journey below must then
 * run it (the last test fails otherwise).
 */
const ACTIVITIES: Record<ActivityName, 'an answer' | 'nothing'> = {
  registerCase: 'an answer',
  saveRoadmapDraft: 'an answer',
  submitRoadmap: 'an answer',
  assignAssessors: 'an answer',
  declareConflict: 'an answer',
  submitAssessment: 'an answer',
  concludeAssessment: 'an answer',
  openAdviceRound: 'an answer',
  recordTermEvent: 'nothing',
  submitAdvice: 'an answer',
  lapseAdvice: 'nothing',
  closeAdviceRound: 'nothing',
  proposeDecision: 'an answer',
  decideApproval: 'an answer',
  planTrajectory: 'an answer',
  milestoneOverdue: 'nothing',
  recordMilestoneEvidence: 'an answer',
  concludeTrajectory: 'an answer',
  draftAgreement: 'an answer',
  signAgreement: 'an answer',
  signingOverdue: 'nothing',
  openDialogueCycle: 'nothing',
  submitDialogueReport: 'an answer',
  dialogueReportMissing: 'nothing',
  recordDialogueOutcome: 'an answer',
  requestRelease: 'an answer',
  decideRelease: 'an answer',
  finalReportDue: 'nothing',
  closeCase: 'an answer',
  proposeTermination: 'an answer',
  decideTermination: 'an answer',
  applySelectionOutcome: 'an answer',
};

interface Attempted {
  name: ActivityName;
  /** Which call of the journey, for the failure message. */
  what: string;
  again: () => Promise<unknown>;
  first: unknown;
}

/**
 * Temporal runs an activity at least once: an attempt whose transaction committed may be attempted
 * again with the same idempotency key (its worker died before reporting), at once or after other
 * commands of the case went through. Every attempt must answer exactly what the first one did
 * (the workflow acts on the answer) and write nothing. One case goes from registration to closure
 * through the activities on a real PostgreSQL, along the paths that change earlier answers' data
 * (a revision, a decision sent back, an extension, a superseded agreement, a release sent back).
 */
describe('a retried activity', () => {
  let t: TestDatabase;
  let acts: CaseActivities;
  let services: ReturnType<typeof createServices>;
  let digest: () => Promise<Record<string, string>>;
  const done: Attempted[] = [];
  const retriedAtOnce: { what: string; answer: unknown; wrote: string[] }[] = [];
  const caseId = randomUUID();
  const workflowId = `case-${caseId}`;
  const candidate = randomUUID();

  beforeAll(async () => {
    t = await createTestDatabase();
    services = createServices(t.db);
    acts = createCaseActivities(services);
    digest = await databaseDigester(t);
  });
  afterAll(() => t?.drop());

  /** What an attempt answered, or how it failed (a retry must not fail where the first succeeded). */
  const answerOf = (attempt: () => Promise<unknown>) => attempt().catch((error: Error) => ({ failed: `${error.name}: ${error.message}` }));

  const changedTables = (before: Record<string, string>, after: Record<string, string>) => Object.keys(after).filter((k) => after[k] !== before[k]);

  /** Runs one activity call, then at once again with the same arguments (so the same key). */
  async function attempt<T>(name: ActivityName, what: string, call: () => Promise<T>): Promise<T> {
    const first = await call();
    const before = await digest();
    const answer = await answerOf(call);
    retriedAtOnce.push({ what, answer, wrote: changedTables(before, await digest()) });
    done.push({ name, what, again: call, first });
    return first;
  }

  /** A user's command: one update (its id makes the key) sent by `subject`; a retry carries the same. */
  function command<T>(name: ActivityName, what: string, subject: string, call: (r: UpdateRef, x: CommandMeta) => Promise<T>): Promise<T> {
    const r: UpdateRef = { workflowId, updateId: randomUUID() };
    const x = meta(subject);
    return attempt(name, what, () => call(r, x));
  }

  it('answers at once as its first attempt did, and writes nothing', async () => {
    const now = Date.now();
    const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
    const assessors = [demoUser('assessor-a').id, demoUser('assessor-b').id];

    await command('registerCase', 'register', 'handler', (r, x) => acts.registerCase(r, caseId, caseDetails(), x));

    // A first assessment round that ends in a revision, then the second version proceeds.
    for (const [round, outcome] of [[1, 'revise'], [2, 'proceed']] as const) {
      await command('saveRoadmapDraft', `draft ${round}`, 'handler', (r, x) => acts.saveRoadmapDraft(r, caseId, roadmap({ horizonYear: 2034 + round }), x));
      await command('submitRoadmap', `submit ${round}`, 'handler', (r, x) => acts.submitRoadmap(r, caseId, x));
      await command('assignAssessors', `assessors ${round}`, 'handler', (r, x) => acts.assignAssessors(r, caseId, assessors, x));
      for (const a of ['assessor-a', 'assessor-b']) {
        await command('declareConflict', `${a} declares ${round}`, a, (r, x) => acts.declareConflict(r, caseId, false, undefined, x));
        await command('submitAssessment', `${a} assesses ${round}`, a, (r, x) => acts.submitAssessment(r, caseId, assessment(), x));
      }
      await command('concludeAssessment', `conclude ${round} ${outcome}`, 'handler', (r, x) => acts.concludeAssessment(r, caseId, outcome, 'Opmerkingen', x));
    }

    const round = await attempt('openAdviceRound', 'advice round', () => acts.openAdviceRound(workflowId, caseId, 1, at(0)));
    const request = (code: string) => round.requests.find((r) => r.councilCode === code)!;
    await attempt('recordTermEvent', 'reminder to SERV', () =>
      acts.recordTermEvent(workflowId, caseId, 'advice-SERV', 'reminder', request('SERV').dueAt, 1, at(1), { userIds: [demoUser('council-serv').id] }),
    );
    for (const code of ['RI', 'VRWI']) {
      const given = { position: 'positive' as const, text: `Gunstig advies van ${code}.`, acceptedAt: at(1) };
      await command('submitAdvice', `${code} advises`, `council-${code.toLowerCase()}`, (r, x) => acts.submitAdvice(r, caseId, request(code).requestId, given, x));
    }
    await attempt('lapseAdvice', 'SERV lapses', () => acts.lapseAdvice(workflowId, caseId, request('SERV').requestId, request('SERV').dueAt));
    await attempt('closeAdviceRound', 'advice round closed', () => acts.closeAdviceRound(workflowId, caseId, 1));

    // The first proposal is sent back, the second approved.
    for (const decision of ['send_back', 'approve'] as const) {
      const proposed = await command('proposeDecision', `propose, to ${decision}`, 'handler', (r, x) => acts.proposeDecision(r, caseId, proposal(), x));
      await command('decideApproval', `decision ${decision}`, 'approver', (r, x) => acts.decideApproval(r, caseId, proposed.approvalId, decision, 'Opmerking', x));
    }

    // Two milestones: one met, one overdue and extended, then met; then the trajectory proceeds.
    const plan = [
      { action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate: brusselsDate(addDays(new Date(now), 30)) },
      { action: 'Opschaling', instrumentCode: 'PMV', amountForeseenCents: 200, dueDate: brusselsDate(addDays(new Date(now), 60)) },
    ];
    const [first, second] = await command('planTrajectory', 'plan', 'handler', (r, x) => acts.planTrajectory(r, caseId, plan, true, at(2), x));
    await command('recordMilestoneEvidence', 'first milestone met', 'handler', (r, x) => acts.recordMilestoneEvidence(r, caseId, first!.milestoneId, 'Gehaald.', at(3), x));
    await attempt('milestoneOverdue', 'second milestone overdue', () => acts.milestoneOverdue(workflowId, caseId, second!.milestoneId, second!.dueAt, at(61)));
    // A proposed stop (four eyes) is sent back: the trajectory goes on.
    const stop = await command('proposeTermination', 'stop proposed', 'handler', (r, x) => acts.proposeTermination(r, caseId, { kind: 'trajectory_stop', reason: 'Geen perspectief.' }, at(61), x));
    await command('decideTermination', 'stop sent back', 'approver', (r, x) => acts.decideTermination(r, caseId, stop.approvalId, 'send_back', 'Eerst verlengen.', at(61), x));
    const extension = [{ milestoneId: second!.milestoneId, dueDate: brusselsDate(addDays(new Date(now), 120)) }];
    await command('concludeTrajectory', 'extend', 'handler', (r, x) => acts.concludeTrajectory(r, caseId, 'extend', 'Meer tijd nodig.', extension, at(62), x));
    await command('recordMilestoneEvidence', 'second milestone met', 'handler', (r, x) => acts.recordMilestoneEvidence(r, caseId, second!.milestoneId, 'Alsnog gehaald.', at(63), x));
    await command('concludeTrajectory', 'proceed', 'handler', (r, x) => acts.concludeTrajectory(r, caseId, 'proceed', 'Klaar.', [], at(64), x));

    // Version 1 gets one signature and is superseded (voiding it); version 2 lapses, then both sign.
    const earmarks = [{ instrumentCode: 'IWT', amountCents: 1_000_000_00 }];
    const v1 = await command('draftAgreement', 'agreement v1', 'handler', (r, x) => acts.draftAgreement(r, caseId, agreementContent(earmarks), at(65), x));
    await command('signAgreement', 'government signs v1', 'approver', (r, x) => acts.signAgreement(r, caseId, v1.sha256, 'vlaamse-overheid', at(66), x));
    const v2 = await command('draftAgreement', 'agreement v2', 'handler', (r, x) => acts.draftAgreement(r, caseId, agreementContent(earmarks, 4, 'Overeenkomst v2.'), at(67), x));
    await attempt('signingOverdue', 'v2 signing overdue', () => acts.signingOverdue(workflowId, caseId, v2.agreementVersionId, at(120)));
    await command('signAgreement', 'government signs v2', 'approver', (r, x) => acts.signAgreement(r, caseId, v2.sha256, 'vlaamse-overheid', at(121), x));
    await command('signAgreement', 'cluster signs v2', 'handler2', (r, x) => acts.signAgreement(r, caseId, v2.sha256, 'catalisti', at(122), x));

    // Cycle 1 reported and concluded, with a release sent back and one approved; cycle 2 unreported.
    await attempt('openDialogueCycle', 'cycle 1 opens', () => acts.openDialogueCycle(workflowId, caseId, 1, at(305), at(122)));
    const report = { milestoneProgress: 'Op schema.', portfolioProgress: 'Drie projecten lopen.' };
    await command('submitDialogueReport', 'cycle 1 report', 'handler2', (r, x) => acts.submitDialogueReport(r, caseId, 1, report, at(300), x));
    await command('recordDialogueOutcome', 'cycle 1 outcome', 'handler', (r, x) => acts.recordDialogueOutcome(r, caseId, 1, 'on_track', [], at(301), x));
    for (const decision of ['send_back', 'approve'] as const) {
      const tranche = { instrumentCode: 'IWT', amountCents: 250_000_00, justification: 'Tranche', basis: 'Cyclus 1: op koers' };
      const requested = await command('requestRelease', `release, to ${decision}`, 'handler', (r, x) => acts.requestRelease(r, caseId, tranche, x));
      await command('decideRelease', `release ${decision}`, 'approver', (r, x) => acts.decideRelease(r, caseId, requested.approvalId, decision, 'Opmerking', x));
    }
    await attempt('openDialogueCycle', 'cycle 2 opens', () => acts.openDialogueCycle(workflowId, caseId, 2, at(487), at(305)));
    await attempt('dialogueReportMissing', 'cycle 2 report missing', () => acts.dialogueReportMissing(workflowId, caseId, 2, at(488)));
    const actions = [{ description: 'Rapport alsnog bezorgen', owner: 'Catalisti', dueDate: brusselsDate(addDays(new Date(now), 520)) }];
    await command('recordDialogueOutcome', 'cycle 2 outcome', 'handler', (r, x) => acts.recordDialogueOutcome(r, caseId, 2, 'attention', actions, at(489), x));
    await attempt('finalReportDue', 'final report due', () => acts.finalReportDue(workflowId, caseId, at(490)));
    await command('closeCase', 'closure', 'handler', (r, x) => acts.closeCase(r, caseId, 'term_completed', 'Termijn voltooid.', 'Eindrapport.', at(491), x));

    // A call's candidate: its assessment proceeds, it waits for the call's selection, which is
    // approved (four eyes) and signalled to its workflow: the activity of that signal.
    const cref = (updateId: string = randomUUID()): UpdateRef => ({ workflowId: `case-${candidate}`, updateId });
    await acts.registerCase(cref(), candidate, caseDetails({ clusterName: 'Kandidaat van een oproep' }), meta('handler'));
    const call = await services.calls.open(callBody('Oproep voor de herhaalde stappen'), meta('policy-owner').actor, randomUUID());
    await services.calls.register(candidate, call.id, meta('handler').actor, randomUUID());
    await acts.saveRoadmapDraft(cref(), candidate, roadmap(), meta('handler'));
    await acts.submitRoadmap(cref(), candidate, meta('handler'));
    await acts.assignAssessors(cref(), candidate, assessors, meta('handler'));
    for (const a of ['assessor-a', 'assessor-b']) {
      await acts.declareConflict(cref(), candidate, false, undefined, meta(a));
      await acts.submitAssessment(cref(), candidate, assessment(), meta(a));
    }
    expect(await acts.concludeAssessment(cref(), candidate, 'proceed', 'Goed', meta('handler'))).toMatchObject({ stage: 'selection' });
    await services.deadlines.closeRegistration(call.id, new Date(), `call-${call.id}`);
    const callCtx = (subject: string) => ({ actor: meta(subject).actor, requestId: randomUUID(), workflowId: `call-${call.id}`, idempotencyKey: randomUUID() });
    const proposedSelection = await services.selections.propose(call.id, { selected: [candidate], notSelected: [], reason: 'De enige kandidaat is sterk.' }, callCtx('policy-owner'));
    await services.selections.decide(call.id, proposedSelection.selectionId, 'approve', 'Akkoord.', callCtx('approver'));
    const outcome = { callId: call.id, selectionId: proposedSelection.selectionId, outcome: 'selected' as const, reason: 'De enige kandidaat is sterk.' };
    const signalRef = cref(`selection-${proposedSelection.selectionId}`);
    const approverMeta = meta('approver');
    expect(await attempt('applySelectionOutcome', 'selected by the call', () => acts.applySelectionOutcome(signalRef, candidate, outcome, approverMeta))).toEqual({ stage: 'advice', applied: true });

    expect(retriedAtOnce).toEqual(done.map(({ what, first }) => ({ what, answer: first, wrote: [] })));
  });

  it('answers as its first attempt did after the case went on to closure, and writes nothing', async () => {
    expect(done.length).toBeGreaterThan(0);
    const retried: { what: string; answer: unknown; wrote: string[] }[] = [];
    for (const { what, again } of done) {
      const before = await digest();
      const answer = await answerOf(again);
      retried.push({ what, answer, wrote: changedTables(before, await digest()) });
    }
    expect(retried).toEqual(done.map(({ what, first }) => ({ what, answer: first, wrote: [] })));
  });

  it('is still applied once when its first attempt committed before answers were kept', async () => {
    // As for a command in flight while the answers' table was added: no kept answer, only its records.
    await t.sql(t.adminUrl, `SET session_replication_role = replica; DELETE FROM command_results WHERE case_id IN ('${caseId}', '${candidate}')`);
    const retried: { what: string; failed: unknown; wrote: string[] }[] = [];
    for (const { what, again } of done) {
      const before = await digest();
      const answer = await answerOf(again);
      // Such an answer is rebuilt from the records (kept from then on); it applies nothing again.
      retried.push({ what, failed: (answer as { failed?: string } | undefined)?.failed, wrote: changedTables(before, await digest()) });
    }
    expect(retried).toEqual(done.map(({ what, first }) => ({ what, failed: undefined, wrote: first === undefined ? [] : ['command_results'] })));
  });

  it('waits for an attempt under way with the same key, and answers as it did', async () => {
    const other = randomUUID();
    const r: UpdateRef = { workflowId: `case-${other}`, updateId: randomUUID() };
    const x = meta('handler');
    await acts.registerCase({ ...r, updateId: randomUUID() }, other, caseDetails(), x);
    const draft = roadmap();
    const [a, b] = await Promise.all([acts.saveRoadmapDraft(r, other, draft, x), acts.saveRoadmapDraft(r, other, draft, x)]);
    expect(b).toEqual(a);
    expect(await t.sql(t.ownerUrl, `SELECT version FROM roadmap_versions WHERE case_id = $1`, [other])).toEqual([{ version: 1 }]);
  });

  it('covers every activity, each answering as listed', () => {
    const kinds = Object.fromEntries(done.map(({ name, first }) => [name, first === undefined ? 'nothing' : 'an answer']));
    expect(kinds).toEqual(ACTIVITIES);
    // Varying answers per call would make the map above lie: every call of an activity agrees.
    for (const { name, first } of done) expect([name, first === undefined ? 'nothing' : 'an answer']).toEqual([name, ACTIVITIES[name]]);
  });
});
