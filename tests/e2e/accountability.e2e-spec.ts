import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { brusselsDate } from '@cluster/domain';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { createTimeSkippingEnv } from '../support/temporal';
import { demoUser, roadmap } from '../support/fixtures';
import { assessment, proposal } from '../support/first-half';

const DAY = 86_400_000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Calls as the given (dev-login) user, and polls until a condition holds. */
function client(s: () => HttpStack) {
  const as = async (subject: string) => ({ authorization: `Bearer ${await s().tokenFor(subject)}` });
  const post = async (subject: string, path: string, body: object = {}) => s().http().post(`/api/${path}`).set(await as(subject)).send(body);
  const get = async (subject: string, path: string) => s().http().get(`/api/${path}`).set(await as(subject));
  const eventually = async <T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    for (let i = 0; i < 150; i++) {
      const value = await probe();
      if (ok(value)) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`condition not reached in 15 s: ${JSON.stringify(((await probe()) as { body?: unknown }).body)?.slice(0, 300)}`);
  };
  return { post, get, eventually };
}

/** The moment just after a step: later than its events, earlier than the next step's. */
async function instant(): Promise<Date> {
  await new Promise((r) => setTimeout(r, 5));
  const at = new Date();
  await new Promise((r) => setTimeout(r, 5));
  return at;
}

/**
 * The auditor's two questions over HTTP, on the real dev server (real time, so every recorded
 * moment is a real one): on what exactly did each decision rest, and how did the case stand then?
 */
