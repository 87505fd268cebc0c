import { startHttpStack, type HttpStack } from '../support/http-stack';
import { eventually, httpCalls } from '../support/http-calls';
import { caseAt, type StagedCase } from '../support/case-stages';

/**
 * The project portfolio of a case (issue 14, item 3), over HTTP with the real API, worker, Temporal
 * dev server and PostgreSQL: projects serve an objective or milestone of the submitted roadmap,
 * move through their statuses by the rules of libs/domain/src/project.ts, are kept by the case's
 * cluster representatives and account manager only, stop changing once the case is closed, show
 * which milestones have no project, and are reported on in the dialogue. Every refusal writes nothing.
 */
describe('the project portfolio of a case', () => {
  let s: HttpStack;
  let dialogue: StagedCase;
  let other: StagedCase;
  let drafting: StagedCase;
  const { post, get, as } = httpCalls(() => s);
  const patch = async (subject: string, path: string, body: object) => s.http().patch(`/api/${path}`).set(await as(subject)).send(body);
  const postWithId = async (subject: string, path: string, body: object, requestId: string) =>
    s.http().post(`/api/${path}`).set(await as(subject)).set('X-Request-Id', requestId).send(body);

  type Project = { id: string; status: string; grantedCents: number | null; roadmapVersion: number; title: string; serves: { kind: string; index: number } };
  const project = (over: object = {}) => ({
    title: 'Pilootlijn bio-aromaten',
    leadOrganisation: 'Catalisti vzw',
    serves: { kind: 'objective', index: 0 },
    instrumentCode: 'IWT',
    requestedCents: 50_000_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    ...over,
  });
  const projects = async (c: StagedCase, query = '') => (await get('auditor', `cases/${c.id}/projects${query}`)).body as { items: Project[]; total: number };
  const events = async (c: StagedCase) =>
    ((await get('auditor', `cases/${c.id}/audit?action=project.&limit=200`)).body.items as { action: string; actorId: string; payload: Record<string, unknown>; reason: string | null }[]);
  /** The portfolio and its audit trail, to show that a refusal wrote nothing. */
  const record = async (c: StagedCase) => ({ projects: await projects(c), events: (await events(c)).length });
  const fieldsOf = (res: { body: { fieldErrors?: { field: string }[] } }) => (res.body.fieldErrors ?? []).map((f) => f.field);

  beforeAll(async () => {
    s = await startHttpStack();
    const options = (label: string, accountManager: string) => ({ label, accountManager, assessors: ['assessor-a', 'assessor-b'] as [string, string] });
    [dialogue, other, drafting] = await Promise.all([
      caseAt(s, 'structured_dialogue', options('portefeuille', 'handler')),
      caseAt(s, 'assessors_assigned', options('portefeuille-ander', 'handler2')),
      caseAt(s, 'drafting', options('portefeuille-concept', 'handler')),
    ]);
  }, 300_000);
  afterAll(() => s?.stop());

  let first: Project;

  it('the cluster adds a project that serves an objective of the submitted roadmap; a retried request adds it once', async () => {
    const created = await postWithId(dialogue.representative, `cases/${dialogue.id}/projects`, project(), 'project-e2e-create-1');
    expect(created.status).toBe(201);
    first = created.body as Project;
    expect(created.body).toMatchObject({
      caseId: dialogue.id,
      title: 'Pilootlijn bio-aromaten',
      leadOrganisation: 'Catalisti vzw',
      serves: { kind: 'objective', index: 0 },
      instrumentCode: 'IWT',
      requestedCents: 50_000_000,
      grantedCents: null,
      status: 'idea',
      startDate: '2027-01-01',
      endDate: '2028-12-31',
    });
    expect(first.roadmapVersion).toBe((await get('auditor', `cases/${dialogue.id}/projects/coverage`)).body.roadmapVersion);

    const again = await postWithId(dialogue.representative, `cases/${dialogue.id}/projects`, project(), 'project-e2e-create-1');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.id);
    expect((await projects(dialogue)).total).toBe(1);
    const trail = await events(dialogue);
    expect(trail).toEqual([expect.objectContaining({ action: 'project.created', payload: expect.objectContaining({ projectId: first.id, roadmapVersion: first.roadmapVersion }) })]);
  });

  it('refuses what does not fit with a 400 naming the field, and writes nothing', async () => {
    const before = await record(dialogue);
    const refused = async (body: object) => {
      const res = await post(dialogue.representative, `cases/${dialogue.id}/projects`, body);
      expect(res.status).toBe(400);
      return fieldsOf(res);
    };
    expect(await refused(project({ serves: { kind: 'milestone', index: 5 } }))).toEqual(['serves.index']);
    expect(await refused(project({ instrumentCode: 'XYZ' }))).toEqual(['instrumentCode']);
    expect(await refused(project({ startDate: '2028-01-01', endDate: '2027-12-31' }))).toEqual(['endDate']);
    expect(await refused(project({ grantedCents: 1000 }))).toEqual(['grantedCents']);
    expect(await refused(project({ status: 'running', grantedCents: 50_000_001 }))).toEqual(['grantedCents']);
    expect(await refused(project({ requestedCents: -1 }))).toContain('requestedCents');
    expect(await refused(project({ requestedCents: 10.5 }))).toContain('requestedCents');
    expect(await refused(project({ startDate: '2027-02-30' }))).toContain('startDate');
    expect(await refused(project({ status: 'approved' }))).toContain('status');
    expect(await refused(project({ serves: { kind: 'vision', index: 0 } }))).toContain('serves.kind');
    expect(await record(dialogue)).toEqual(before);
  });

  it('refuses a council member, an auditor, another case handler and another case’s representative with 403, and writes nothing', async () => {
    const before = await record(dialogue);
    for (const subject of ['council-ri', 'auditor', 'handler2', other.representative]) {
      const created = await post(subject, `cases/${dialogue.id}/projects`, project());
      expect({ subject, status: created.status }).toEqual({ subject, status: 403 });
      const changed = await patch(subject, `cases/${dialogue.id}/projects/${first.id}`, { title: 'Overgenomen project' });
      expect({ subject, status: changed.status }).toEqual({ subject, status: 403 });
    }
    // Reading is for whoever reads the case: not a council, not another case's representative.
    for (const subject of ['council-ri', other.representative]) {
      expect((await get(subject, `cases/${dialogue.id}/projects`)).status).toBe(403);
      expect((await get(subject, `cases/${dialogue.id}/projects/coverage`)).status).toBe(403);
    }
    expect((await get(dialogue.representative, `cases/${dialogue.id}/projects`)).status).toBe(200);
    expect((await get('approver', `cases/${dialogue.id}/projects/coverage`)).status).toBe(200);
    expect(await record(dialogue)).toEqual(before);
  });

  it('a project moves only along its transitions; granted amounts come with the grant; each change is audited', async () => {
    const path = `cases/${dialogue.id}/projects/${first.id}`;
    const refusedStatus = async (body: object, field = 'status') => {
      const res = await patch(dialogue.accountManager, path, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
      return res.body.fieldErrors[0].messages[0] as string;
    };
    const before = await record(dialogue);
    expect(await refusedStatus({ status: 'running' })).toBe(
      'Een project gaat niet van idee naar lopend; wel naar ingediend of stopgezet. / A project does not go from idea to running; it may go to submitted or stopped.',
    );
    // A field that always has a value cannot be emptied (class-validator's words, in the request's language).
    expect(await refusedStatus({ title: null }, 'title')).toBeTruthy();
    expect(await record(dialogue)).toEqual(before);

    const submitted = await patch(dialogue.representative, path, { status: 'submitted', reason: 'Ingediend bij VLAIO.' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', grantedCents: null, nextStatuses: ['running', 'idea', 'stopped'] });
    expect(await refusedStatus({ status: 'running', grantedCents: 60_000_000 }, 'grantedCents')).toMatch(/^Het toegekende bedrag is hoger dan het gevraagde bedrag/);

    const running = await patch(dialogue.accountManager, path, { status: 'running', grantedCents: 40_000_000 });
    expect(running.status).toBe(200);
    expect(running.body).toMatchObject({ status: 'running', grantedCents: 40_000_000, nextStatuses: ['finished', 'stopped'] });
    expect(await refusedStatus({ status: 'idea' })).toMatch(/^Een project gaat niet van lopend naar idee/);
    expect((await patch(dialogue.accountManager, path, { status: 'finished', endDate: '2028-06-30' })).body).toMatchObject({ status: 'finished', endDate: '2028-06-30' });
    expect(await refusedStatus({ status: 'stopped' })).toMatch(/^Een project dat afgerond is, verandert niet meer van status/);
    // The end stays after the start, whichever of them changes.
    expect(await refusedStatus({ startDate: '2029-01-01' }, 'endDate')).toMatch(/ligt voor de startdatum/);

    const renamed = await patch(dialogue.representative, path, { title: 'Pilootlijn bio-aromaten (fase 1)' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe('Pilootlijn bio-aromaten (fase 1)');

    const trail = await events(dialogue);
    expect(trail.map((e) => e.action)).toEqual(['project.created', 'project.status_changed', 'project.status_changed', 'project.status_changed', 'project.updated']);
    expect(trail[1]).toMatchObject({ reason: 'Ingediend bij VLAIO.', payload: { projectId: first.id, changes: { status: { from: 'idea', to: 'submitted' } } } });
    expect(trail[2]!.payload.changes).toEqual({ status: { from: 'submitted', to: 'running' }, grantedCents: { from: null, to: 40_000_000 } });
    expect(trail[4]!.payload.changes).toEqual({ title: { from: 'Pilootlijn bio-aromaten', to: 'Pilootlijn bio-aromaten (fase 1)' } });
  });

  it('a project of another case, or none, is not found through this case', async () => {
    const elsewhere = await post(other.accountManager, `cases/${other.id}/projects`, project({ title: 'Project van een ander dossier' }));
    expect(elsewhere.status).toBe(201);
    expect((await patch(dialogue.accountManager, `cases/${dialogue.id}/projects/${elsewhere.body.id}`, { title: 'Verkeerd dossier' })).status).toBe(404);
    expect((await patch(dialogue.accountManager, `cases/${dialogue.id}/projects/00000000-0000-4000-8000-000000000001`, { title: 'Niets' })).status).toBe(404);
    const badId = await patch(dialogue.accountManager, `cases/${dialogue.id}/projects/not-a-uuid`, { title: 'Niets' });
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId)).toEqual(['projectId']);
    // The coverage is its own path, not a project called "coverage": it is only read.
    const onCoverage = await patch(dialogue.accountManager, `cases/${dialogue.id}/projects/coverage`, { title: 'Niets' });
    expect({ status: onCoverage.status, allow: onCoverage.headers.allow }).toEqual({ status: 405, allow: 'GET' });
  });

  it('without a submitted roadmap there is nothing to serve yet: 409', async () => {
    const res = await post(drafting.representative, `cases/${drafting.id}/projects`, project());
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/^Een project dient een doelstelling of mijlpaal van de ingediende routekaart/);
    expect((await projects(drafting)).total).toBe(0);
    expect((await get('auditor', `cases/${drafting.id}/projects/coverage`)).body).toMatchObject({ roadmapVersion: null, objectives: [], milestones: [], uncoveredCount: 0 });
  });

  it('lists the portfolio page by page and by status; the coverage flags the milestone without a project', async () => {
    let coverage = (await get(dialogue.accountManager, `cases/${dialogue.id}/projects/coverage`)).body;
    expect(coverage.objectives).toEqual([expect.objectContaining({ kind: 'objective', index: 0, text: '30% minder CO2-uitstoot', uncovered: false, projects: [expect.objectContaining({ id: first.id, status: 'finished' })] })]);
    expect(coverage.milestones).toEqual([expect.objectContaining({ kind: 'milestone', index: 0, text: 'Pilootinstallatie', dueDate: '2028-06-30', uncovered: true, projects: [] })]);
    expect(coverage.uncoveredCount).toBe(1);

    // A stopped project is listed but covers nothing.
    const second = await post(dialogue.representative, `cases/${dialogue.id}/projects`, project({ title: 'Demonstrator', serves: { kind: 'milestone', index: 0 }, instrumentCode: 'PMV', startDate: null, endDate: null }));
    expect(second.status).toBe(201);
    expect((await patch(dialogue.representative, `cases/${dialogue.id}/projects/${second.body.id}`, { status: 'stopped', reason: 'Geen investeerder gevonden.' })).status).toBe(200);
    coverage = (await get(dialogue.accountManager, `cases/${dialogue.id}/projects/coverage`)).body;
    expect(coverage.milestones[0]).toMatchObject({ uncovered: true, projects: [{ id: second.body.id, title: 'Demonstrator', status: 'stopped' }] });

    const third = await post(dialogue.representative, `cases/${dialogue.id}/projects`, project({ title: 'Opschaling', serves: { kind: 'milestone', index: 0 } }));
    expect(third.status).toBe(201);
    coverage = (await get(dialogue.accountManager, `cases/${dialogue.id}/projects/coverage`)).body;
    expect(coverage.milestones[0]).toMatchObject({ uncovered: false });
    expect(coverage.uncoveredCount).toBe(0);

    const all = await projects(dialogue);
    expect(all.items.map((p) => p.title)).toEqual(['Pilootlijn bio-aromaten (fase 1)', 'Demonstrator', 'Opschaling']);
    const page = await projects(dialogue, '?limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1, items: [expect.objectContaining({ title: 'Demonstrator' })] });
    expect((await projects(dialogue, '?status=stopped')).items.map((p) => p.id)).toEqual([second.body.id]);
    expect((await projects(dialogue, '?status=idea')).total).toBe(1);
    expect((await get('auditor', `cases/${dialogue.id}/projects?status=approved`)).status).toBe(400);
  });

  it('the cluster reports project progress in the dialogue: only its own projects, stored with the report', async () => {
    const report = { milestoneProgress: 'Pilootinstallatie in aanbouw.', portfolioProgress: 'Drie projecten, één afgerond.' };
    const own = (await projects(dialogue)).items;
    const elsewhere = (await projects(other)).items[0]!;
    const path = `cases/${dialogue.id}/dialogue/cycles/1/report`;

    const unknown = await post(dialogue.representative, path, { ...report, projects: [{ projectId: own[0]!.id, status: 'finished', progress: 'Afgerond.' }, { projectId: elsewhere.id, status: 'idea', progress: 'Niet van ons.' }] });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['projects.1.projectId']);
    const twice = await post(dialogue.representative, path, { ...report, projects: [{ projectId: own[0]!.id, status: 'finished', progress: 'Afgerond.' }, { projectId: own[0]!.id, status: 'finished', progress: 'Nog eens.' }] });
    expect(fieldsOf(twice)).toEqual(['projects.1.projectId']);
    expect((await get('auditor', `cases/${dialogue.id}/dialogue`)).body.cycles[0]).toMatchObject({ status: 'awaiting_report', report: null });

    const lines = [
      { projectId: own[0]!.id, status: 'finished', progress: 'Fase 1 afgerond binnen budget.' },
      { projectId: own[2]!.id, status: 'idea', progress: 'Aanvraag in voorbereiding.' },
    ];
    const done = await post(dialogue.representative, path, { ...report, projects: lines });
    expect(done.status).toBe(200);
    const cycle = await eventually(() => get('auditor', `cases/${dialogue.id}/dialogue`), (r) => r.body.cycles[0]?.status === 'reported');
    expect(cycle.body.cycles[0].report).toEqual({ ...report, projects: lines });
  });

  it('a closed case keeps its portfolio as it was: 409 to every change, still readable', async () => {
    const kept = await post(other.accountManager, `cases/${other.id}/projects`, project({ title: 'Blijft staan' }));
    expect(kept.status).toBe(201);
    const proposed = await post(other.accountManager, `cases/${other.id}/withdrawal`, { reason: 'De cluster trekt de kandidatuur in.' });
    expect(proposed.status).toBe(202);
    expect((await post('approver', `approvals/${proposed.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met de intrekking.' })).status).toBe(200);
    await eventually(() => get('auditor', `cases/${other.id}`), (r) => r.body.stage === 'closed');

    const before = await record(other);
    const created = await post(other.accountManager, `cases/${other.id}/projects`, project({ title: 'Te laat' }));
    expect(created.status).toBe(409);
    expect(created.body.message).toMatch(/^Het dossier is afgesloten; de projectportefeuille blijft zoals ze was\. \/ /);
    expect((await patch(other.representative, `cases/${other.id}/projects/${kept.body.id}`, { status: 'submitted' })).status).toBe(409);
    expect(await record(other)).toEqual(before);
    expect(before.projects.total).toBe(2);
  });
});
