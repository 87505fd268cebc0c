import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser, roadmap } from '../support/fixtures';

/** The timeline of a case and the search across cases, as auditors use them. */
describe('audit timeline and search over HTTP', () => {
  let s: HttpStack;
  let caseA: string;
  let caseB: string;
  let startedAt: string;
  const as = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });
  const newCase = (clusterName: string) => ({ clusterName, domain: 'Energie', leadActors: ['Flux50'], partners: ['VITO'], accountManagerId: demoUser('handler').id });

  beforeAll(async () => {
    s = await startHttpStack();
    startedAt = new Date().toISOString();
    caseA = (await s.http().post('/api/cases').set(await as('handler')).send(newCase('Energietransitie')).expect(201)).body.id;
    caseB = (await s.http().post('/api/cases').set(await as('handler2')).send(newCase('Waterstof')).expect(201)).body.id;
    await s.http().post(`/api/cases/${caseA}/roadmap/drafts`).set(await as('handler')).send(roadmap()).expect(201);
  });
  afterAll(() => s?.stop());

  it("filters a case's timeline by action family, actor and period, with paging and each event's place in the chain", async () => {
    const auditor = await as('auditor');
    const all = (await s.http().get(`/api/cases/${caseA}/audit`).set(auditor).expect(200)).body;
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.items.map((e: { seq: number }) => e.seq)).toEqual([...Array(all.total).keys()].map((i) => i + 1));
    expect(all.items[1].prevHash).toBe(all.items[0].hash);
    expect(all.items[0]).toMatchObject({ caseId: caseA, actorRole: 'case_handler', organisation: expect.any(String), documentHashes: expect.any(Array) });

    const roadmapOnly = (await s.http().get(`/api/cases/${caseA}/audit?action=roadmap.`).set(auditor).expect(200)).body;
    expect(roadmapOnly.items.length).toBeGreaterThan(0);
    expect(roadmapOnly.items.every((e: { action: string }) => e.action.startsWith('roadmap.'))).toBe(true);
    const exact = (await s.http().get(`/api/cases/${caseA}/audit?action=case.created`).set(auditor).expect(200)).body;
    expect(exact.items.map((e: { action: string }) => e.action)).toEqual(['case.created']);
    const byActor = (await s.http().get(`/api/cases/${caseA}/audit?actorId=${demoUser('handler').id}`).set(auditor).expect(200)).body;
    expect(byActor.items.every((e: { actorId: string }) => e.actorId === demoUser('handler').id)).toBe(true);
    const future = (await s.http().get(`/api/cases/${caseA}/audit?from=2099-01-01`).set(auditor).expect(200)).body;
    expect(future).toMatchObject({ total: 0, items: [] });
    const page = (await s.http().get(`/api/cases/${caseA}/audit?limit=1&offset=1`).set(auditor).expect(200)).body;
    expect(page).toMatchObject({ total: all.total, limit: 1, offset: 1, items: [{ seq: 2 }] });
  });

  it("pages a case's timeline by cursor (after the last seq read) to the same events as by offset, with where each page lands", async () => {
    const auditor = await as('auditor');
    const all = (await s.http().get(`/api/cases/${caseA}/audit`).set(auditor).expect(200)).body;
    const seen: number[] = [];
    let after = 0;
    for (let pages = 0; pages <= all.total; pages++) {
      const page = (await s.http().get(`/api/cases/${caseA}/audit?limit=1&after=${after}`).set(auditor).expect(200)).body;
      if (page.items.length === 0) {
        expect(page).toMatchObject({ total: all.total, offset: all.total });
        break;
      }
      // The same page an offset reaches, byte for byte.
      expect(page).toEqual((await s.http().get(`/api/cases/${caseA}/audit?limit=1&offset=${seen.length}`).set(auditor).expect(200)).body);
      seen.push(page.items[0].seq);
      after = page.items[0].seq;
    }
    expect(seen).toEqual(all.items.map((e: { seq: number }) => e.seq));
    // With a filter, the cursor counts only the matching events before it.
    const created = (await s.http().get(`/api/cases/${caseA}/audit?action=roadmap.&after=1`).set(auditor).expect(200)).body;
    expect(created.offset).toBe(0);
    expect(created.items.every((e: { action: string; seq: number }) => e.action.startsWith('roadmap.') && e.seq > 1)).toBe(true);
    // A cursor or an offset, not both; a cursor is a place in the chain.
    const both = await s.http().get(`/api/cases/${caseA}/audit?after=1&offset=1`).set(auditor).expect(400);
    expect(JSON.stringify(both.body)).toContain('after');
    await s.http().get(`/api/cases/${caseA}/audit?after=-1`).set(auditor).expect(400);
    await s.http().get(`/api/cases/${caseA}/audit?after=abc`).set(auditor).expect(400);
  });

  it('searches across cases by actor, organisation, case and period (auditors and admins only)', async () => {
    const auditor = await as('auditor');
    const since = (await s.http().get(`/api/audit?from=${encodeURIComponent(startedAt)}&action=case.created`).set(auditor).expect(200)).body;
    expect(since.items.map((e: { caseId: string }) => e.caseId).sort()).toEqual([caseA, caseB].sort());
    const byHandler2 = (await s.http().get(`/api/audit?actorId=${demoUser('handler2').id}&action=case.`).set(auditor).expect(200)).body;
    expect(byHandler2.items.map((e: { caseId: string }) => e.caseId)).toEqual([caseB]);
    const oneCase = (await s.http().get(`/api/audit?caseId=${caseA}`).set(auditor).expect(200)).body;
    expect(oneCase.items.every((e: { caseId: string }) => e.caseId === caseA)).toBe(true);
    const org = (await s.http().get(`/api/audit?organisation=${encodeURIComponent(oneCase.items[0].organisation)}&caseId=${caseA}`).set(auditor).expect(200)).body;
    expect(org.total).toBeGreaterThan(0);
    // Newest first across cases.
    const times = since.items.map((e: { occurredAt: string }) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    await s.http().get('/api/audit').set(await as('handler')).expect(403);
    await s.http().get('/api/audit').set(await as('admin')).expect(200);
  });

  it('refuses malformed filters with 400 and the field named', async () => {
    const auditor = await as('auditor');
    const bad = await s.http().get('/api/audit?from=yesterday').set(auditor).expect(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    await s.http().get('/api/audit?from=2026-02-01&to=2026-01-01').set(auditor).expect(400);
    await s.http().get('/api/audit?caseId=not-a-uuid').set(auditor).expect(400);
    await s.http().get(`/api/cases/${caseA}/audit?action=DROP%20TABLE`).set(auditor).expect(400);
    await s.http().get('/api/audit?limit=100000').set(auditor).expect(400);
  });
});
