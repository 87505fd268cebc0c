import { Database } from '@cluster/persistence';
import { demoUser, roadmap } from '../support/fixtures';
import { httpCalls } from '../support/http-calls';
import { startHttpStack, type HttpStack } from '../support/http-stack';

/**
 * People over the years, over HTTP against the real API, worker, Temporal and PostgreSQL: one
 * account per person, roles and bindings changed with a reason in the system audit stream, a
 * representative of several cases, deactivation that stops tokens at once, and the handover of
 * what a person leaves (never to an assessor of the case's current roadmap version).
 */
describe('people over HTTP', () => {
  let s: HttpStack;
  const { post, get, as } = httpCalls(() => s);
  const patch = async (subject: string, path: string, body: object) => s.http().patch(`/api/${path}`).set(await as(subject)).send(body);
  const adminId = demoUser('admin').id;

  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(() => s?.stop());

  const person = (subject: string, extra: object = {}) => ({
    subject,
    displayName: `Persoon ${subject}`,
    email: `${subject}@example.be`,
    organisation: 'Departement EWI',
    roles: ['case_handler'],
    reason: `Indiensttreding van ${subject}`,
    ...extra,
  });
  const created = async (body: object): Promise<{ id: string; subject: string }> => {
    const r = await post('admin', 'users', body);
    if (r.status !== 201) throw new Error(`user: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const openCase = async (clusterName: string, accountManagerId = demoUser('handler').id): Promise<string> => {
    const r = await post('handler', 'cases', { clusterName, domain: 'Logistiek', leadActors: ['VIL'], partners: [], accountManagerId });
    if (r.status !== 201) throw new Error(`case: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  const fields = (body: { fieldErrors?: { field: string }[] }) => (body.fieldErrors ?? []).map((f) => f.field).sort();
  const systemEvents = async (action: string) =>
    (await get('auditor', `audit?action=${action}&limit=200`)).body.items as { caseId: string | null; actorId: string; actorRole: string; reason: string | null; payload: Record<string, unknown> }[];

  it('refuses a second account for the same person: same subject, or same e-mail in any case', async () => {
    await created(person('jan.peeters'));
    const total = async () => ((await get('admin', 'users')).body as unknown[]).length;
    const before = await total();

    const sameSubject = await post('admin', 'users', person('jan.peeters', { email: 'another@example.be' }));
    expect(sameSubject.status).toBe(409);
    expect(fields(sameSubject.body)).toEqual(['subject']);
    const sameEmail = await post('admin', 'users', person('jan.peeters.2', { email: 'Jan.PEETERS@Example.be' }));
    expect(sameEmail.status).toBe(409);
    expect(fields(sameEmail.body)).toEqual(['email']);
    expect(sameEmail.body.message).toMatch(/^Er bestaat al .* \/ A user .* already exists\.$/);
    expect(await total()).toBe(before);

    // The database refuses it too, whoever writes: two requests racing past the service's check.
    const db = s.app.get(Database);
    const row = { id: '6f1a0a3e-1111-4111-8111-000000000001', subject: 'racer', displayName: 'Racer', email: 'JAN.peeters@example.be', organisation: 'EWI', roles: ['case_handler' as const], councilCode: null, active: true, deactivatedAt: null, deactivationReason: null };
    await expect(db.transaction((repos) => repos.users.insert(row))).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: [expect.objectContaining({ field: 'email' })] });
  });

  it('validates a user, naming the field: a reason, bindings that follow the roles, known councils and cases', async () => {
    const noReason = await post('admin', 'users', { ...person('zonder.reden'), reason: undefined });
    expect(noReason.status).toBe(400);
    expect(fields(noReason.body)).toEqual(['reason']);
    const repWithoutCase = await post('admin', 'users', person('rep.zonder', { roles: ['cluster_representative'] }));
    expect(repWithoutCase.status).toBe(400);
    expect(fields(repWithoutCase.body)).toEqual(['caseIds']);
    const unknownCouncil = await post('admin', 'users', person('raad.x', { roles: ['council_member'], councilCode: 'XYZ' }));
    expect(unknownCouncil.status).toBe(400);
    expect(fields(unknownCouncil.body)).toEqual(['councilCode']);

    const u = await created(person('wissel'));
    const councilWithoutRole = await patch('admin', `users/${u.id}`, { councilCode: 'RI', reason: 'Raad erbij' });
    expect(councilWithoutRole.status).toBe(400);
    expect(fields(councilWithoutRole.body)).toEqual(['councilCode']);
    const nothing = await patch('admin', `users/${u.id}`, { reason: 'Niets' });
    expect(nothing.status).toBe(400);
    expect(fields(nothing.body)).toEqual(['roles']);
    const unknownCase = await patch('admin', `users/${u.id}`, { roles: ['cluster_representative'], caseIds: ['6f1a0a3e-2222-4222-8222-000000000002'], reason: 'Vertegenwoordiger' });
    expect(unknownCase.status).toBe(400);
    expect(fields(unknownCase.body)).toEqual(['caseIds']);
    expect((await patch('admin', `users/${u.id}`, { roles: ['approver'] })).status).toBe(400);
    expect((await patch('handler', `users/${u.id}`, { roles: ['approver'], reason: 'Eigen keuze' })).status).toBe(403);
  });

  it('records every change in the system audit stream with the administrator and the reason, in its own transaction', async () => {
    const u = await created(person('raadslid.nieuw'));
    const toCouncil = await patch('admin', `users/${u.id}`, { roles: ['council_member'], councilCode: 'SERV', reason: 'Secretaris van de SERV sinds 1 januari' });
    expect(toCouncil.status).toBe(200);
    expect(toCouncil.body).toMatchObject({ roles: ['council_member'], councilCode: 'SERV', active: true });
    expect((await patch('admin', `users/${u.id}`, { roles: ['council_member'], councilCode: 'SERV', reason: 'Nogmaals' })).status).toBe(200);
    const off = await post('admin', `users/${u.id}/deactivation`, { reason: 'Einde mandaat bij de SERV' });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, deactivationReason: 'Einde mandaat bij de SERV' });

    const mine = async (action: string) => (await systemEvents(action)).filter((e) => e.payload.id === u.id);
    const [createdEvent] = await mine('user.created');
    const updates = await mine('user.updated');
    const [deactivated] = await mine('user.deactivated');
    for (const e of [createdEvent, ...updates, deactivated]) expect(e).toMatchObject({ caseId: null, actorId: adminId, actorRole: 'admin' });
    expect(createdEvent!.reason).toBe('Indiensttreding van raadslid.nieuw');
    // The repeat changed nothing and recorded nothing.
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      reason: 'Secretaris van de SERV sinds 1 januari',
      payload: { before: { roles: ['case_handler'], councilCode: null, caseIds: [] }, after: { roles: ['council_member'], councilCode: 'SERV', caseIds: [] } },
    });
    expect(deactivated!.reason).toBe('Einde mandaat bij de SERV');

    // A change that fails leaves neither the change nor an event.
    const refused = await patch('admin', `users/${u.id}`, { roles: ['approver'], reason: 'Na vertrek' });
    expect(refused.status).toBe(409);
    expect(await mine('user.updated')).toHaveLength(1);
  });

  it('binds a representative to two cases: they read both, and no third; the binding follows a change at once', async () => {
    const [a, b, c] = [await openCase('Cluster Alfa'), await openCase('Cluster Beta'), await openCase('Cluster Gamma')];
    const rep = await created(person('rep.twee', { roles: ['cluster_representative'], caseIds: [a, b] }));
    const list = await get('rep.twee', 'cases');
    expect(list.status).toBe(200);
    expect((list.body.items as { id: string }[]).map((x) => x.id).sort()).toEqual([a, b].sort());
    expect(list.body.total).toBe(2);
    for (const id of [a, b]) expect((await get('rep.twee', `cases/${id}`)).status).toBe(200);
    expect((await get('rep.twee', `cases/${c}`)).status).toBe(403);
    expect((await post('rep.twee', `cases/${b}/roadmap/drafts`, roadmap())).status).toBe(201);
    expect((await post('rep.twee', `cases/${c}/roadmap/drafts`, roadmap())).status).toBe(403);
    // Their inbox holds the drafting task of both cases (tasks for a case's representatives).
    const inbox = (await get('rep.twee', 'tasks')).body.items as { caseId: string }[];
    expect([...new Set(inbox.map((t) => t.caseId))].sort()).toEqual([a, b].sort());

    const rebound = await patch('admin', `users/${rep.id}`, { caseIds: [a, c], reason: 'Cluster Beta overgedragen aan een collega' });
    expect(rebound.status).toBe(200);
    expect([...rebound.body.caseIds].sort()).toEqual([a, c].sort());
    expect((await get('rep.twee', `cases/${b}`)).status).toBe(403);
    expect((await get('rep.twee', `cases/${c}`)).status).toBe(200);
    const me = (await get('rep.twee', 'auth/me')).body;
    expect([...me.caseIds].sort()).toEqual([a, c].sort());
  });

  it("an administrator cannot deactivate themself nor remove their own admin role", async () => {
    const self = await post('admin', `users/${adminId}/deactivation`, { reason: 'Ik stop' });
    expect(self.status).toBe(403);
    expect(self.body.message).toMatch(/nooit het eigen account.* \/ .*never their own account/);
    const demote = await patch('admin', `users/${adminId}`, { roles: ['case_handler'], reason: 'Ik word dossierbehandelaar' });
    expect(demote.status).toBe(403);
    expect((await patch('admin', `users/${adminId}`, { roles: ['admin', 'auditor'], reason: 'Ook auditor' })).status).toBe(200);
    expect((await get('admin', 'auth/me')).body.roles).toEqual(['admin', 'auditor']);
    expect((await patch('admin', `users/${adminId}`, { roles: ['admin'], reason: 'Terug naar alleen beheer' })).status).toBe(200);
  });

  it("deactivation stops the user's tokens at once and lists their open work for a handover", async () => {
    const leaver = await created(person('vertrekker'));
    const token = await s.tokenFor('vertrekker');
    const caseId = await openCase('Cluster Delta', leaver.id);
    expect((await s.http().get(`/api/cases/${caseId}`).set({ authorization: `Bearer ${token}` })).status).toBe(200);

    const off = await post('admin', `users/${leaver.id}/deactivation`, { reason: 'Overgeplaatst naar een ander departement' });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, managedCases: 1, openTasks: 1 });
    expect((await s.http().get(`/api/cases/${caseId}`).set({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await s.http().get('/api/auth/me').set({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await s.http().post('/api/auth/dev-login').send({ subject: 'vertrekker' })).status).toBe(400);
    expect((await post('admin', `users/${leaver.id}/deactivation`, { reason: 'Nogmaals' })).status).toBe(409);

    const inactive = await get('admin', 'user-accounts?active=false&role=case_handler');
    expect((inactive.body.items as { id: string }[]).map((u) => u.id)).toContain(leaver.id);
    expect((inactive.body.items as { active: boolean }[]).every((u) => !u.active)).toBe(true);
    const work = await get('admin', `users/${leaver.id}/open-work`);
    expect(work.body).toMatchObject({ active: false, managedCases: [{ id: caseId, clusterName: 'Cluster Delta' }], tasks: [{ caseId, kind: 'roadmap_drafting', transferable: true }] });

    const handover = await post('admin', 'handovers', { fromUserId: leaver.id, toUserId: demoUser('handler2').id, reason: 'Vertrek van de accountmanager' });
    expect(handover.status).toBe(200);
    expect(handover.body).toMatchObject({ caseIds: [caseId], tasksMoved: 1 });
    expect((await get('auditor', `cases/${caseId}`)).body.accountManagerId).toBe(demoUser('handler2').id);
    expect((await get('admin', `users/${leaver.id}/open-work`)).body).toMatchObject({ tasks: [], managedCases: [] });
  });

  it('pages and filters the accounts', async () => {
    const page = await get('admin', 'user-accounts?limit=2&offset=1');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    const all = await get('admin', 'user-accounts?limit=200');
    expect(page.body.items.map((u: { id: string }) => u.id)).toEqual(all.body.items.slice(1, 3).map((u: { id: string }) => u.id));
    const councils = await get('admin', 'user-accounts?role=council_member&active=true');
    expect((councils.body.items as { roles: string[]; active: boolean }[]).every((u) => u.roles.includes('council_member') && u.active)).toBe(true);
    expect(councils.body.total).toBe(3);
    expect((await get('admin', 'user-accounts?active=maybe')).status).toBe(400);
    expect((await get('handler', 'user-accounts')).status).toBe(403);
  });

  it("refuses a handover that would make an assessor of the case's current roadmap version its account manager", async () => {
    const am = await created(person('am.beoordeling'));
    const caseId = await openCase('Cluster Epsilon', am.id);
    expect((await post('am.beoordeling', `cases/${caseId}/roadmap/drafts`, roadmap())).status).toBe(201);
    expect((await post('am.beoordeling', `cases/${caseId}/roadmap/submit`)).status).toBe(200);
    expect((await post('am.beoordeling', `cases/${caseId}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] })).status).toBeLessThan(300);

    const refused = await post('am.beoordeling', 'handovers', { fromUserId: am.id, toUserId: demoUser('assessor-a').id, reason: 'Afwezigheid' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/^Karel Jacobs beoordeelt de huidige routekaart van Cluster Epsilon \(versie 2\) .* \/ Karel Jacobs assesses .* Cluster Epsilon \(version 2\)/);
    expect(fields(refused.body)).toEqual(['toUserId']);
    const byAdmin = await post('admin', 'handovers', { fromUserId: am.id, toUserId: demoUser('assessor-b').id, reason: 'Afwezigheid' });
    expect(byAdmin.status).toBe(409);
    expect((await get('auditor', `cases/${caseId}`)).body.accountManagerId).toBe(am.id);
    expect((await systemEvents('user.handover')).filter((e) => e.payload.from === am.id)).toHaveLength(0);

    const fine = await post('am.beoordeling', 'handovers', { fromUserId: am.id, toUserId: demoUser('handler2').id, reason: 'Afwezigheid' });
    expect(fine.status).toBe(200);
    expect((await get('auditor', `cases/${caseId}`)).body.accountManagerId).toBe(demoUser('handler2').id);
  });
});
