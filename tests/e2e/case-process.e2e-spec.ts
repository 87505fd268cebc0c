import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { belgianPublicHolidays, brusselsDate, legalDueDate } from '@cluster/domain';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { createTimeSkippingEnv } from '../support/temporal';
import { demoUser, roadmap } from '../support/fixtures';
import { assessment, proposal } from '../support/first-half';

const DAY = 86_400_000;

/**
 * A case from creation to closure over HTTP, as the right users, with the real API
 * and worker. Temporal is the time-skipping test server, so the 30-day advice terms can pass.
 */
describe('the case process over HTTP, from creation to closure', () => {
  let env: TestWorkflowEnvironment;
  let s: HttpStack;
  let caseId: string;
  let otherCaseId: string;
  let riDueAt: Date;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    s = await startHttpStack({ TEMPORAL_ADDRESS: env.address });
  });
  afterAll(async () => {
    await s?.stop();
    await env?.teardown();
  });

  const as = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });
  const post = async (subject: string, path: string, body: object = {}) => s.http().post(`/api/${path}`).set(await as(subject)).send(body);
  const get = async (subject: string, path: string) => s.http().get(`/api/${path}`).set(await as(subject));
  const eventually = async <T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const value = await probe();
      if (ok(value)) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`condition not reached in 10 s: ${JSON.stringify(((await probe()) as { body?: unknown }).body)?.slice(0, 300)}`);
  };

  it('opens two cases and binds a cluster representative to each', async () => {
    const open = (clusterName: string) =>
      post('handler', 'cases', { clusterName, domain: 'Chemie', leadActors: ['Catalisti vzw'], partners: [], accountManagerId: demoUser('handler').id });
    caseId = (await open('Duurzame chemie')).body.id;
    otherCaseId = (await open('Blauwe economie')).body.id;
    for (const [subject, id] of [['rep-chem', caseId], ['rep-blue', otherCaseId]] as const) {
      await post('admin', 'users', { subject, displayName: subject, email: `${subject}@example.be`, organisation: 'Cluster', roles: ['cluster_representative'], caseIds: [id], reason: 'Nieuwe gebruiker in de test' }).then((r) => expect(r.status).toBe(201));
    }
    await post('admin', 'users', { subject: 'dual', displayName: 'Dual Role', email: 'dual@example.be', organisation: 'EWI', roles: ['case_handler', 'approver'], reason: 'Nieuwe gebruiker in de test' }).then((r) => expect(r.status).toBe(201));
  });

  it('drafts and submits the roadmap as the cluster; another cluster cannot even read it', async () => {
    expect((await post('rep-chem', `cases/${caseId}/roadmap/drafts`, roadmap())).status).toBe(201);
    const submitted = await post('rep-chem', `cases/${caseId}/roadmap/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ version: 2, requiredAssessments: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await get('rep-blue', `cases/${caseId}`)).status).toBe(403);
    expect((await post('rep-blue', `cases/${caseId}/roadmap/submit`)).status).toBe(403);
    expect((await get('handler', `cases/${caseId}`)).body.stage).toBe('quality_assessment');
  });

  it('assesses with two independent assessors; the conclusion waits for them (409)', async () => {
    const assign = await post('handler', `cases/${caseId}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] });
    expect(assign.status).toBe(200);
    expect((await post('assessor-a', `cases/${caseId}/assessments`, assessment())).status).toBe(409); // declare first
    for (const subject of ['assessor-a', 'assessor-b']) {
      expect((await post(subject, `cases/${caseId}/assessment/conflict-declaration`, { hasConflict: false })).status).toBe(200);
    }
    expect((await post('assessor-a', `cases/${caseId}/assessments`, assessment(4))).status).toBe(201);
    const early = await post('handler', `cases/${caseId}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Te vroeg' });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/needs 2 independent assessments; 1 are in/);
    const incomplete = await post('assessor-b', `cases/${caseId}/assessments`, { ...assessment(), scores: assessment().scores.slice(1) });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fieldErrors).toEqual([expect.objectContaining({ field: 'scores', messages: [expect.stringMatching(/missing: C1/)] })]);
    expect((await post('assessor-b', `cases/${caseId}/assessments`, assessment(2))).status).toBe(201);

    const overview = await get('handler', `cases/${caseId}/assessments`);
    expect(overview.body.assessments).toHaveLength(2);
    expect(overview.body.spread.find((c: { code: string }) => c.code === 'C2')).toMatchObject({ min: 2, max: 4, spread: 2 });
  });

  it('asks the three councils on legal time: a term ending on a public holiday moves to the next working day', async () => {
    // Move the server's clock to a start whose 30th day is a public holiday.
    let start = Number(await env.currentTimeMs()) + DAY;
    while (!belgianPublicHolidays(new Date(start + 30 * DAY).getUTCFullYear()).includes(brusselsDate(new Date(start + 30 * DAY)))) start += DAY;
    await env.sleep(start - Number(await env.currentTimeMs()));

    expect((await post('handler', `cases/${caseId}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Sterke roadmap.' })).status).toBe(200);
    const requests = await eventually(() => get('council-ri', 'advice-requests?status=open'), (r) => r.body.total === 1);
    const ri = requests.body.items[0];
    expect(ri).toMatchObject({ councilCode: 'RI', caseId, clusterName: 'Duurzame chemie' });
    const due = new Date(ri.dueAt);
    riDueAt = due;
    const holiday = brusselsDate(new Date(start + 30 * DAY));
    expect(brusselsDate(due) > holiday).toBe(true);
    expect(due.toISOString()).toBe(legalDueDate(new Date(ri.requestedAt), 30).toISOString());
  });

  it('lets each council answer only its own request; late advice is refused with 409 and the reason', async () => {
    const all = (await get('handler', 'advice-requests?status=open')).body.items as { id: string; councilCode: string; caseId: string }[];
    const request = (code: string) => all.find((r) => r.councilCode === code && r.caseId === caseId)!.id;

    const wrongCouncil = await post('council-vrwi', `advice-requests/${request('SERV')}/advice`, { position: 'positive', text: 'Niet onze aanvraag.' });
    expect(wrongCouncil.status).toBe(403);
    expect((await get('council-vrwi', 'advice-requests')).body.items.every((r: { councilCode: string }) => r.councilCode === 'VRWI')).toBe(true);
    expect((await get('council-serv', 'tasks')).body.items).toEqual([expect.objectContaining({ kind: 'advice', caseId, overdue: false, clusterName: expect.any(String), stage: 'advice' })]);

    expect((await post('council-serv', `advice-requests/${request('SERV')}/advice`, { position: 'positive', text: 'Gunstig advies van de SERV.' })).status).toBe(200);
    expect((await post('council-vrwi', `advice-requests/${request('VRWI')}/advice`, { position: 'conditional', text: 'Gunstig mits bijsturing.' })).status).toBe(200);

    await env.sleep(riDueAt.getTime() - Number(await env.currentTimeMs()) + DAY);
    await eventually(() => get('handler', `cases/${caseId}`), (r) => r.body.stage === 'decision');
    const late = await post('council-ri', `advice-requests/${request('RI')}/advice`, { position: 'positive', text: 'Ons advies komt te laat.' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/term ended/);

    // Reminders (7 and 1 days before) reached RI's members in the app; the lapse was escalated.
    const reminders = await get('council-ri', 'notifications?unread=true');
    expect(reminders.body.items.map((n: { kind: string }) => n.kind)).toEqual(['term_reminder', 'term_reminder']);
    expect((await get('council-serv', 'notifications')).body.total).toBe(0); // SERV advised in time
    const escalation = await get('handler', 'notifications');
    expect(escalation.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'advice_lapsed', caseId, title: expect.stringMatching(/RI/) })]));
    expect((await post('council-ri', 'notifications/read')).body).toEqual({ marked: 2 });
    expect((await get('council-ri', 'notifications?unread=true')).body.total).toBe(0);
  });

  it('decides with four eyes: the proposer cannot approve their own proposal (403); an approver can', async () => {
    // The account manager is away: only a stand-in they name (audited) proposes in their stead.
    const dualId = (await get('admin', 'users')).body.find((u: { subject: string }) => u.subject === 'dual').id;
    expect((await post('dual', `cases/${caseId}/decision/proposals`, proposal())).status).toBe(403);
    const named = await post('handler', `cases/${caseId}/stand-in`, { standInId: dualId, reason: 'Verlof van de accountmanager' });
    expect(named.status).toBe(200);
    expect(named.body.standInId).toBe(dualId);
    const proposed = await post('dual', `cases/${caseId}/decision/proposals`, proposal());
    expect(proposed.status).toBe(201);
    const own = await post('dual', `approvals/${proposed.body.approvalId}/decision`, { decision: 'approve', comment: 'Eigen voorstel' });
    expect(own.status).toBe(403);
    expect((await get('approver', 'tasks')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'approval', subjectId: proposed.body.approvalId })]));
    const approved = await post('approver', `approvals/${proposed.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord.' });
    expect(approved.status).toBe(200);
    expect(approved.body.stage).toBe('test_trajectory');
    expect((await get('handler', `cases/${caseId}`)).body.stage).toBe('test_trajectory');
  });

  it('runs the test trajectory: the account manager plans, the cluster shows evidence, the account manager proceeds', async () => {
    const today = Number(await env.currentTimeMs());
    const date = (days: number) => brusselsDate(new Date(today + days * DAY));
    const plan = { pilot: true, milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 25_000_000, dueDate: date(60) }, { action: 'Pilootlijn', instrumentCode: 'TINA', amountForeseenCents: 5_000_050, dueDate: date(90) }] };
    expect((await post('handler2', `cases/${caseId}/trajectory`, plan)).status).toBe(403); // not the account manager
    const bad = await post('handler', `cases/${caseId}/trajectory`, { milestones: [{ ...plan.milestones[0], instrumentCode: 'NOPE' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toEqual([expect.objectContaining({ field: 'milestones.0.instrumentCode' })]);
    const planned = await post('handler', `cases/${caseId}/trajectory`, plan);
    expect(planned.status).toBe(200);
    const overview = (await get('auditor', `cases/${caseId}/trajectory`)).body;
    expect(overview.matrix).toEqual({ actions: ['Pilootlijn'], instruments: ['IWT', 'TINA'], cells: { Pilootlijn: { IWT: 25_000_000, TINA: 5_000_050 } } });
    for (const m of planned.body) {
      expect((await post('rep-blue', `cases/${caseId}/trajectory/milestones/${m.milestoneId}/evidence`, { evidence: 'Niet onze cluster.' })).status).toBe(403);
      expect((await post('rep-chem', `cases/${caseId}/trajectory/milestones/${m.milestoneId}/evidence`, { evidence: 'Mijlpaal gehaald: zie verslag.' })).status).toBe(200);
    }
    const proceeded = await post('handler', `cases/${caseId}/trajectory/evaluation`, { outcome: 'proceed', evaluation: 'Het testtraject is geslaagd.' });
    expect(proceeded.status).toBe(200);
    expect((await get('handler', `cases/${caseId}`)).body).toMatchObject({ stage: 'partnership_agreement', pilot: true });
  });

  it('signs the partnership agreement by hash, each party through its own representative; the earmarks are booked', async () => {
    const repChem = (await get('admin', 'users')).body.find((u: { subject: string }) => u.subject === 'rep-chem').id;
    const content = {
      parties: [
        { partyId: 'vlaamse-overheid', kind: 'government', name: 'Vlaamse Regering', representativeUserId: demoUser('approver').id, commitments: [{ kind: 'financial', description: 'Geoormerkte middelen', amountCents: 150_000_000 }] },
        { partyId: 'catalisti', kind: 'cluster_organisation', name: 'Catalisti vzw', representativeUserId: repChem, commitments: [{ kind: 'in_kind', description: 'Clustermanagement en portfolio-opvolging' }] },
      ],
      earmarks: [{ instrumentCode: 'IWT', amountCents: 100_000_000 }, { instrumentCode: 'TINA', amountCents: 50_000_050 }],
      termYears: 4,
      dialogueCadenceMonths: 6,
      text: 'Partnerschapsovereenkomst voor de speerpuntcluster Duurzame chemie.',
    };
    expect((await post('handler2', `cases/${caseId}/agreement/versions`, content)).status).toBe(403);
    const drafted = await post('handler', `cases/${caseId}/agreement/versions`, content);
    expect(drafted.status).toBe(201);
    const sha256 = drafted.body.sha256;
    const forOther = await post('approver', `cases/${caseId}/agreement/signatures`, { sha256, partyId: 'catalisti' });
    expect(forOther.status).toBe(403);
    expect((await post('approver', `cases/${caseId}/agreement/signatures`, { sha256, partyId: 'vlaamse-overheid' })).body).toMatchObject({ signed: 1, of: 2 });
    expect((await post('rep-chem', `cases/${caseId}/agreement/signatures`, { sha256, partyId: 'catalisti' })).body).toMatchObject({ signed: 2, of: 2, stage: 'structured_dialogue' });

    const budget = await get('rep-chem', `cases/${caseId}/budget`);
    expect(budget.body).toEqual([
      { instrumentCode: 'IWT', earmarkedCents: 100_000_000, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 100_000_000 },
      { instrumentCode: 'TINA', earmarkedCents: 50_000_050, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 50_000_050 },
    ]);
    const versions = (await get('auditor', `cases/${caseId}/agreement`)).body;
    expect(versions).toEqual([expect.objectContaining({ version: 1, status: 'signed', sha256, signatures: [expect.objectContaining({ partyId: 'vlaamse-overheid' }), expect.objectContaining({ partyId: 'catalisti' })] })]);
    expect((await get('rep-blue', `cases/${caseId}/budget`)).status).toBe(403);
  });

  it('runs the structured dialogue: report, a four-eyes tranche release, the outcome; then closes early and the case is read-only', async () => {
    const cycle = await eventually(() => get('handler', `cases/${caseId}/dialogue`), (r) => r.body.cycles?.length === 1);
    expect(cycle.body.cycles[0]).toMatchObject({ cycle: 1, status: 'awaiting_report' });
    expect((await post('rep-blue', `cases/${caseId}/dialogue/cycles/1/report`, { milestoneProgress: 'Niet onze cluster.', portfolioProgress: 'Niet onze cluster.' })).status).toBe(403);
    expect((await post('rep-chem', `cases/${caseId}/dialogue/cycles/1/report`, { milestoneProgress: 'Pilootlijn draait op volle capaciteit.', portfolioProgress: 'Acht projecten lopen, twee afgerond.' })).status).toBe(200);

    // The account manager hands the case to a colleague who is also a budget holder ("dual").
    const dualId = (await get('admin', 'users')).body.find((u: { subject: string }) => u.subject === 'dual').id;
    expect((await post('admin', 'handovers', { fromUserId: demoUser('handler').id, toUserId: dualId, reason: 'Mobiliteit' })).body.caseIds).toContain(caseId);

    const requested = await post('dual', `cases/${caseId}/budget/releases`, { instrumentCode: 'IWT', amountCents: 30_000_000, justification: 'Eerste tranche na een positieve dialoog.', basis: 'Dialoogcyclus 1: op koers' });
    expect(requested.status).toBe(201);
    const own = await post('dual', `approvals/${requested.body.approvalId}/decision`, { decision: 'approve', comment: 'Eigen aanvraag' });
    expect(own.status).toBe(403);
    const over = await post('dual', `cases/${caseId}/budget/releases`, { instrumentCode: 'TINA', amountCents: 50_000_051, justification: 'Meer dan geoormerkt.', basis: 'Dialoogcyclus 1' });
    expect(over.status).toBe(409);
    expect((await post('approver', `approvals/${requested.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met de tranche.' })).body).toMatchObject({ status: 'approved' });
    expect((await post('dual', `cases/${caseId}/dialogue/cycles/1/outcome`, { outcome: 'on_track', actions: [{ description: 'Internationale partner aantrekken', owner: 'Catalisti vzw', dueDate: '2027-12-31' }] })).status).toBe(200);

    const closed = await post('dual', `cases/${caseId}/closure`, { explanation: 'De cluster gaat op in een Europees partnerschap.', finalReport: 'Eindrapport: pilootlijn gerealiseerd, portfolio overgedragen.' });
    // Before the term ends, closing is an early end: proposed (202), closed once another approver approves.
    expect(closed.status).toBe(202);
    expect((await get('auditor', `cases/${caseId}`)).body.stage).toBe('structured_dialogue');
    expect((await post('dual', `approvals/${closed.body.approvalId}/decision`, { decision: 'approve', comment: 'Zelf goedkeuren.' })).status).toBe(403);
    const ended = await post('approver', `approvals/${closed.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met de vroegtijdige beëindiging.' });
    expect(ended.body).toMatchObject({ decision: 'approve', stage: 'closed' });

    // The budget adds up to the cent: what was not released went back.
    expect((await get('auditor', `cases/${caseId}/budget`)).body).toEqual([
      { instrumentCode: 'IWT', earmarkedCents: 30_000_000, requestedCents: 0, approvedCents: 30_000_000, releasedCents: 30_000_000, remainingCents: 0 },
      { instrumentCode: 'TINA', earmarkedCents: 0, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 0 },
    ]);
    // A closed case is read-only for everyone, and still readable by auditors.
    const attempts = [
      await post('rep-chem', `cases/${caseId}/roadmap/drafts`, roadmap()),
      await post('dual', `cases/${caseId}/budget/releases`, { instrumentCode: 'IWT', amountCents: 1, justification: 'Na de afsluiting.', basis: 'geen' }),
      await post('dual', `cases/${caseId}/closure`, { explanation: 'Nog eens afsluiten.', finalReport: 'Nog een eindrapport.' }),
      await post('rep-chem', `cases/${caseId}/dialogue/cycles/1/report`, { milestoneProgress: 'Te laat ingediend.', portfolioProgress: 'Te laat ingediend.' }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    expect((await get('auditor', `cases/${caseId}`)).body.stage).toBe('closed');
    expect((await get('auditor', `cases/${caseId}/dialogue`)).body.closure).toMatchObject({ reason: 'ended_early' });
  });

  it("shows every step in the case's audit trail with actor and role, in an intact chain", async () => {
    const trail = (await get('auditor', `cases/${caseId}/audit?limit=200`)).body.items as { action: string; actorRole: string }[];
    const steps = trail.map((e) => `${e.action}:${e.actorRole}`);
    const expected = [
      'case.created:case_handler',
      'roadmap.draft_saved:cluster_representative',
      'roadmap.submitted:cluster_representative',
      'assessment.assessors_assigned:case_handler',
      'assessment.submitted:case_handler',
      'assessment.concluded_proceed:case_handler',
      'advice.round_opened:system',
      'advice.given:council_member',
      'advice.lapsed:system',
      'advice.round_closed:system',
      'decision.proposed:case_handler',
      'approval.requested:case_handler',
      'approval.approved:approver',
      'decision.approved:approver',
      'trajectory.planned:case_handler',
      'trajectory.milestone_met:cluster_representative',
      'trajectory.evaluated_proceed:case_handler',
      'agreement.version_drafted:case_handler',
      'agreement.signed:approver',
      'agreement.signed:cluster_representative',
      'budget.earmarked:cluster_representative',
      'agreement.fully_signed:cluster_representative',
      'dialogue.cycle_opened:system',
      'dialogue.report_submitted:cluster_representative',
      'case.account_manager_changed:admin',
      'budget.release_requested:case_handler',
      'budget.released:approver',
      'dialogue.outcome_recorded:case_handler',
      'budget.earmark_released:approver',
      'agreement.early_end_proposed:case_handler',
      'case.closed:approver',
    ];
    // Named when missing, so a failure says which step left no trace.
    expect(expected.filter((step) => !steps.includes(step))).toEqual([]);
  });
});