describe('accountability: the decision trace and the case as of a moment', () => {
  let s: HttpStack;
  const { post, get, eventually } = client(() => s);
  let caseId: string;
  let otherCaseId: string;
  let sha256: string;
  const at: Record<string, Date> = {};

  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(() => s?.stop());

  it('drives a case from its roadmap into the dialogue with a tranche release, then closes it', async () => {
    at.beforeCase = await instant();
    const open = async (clusterName: string) =>
      (await post('handler', 'cases', { clusterName, domain: 'Chemie', leadActors: ['Catalisti vzw'], partners: ['VITO'], accountManagerId: demoUser('handler').id })).body.id as string;
    caseId = await open('Duurzame chemie');
    otherCaseId = await open('Blauwe economie');
    for (const [subject, id] of [['rep-acc', caseId], ['rep-other', otherCaseId]] as const) {
      const r = await post('admin', 'users', { subject, displayName: `Vertegenwoordiger ${subject}`, email: `${subject}@example.be`, organisation: 'Cluster', roles: ['cluster_representative'], caseIds: [id], reason: 'Nieuwe gebruiker in de test' });
      expect(r.status).toBe(201);
    }
    const repId = (await get('admin', 'users')).body.find((u: { subject: string }) => u.subject === 'rep-acc').id;

    expect((await post('rep-acc', `cases/${caseId}/roadmap/drafts`, roadmap())).status).toBe(201);
    const submitted = await post('rep-acc', `cases/${caseId}/roadmap/submit`);
    expect(submitted.status).toBe(200);
    sha256 = submitted.body.sha256;
    at.submitted = await instant();

    expect((await post('handler', `cases/${caseId}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] })).status).toBe(200);
    for (const [subject, score] of [['assessor-a', 4], ['assessor-b', 2]] as const) {
      expect((await post(subject, `cases/${caseId}/assessment/conflict-declaration`, { hasConflict: false })).status).toBe(200);
      expect((await post(subject, `cases/${caseId}/assessments`, assessment(score))).status).toBe(201);
    }
    expect((await post('handler', `cases/${caseId}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Sterke roadmap.' })).status).toBe(200);
    const requests = (await eventually(() => get('handler', 'advice-requests?status=open'), (r) => r.body.total === 3)).body.items as { id: string; councilCode: string }[];
    const positions: Record<string, string> = { RI: 'positive', VRWI: 'conditional', SERV: 'negative' };
    for (const r of requests) {
      const given = await post(`council-${r.councilCode.toLowerCase()}`, `advice-requests/${r.id}/advice`, { position: positions[r.councilCode], text: `Advies van de ${r.councilCode}: ${positions[r.councilCode]}.` });
      expect(given.status).toBe(200);
    }
    await eventually(() => get('handler', `cases/${caseId}`), (r) => r.body.stage === 'decision');
    at.advised = await instant();

    // Four eyes, once sent back: the trace keeps both versions.
    const first = await post('handler', `cases/${caseId}/decision/proposals`, proposal());
    expect(first.status).toBe(201);
    expect((await post('approver', `approvals/${first.body.approvalId}/decision`, { decision: 'send_back', comment: 'Motiveer het SERV-advies beter.' })).status).toBe(200);
    const second = await post('handler', `cases/${caseId}/decision/proposals`, { ...proposal(), outcome: 'approve_with_conditions', conditions: 'Jaarlijkse rapportering.' });
    expect(second.status).toBe(201);
    expect((await post('approver', `approvals/${second.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord.' })).body.stage).toBe('test_trajectory');
    at.decided = await instant();

    const date = (days: number) => brusselsDate(new Date(Date.now() + days * DAY));
    const planned = await post('handler', `cases/${caseId}/trajectory`, { pilot: true, milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 25_000_000, dueDate: date(60) }] });
    expect(planned.status).toBe(200);
    expect((await post('rep-acc', `cases/${caseId}/trajectory/milestones/${planned.body[0].milestoneId}/evidence`, { evidence: 'Pilootlijn draait.' })).status).toBe(200);
    expect((await post('handler', `cases/${caseId}/trajectory/evaluation`, { outcome: 'proceed', evaluation: 'Geslaagd testtraject.' })).status).toBe(200);

    const drafted = await post('handler', `cases/${caseId}/agreement/versions`, {
      parties: [
        { partyId: 'vlaamse-overheid', kind: 'government', name: 'Vlaamse Regering', representativeUserId: demoUser('approver').id, commitments: [{ kind: 'financial', description: 'Geoormerkte middelen', amountCents: 150_000_000 }] },
        { partyId: 'catalisti', kind: 'cluster_organisation', name: 'Catalisti vzw', representativeUserId: repId, commitments: [{ kind: 'in_kind', description: 'Clustermanagement' }] },
      ],
      earmarks: [{ instrumentCode: 'IWT', amountCents: 100_000_000 }, { instrumentCode: 'TINA', amountCents: 50_000_050 }],
      termYears: 4,
      dialogueCadenceMonths: 6,
      text: 'Partnerschapsovereenkomst voor de speerpuntcluster Duurzame chemie.',
    });
    expect(drafted.status).toBe(201);
    at.drafted = await instant();
    expect((await post('approver', `cases/${caseId}/agreement/signatures`, { sha256: drafted.body.sha256, partyId: 'vlaamse-overheid' })).body).toMatchObject({ signed: 1 });
    expect((await post('rep-acc', `cases/${caseId}/agreement/signatures`, { sha256: drafted.body.sha256, partyId: 'catalisti' })).body).toMatchObject({ stage: 'structured_dialogue' });
    at.signed = await instant();

    await eventually(() => get('handler', `cases/${caseId}/dialogue`), (r) => r.body.cycles?.length === 1);
    expect((await post('rep-acc', `cases/${caseId}/dialogue/cycles/1/report`, { milestoneProgress: 'Op schema.', portfolioProgress: 'Acht projecten.' })).status).toBe(200);
    expect((await post('handler', `cases/${caseId}/dialogue/cycles/1/outcome`, { outcome: 'on_track', actions: [] })).status).toBe(200);
    const requested = await post('handler', `cases/${caseId}/budget/releases`, { instrumentCode: 'IWT', amountCents: 30_000_000, justification: 'Eerste tranche.', basis: 'Dialoogcyclus 1: op koers' });
    expect(requested.status).toBe(201);
    at.requested = await instant();
    expect((await post('approver', `approvals/${requested.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met de tranche.' })).body).toMatchObject({ status: 'approved' });
    at.released = await instant();
    // A second approver who comes too late reads who decided and when, in words.
    await post('admin', 'users', { subject: 'late-approver', displayName: 'Lotte Laat', email: 'lotte.laat@example.be', organisation: 'EWI', roles: ['approver'], reason: 'Tweede goedkeurder' }).then((r) => expect(r.status).toBe(201));
    const late = await post('late-approver', `approvals/${requested.body.approvalId}/decision`, { decision: 'approve', comment: 'Ook akkoord.' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/^Hierover is al beslist: goedgekeurd door .+ op \d\d\/\d\d\/\d{4} om \d\d:\d\d\. .* \/ This was already decided: approved by .+ on \d\d\/\d\d\/\d{4} at \d\d:\d\d\./);

    // An early end is four eyes: the account manager proposes, an approver closes the case.
    const closed = await post('handler', `cases/${caseId}/closure`, { explanation: 'Europees partnerschap.', finalReport: 'Eindrapport.' });
    expect(closed.status).toBe(202);
    expect((await post('approver', `approvals/${closed.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord.' })).body).toMatchObject({ stage: 'closed' });
  });

  it('traces every decision, approval and release with the exact inputs it rested on, oldest first', async () => {
    const res = await get('auditor', `cases/${caseId}/decisions`);
    expect(res.status).toBe(200);
    const trace = res.body as Json;
    expect(trace).toMatchObject({ caseId, clusterName: 'Duurzame chemie', chainHead: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(trace.records.map((r: Json) => r.kind)).toEqual([
      'assessment_conclusion',
      'government_decision',
      'government_decision',
      'trajectory_evaluation',
      'agreement_signing',
      'budget_release',
      'case_closure',
    ]);
    for (const r of trace.records) expect(Object.keys(r).filter((k) => !['kind', 'at', 'summary', 'events'].includes(k))).toHaveLength(1);

    const [sentBack, approved] = trace.records.filter((r: Json) => r.kind === 'government_decision').map((r: Json) => r.governmentDecision);
    expect(sentBack).toMatchObject({ version: 1, status: 'sent_back', approval: { status: 'sent_back', comment: 'Motiveer het SERV-advies beter.' } });
    expect(approved).toMatchObject({
      version: 2,
      outcome: 'approve_with_conditions',
      conditions: 'Jaarlijkse rapportering.',
      status: 'approved',
      roadmap: { version: 2, sha256 },
      proposedBy: { userId: demoUser('handler').id, name: 'An Peeters' },
      approval: { status: 'approved', decidedBy: { userId: demoUser('approver').id, name: 'Chris Maes' }, comment: 'Akkoord.' },
      conclusion: { outcome: 'proceed', roadmapVersion: 2 },
    });
    expect(approved.approval.decidedBy.userId).not.toBe(approved.proposedBy.userId);
    expect(approved.assessments.map((a: Json) => [a.assessor.name, a.scores.find((x: Json) => x.code === 'C2').score])).toEqual([['Karel Jacobs', 4], ['Lies Mertens', 2]]);
    expect(approved.assessments[0].scores).toHaveLength(10);
    expect(approved.assessments[0].gateAnswers).toHaveLength(3);
    expect(approved.conflictDeclarations).toEqual([expect.objectContaining({ hasConflict: false }), expect.objectContaining({ hasConflict: false })]);
    expect(approved.advice.map((a: Json) => `${a.councilCode}:${a.status}:${a.position}`).sort()).toEqual(['RI:advised:positive', 'SERV:advised:negative', 'VRWI:advised:conditional']);
    expect(approved.advice[0]).toMatchObject({ textSha256: expect.stringMatching(/^[0-9a-f]{64}$/), textSummary: expect.stringMatching(/^Advies van de/), advisedBy: { name: expect.any(String) }, dueAt: expect.any(String) });
    const decisionRecord = trace.records[2];
    expect(decisionRecord.summary).toMatch(/^Beslissing v2 .*goedgekeurd door Chris Maes \/ Decision v2 .*approved by Chris Maes$/);
    expect(decisionRecord.events.map((e: Json) => e.action)).toEqual(expect.arrayContaining([
      'roadmap.submitted', 'assessment.submitted', 'assessment.concluded_proceed', 'advice.round_opened', 'advice.given', 'decision.proposed', 'approval.requested', 'approval.approved', 'decision.approved',
    ]));
    expect(decisionRecord.events.filter((e: Json) => e.action === 'decision.proposed')).toHaveLength(1); // not version 1's

    const release = trace.records.find((r: Json) => r.kind === 'budget_release').budgetRelease;
    expect(release).toMatchObject({
      instrumentCode: 'IWT',
      amountCents: 30_000_000,
      basis: 'Dialoogcyclus 1: op koers',
      status: 'approved',
      requestedBy: { userId: demoUser('handler').id },
      approval: { decidedBy: { userId: demoUser('approver').id }, comment: 'Akkoord met de tranche.' },
      movementId: expect.any(String),
      agreement: { version: 1 },
      dialogueCycle: { cycle: 1, outcome: 'on_track' },
    });
    const signing = trace.records.find((r: Json) => r.kind === 'agreement_signing');
    expect(signing.agreementSigning).toMatchObject({ version: 1, complete: true, status: 'signed' });
    expect(signing.agreementSigning.signatures.map((x: Json) => [x.partyId, x.signer.name, x.sha256 === signing.agreementSigning.sha256])).toEqual([
      ['vlaamse-overheid', 'Chris Maes', true],
      ['catalisti', 'Vertegenwoordiger rep-acc', true],
    ]);
    expect(signing.events.map((e: Json) => e.action)).toEqual(expect.arrayContaining(['agreement.version_drafted', 'agreement.signed', 'budget.earmarked', 'agreement.fully_signed']));
    // The early end was four eyes: the closure names who proposed it and who approved it.
    const closure = trace.records.at(-1);
    expect(closure.caseClosure).toMatchObject({
      reason: 'ended_early',
      returnedCents: 120_000_050,
      approval: { status: 'approved', requestedBy: { userId: demoUser('handler').id }, decidedBy: { userId: demoUser('approver').id, name: 'Chris Maes' } },
    });
    expect(closure.summary).toMatch(/^Afgesloten \(vroegtijdig beëindigd\) door .+, goedgekeurd door Chris Maes \/ Closed \(ended early\) by .+, approved by Chris Maes$/);
    expect(closure.events.map((e: Json) => e.action)).toEqual(expect.arrayContaining(['approval.requested', 'case.closed']));

    // Every event named is the one in the chain: same place, same hash.
    const chain = new Map(((await get('auditor', `cases/${caseId}/audit?limit=200`)).body.items as Json[]).map((e) => [e.seq, e.hash]));
    const named = trace.records.flatMap((r: Json) => r.events as Json[]);
    expect(named.length).toBeGreaterThan(20);
    for (const e of named) expect(chain.get(e.seq)).toBe(e.hash);
  });

  it('lets whoever may read the case see the trace, and no one else', async () => {
    expect((await get('rep-acc', `cases/${caseId}/decisions`)).status).toBe(200);
    expect((await get('rep-other', `cases/${caseId}/decisions`)).status).toBe(403);
    expect((await s.http().get(`/api/cases/${caseId}/decisions`)).status).toBe(401);
    expect((await get('auditor', `cases/00000000-0000-4000-8000-0000000000ff/decisions`)).status).toBe(404);
    expect((await get('auditor', `cases/${otherCaseId}/decisions`)).body.records).toEqual([]);
  });

  it('rebuilds the case as it stood after each step, from the recorded events', async () => {
    const asOf = async (when: Date) => {
      const r = await get('auditor', `cases/${caseId}?asOf=${encodeURIComponent(when.toISOString())}`);
      expect(r.status).toBe(200);
      expect(r.body.chain).toMatchObject({ intact: true, firstBreakSeq: null });
      return r.body as Json;
    };

    const submitted = await asOf(at.submitted!);
    expect(submitted).toMatchObject({ stage: 'quality_assessment', clusterName: 'Duurzame chemie', roadmap: { current: { version: 2, sha256 } }, decision: null, budget: [], closed: false });
    expect(submitted.assessment.assessors).toEqual([]);

    const advised = await asOf(at.advised!);
    expect(advised.stage).toBe('decision');
    expect(advised.assessment.assessors.map((a: Json) => [a.assessorName, a.status, a.scores.find((x: Json) => x.code === 'C2').score])).toEqual([['Karel Jacobs', 'submitted', 4], ['Lies Mertens', 'submitted', 2]]);
    expect(advised.assessment.conclusion).toMatchObject({ outcome: 'proceed' });
    expect(advised.advice.councils.map((c: Json) => `${c.councilCode}:${c.status}:${c.position}`).sort()).toEqual(['RI:advised:positive', 'SERV:advised:negative', 'VRWI:advised:conditional']);
    expect(advised.decision).toBeNull();

    const decided = await asOf(at.decided!);
    expect(decided).toMatchObject({
      stage: 'test_trajectory',
      decision: { version: 2, status: 'approved', outcome: 'approve_with_conditions', roadmapVersion: 2, proposedBy: { userId: demoUser('handler').id }, decidedBy: { userId: demoUser('approver').id } },
      agreement: { versions: [], inForceVersion: null },
    });

    const drafted = await asOf(at.drafted!);
    expect(drafted).toMatchObject({ stage: 'partnership_agreement', agreement: { inForceVersion: null, versions: [{ version: 1, status: 'signing', signatures: [] }] }, budget: [] });

    const signed = await asOf(at.signed!);
    expect(signed.stage).toBe('structured_dialogue');
    expect(signed.agreement).toMatchObject({ inForceVersion: 1, versions: [{ version: 1, status: 'signed' }] });
    expect(signed.agreement.versions[0].signatures.map((x: Json) => [x.partyId, x.signer.userId === demoUser('approver').id || x.party === 'Catalisti vzw'])).toEqual([['vlaamse-overheid', true], ['catalisti', true]]);
    expect(signed.budget).toEqual([
      { instrumentCode: 'IWT', earmarkedCents: 100_000_000, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 100_000_000 },
      { instrumentCode: 'TINA', earmarkedCents: 50_000_050, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 50_000_050 },
    ]);

    expect((await asOf(at.requested!)).budget[0]).toMatchObject({ instrumentCode: 'IWT', requestedCents: 30_000_000, releasedCents: 0 });
    const released = await asOf(at.released!);
    expect(released).toMatchObject({ stage: 'structured_dialogue', closed: false, closure: null });
    expect(released.budget[0]).toEqual({ instrumentCode: 'IWT', earmarkedCents: 100_000_000, requestedCents: 0, approvedCents: 30_000_000, releasedCents: 30_000_000, remainingCents: 70_000_000 });
    expect(released.releases).toEqual([expect.objectContaining({ status: 'approved', requestedBy: expect.objectContaining({ userId: demoUser('handler').id }), decidedBy: expect.objectContaining({ userId: demoUser('approver').id }) })]);
    expect(released.dialogue.cycles[0]).toMatchObject({ cycle: 1, status: 'concluded', outcome: 'on_track', reportedBy: { name: 'Vertegenwoordiger rep-acc' } });

    // Today the case is closed and its unreleased earmarks went back: the past views differ.
    const today = (await get('auditor', `cases/${caseId}`)).body;
    expect(today.stage).toBe('closed');
    expect(today.asOf).toBeUndefined();
    const now = await asOf(new Date());
    expect(now).toMatchObject({ stage: 'closed', closed: true, closure: { reason: 'ended_early' } });
    expect(now.budget.map((b: Json) => [b.instrumentCode, b.earmarkedCents, b.remainingCents])).toEqual([['IWT', 30_000_000, 0], ['TINA', 0, 0]]);
    expect(now.eventsApplied).toBeGreaterThan(released.eventsApplied);
    expect(released.lastEvent.occurredAt <= at.released!.toISOString()).toBe(true);

    // The same view under its own path.
    const same = await get('auditor', `cases/${caseId}/as-of?at=${encodeURIComponent(at.decided!.toISOString())}`);
    expect(same.status).toBe(200);
    expect(same.body).toEqual({ ...decided });
  });

  it('refuses a moment in the future or not a date-time (400), and one before the case existed (404)', async () => {
    const future = await get('auditor', `cases/${caseId}?asOf=${encodeURIComponent(new Date(Date.now() + DAY).toISOString())}`);
    expect(future.status).toBe(400);
    expect(future.body.message).toMatch(/lies in the future/);
    for (const bad of ['yesterday', '2026-01-01', '2026-13-01T00:00:00Z', '2026-01-01T10:00:00']) {
      const r = await get('auditor', `cases/${caseId}?asOf=${encodeURIComponent(bad)}`);
      expect(r.status).toBe(400);
      expect(r.body.fieldErrors).toEqual([expect.objectContaining({ field: 'asOf', messages: [expect.stringMatching(/tijdstip in ISO 8601 met een tijdzone/)] })]);
    }
    expect((await get('auditor', `cases/${caseId}/as-of?at=nope`)).status).toBe(400);
    expect((await get('auditor', `cases/${caseId}/as-of`)).status).toBe(400);
    const before = await get('auditor', `cases/${caseId}?asOf=${encodeURIComponent(at.beforeCase!.toISOString())}`);
    expect(before.status).toBe(404);
    expect(before.body.message).toMatch(/did not exist yet/);
    expect((await get('rep-other', `cases/${caseId}?asOf=${encodeURIComponent(at.decided!.toISOString())}`)).status).toBe(403);
  });

  it('documents both endpoints with typed responses', async () => {
    const paths = (await s.http().get('/api/docs-json').expect(200)).body.paths as Json;
    expect(paths['/api/cases/{id}/decisions'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/DecisionTraceDto' });
    expect(paths['/api/cases/{id}/as-of'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CaseAsOfDto' });
    expect(paths['/api/cases/{id}'].get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'asOf', in: 'query', required: false })]));
  });
});

/**
 * A council that lets its term pass: on the time-skipping server, so 30 days go by at once. The
 * trace names the lapse and its due date among the inputs of the decision.
 */
describe('accountability: a lapsed advice in the decision trace', () => {
  let env: TestWorkflowEnvironment;
  let s: HttpStack;
  const { post, get, eventually } = client(() => s);

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    s = await startHttpStack({ TEMPORAL_ADDRESS: env.address });
  });
  afterAll(async () => {
    await s?.stop();
    await env?.teardown();
  });

  it('records "no advice within the term" with its due date, next to the advice given', async () => {
    const caseId = (await post('handler', 'cases', { clusterName: 'Blauwe economie', domain: 'Maritiem', leadActors: ['Blue Cluster'], partners: [], accountManagerId: demoUser('handler').id })).body.id;
    expect((await post('handler', `cases/${caseId}/roadmap/drafts`, roadmap())).status).toBe(201);
    expect((await post('handler', `cases/${caseId}/roadmap/submit`)).status).toBe(200);
    await post('handler', `cases/${caseId}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] });
    for (const subject of ['assessor-a', 'assessor-b']) {
      await post(subject, `cases/${caseId}/assessment/conflict-declaration`, { hasConflict: false });
      expect((await post(subject, `cases/${caseId}/assessments`, assessment(3))).status).toBe(201);
    }
    expect((await post('handler', `cases/${caseId}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Voldoende.' })).status).toBe(200);
    const requests = (await eventually(() => get('handler', 'advice-requests?status=open'), (r) => r.body.total === 3)).body.items as { id: string; councilCode: string; dueAt: string }[];
    for (const r of requests.filter((x) => x.councilCode !== 'RI')) {
      expect((await post(`council-${r.councilCode.toLowerCase()}`, `advice-requests/${r.id}/advice`, { position: 'positive', text: 'Gunstig advies, zonder voorwaarden.' })).status).toBe(200);
    }
    const ri = requests.find((r) => r.councilCode === 'RI')!;
    await env.sleep(new Date(ri.dueAt).getTime() - Number(await env.currentTimeMs()) + DAY);
    await eventually(() => get('handler', `cases/${caseId}`), (r) => r.body.stage === 'decision');
    const proposed = await post('handler', `cases/${caseId}/decision/proposals`, proposal());
    expect((await post('approver', `approvals/${proposed.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord.' })).status).toBe(200);

    const trace = (await get('auditor', `cases/${caseId}/decisions`)).body as Json;
    const decision = trace.records.find((r: Json) => r.kind === 'government_decision');
    const advice = decision.governmentDecision.advice as Json[];
    expect(advice.find((a) => a.councilCode === 'RI')).toMatchObject({ status: 'lapsed', position: null, advisedBy: null, textSha256: null, dueAt: ri.dueAt, lapsedAt: expect.any(String) });
    expect(new Date(advice.find((a) => a.councilCode === 'RI')!.lapsedAt).getTime()).toBeGreaterThanOrEqual(new Date(ri.dueAt).getTime());
    expect(advice.filter((a) => a.status === 'advised').map((a) => a.councilCode).sort()).toEqual(['SERV', 'VRWI']);
    expect(decision.events.map((e: Json) => e.action)).toEqual(expect.arrayContaining(['advice.lapsed', 'advice.given', 'advice.round_closed', 'decision.approved']));
    expect(decision.governmentDecision.approval.decidedBy.userId).toBe(demoUser('approver').id);
  });
});
