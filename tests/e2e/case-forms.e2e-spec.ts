import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser, roadmap } from '../support/fixtures';
import { eventually, httpCalls } from '../support/http-calls';

/**
 * The rules behind the case page's forms, over HTTP with the real worker and Temporal:
 * - a draft may be incomplete; a submission may not: without objectives, milestones or
 *   commitments it is a 400 naming each missing part (Dutch first), nothing is frozen;
 * - the case's lead actors and partners are amended by its account manager only, with a reason,
 *   on the record (an amendment, the case, an audit event the chain and its kept head agree on).
 */
describe('the case forms over HTTP', () => {
  let s: HttpStack;
  const { post, get, as } = httpCalls(() => s);
  const newCase = async (clusterName: string) => {
    const created = await post('handler', 'cases', { clusterName, domain: 'Logistiek', leadActors: ['VIL'], partners: ['KU Leuven'], accountManagerId: demoUser('handler').id });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(() => s?.stop());

  describe('a roadmap is submitted only with objectives, milestones and commitments', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await newCase('Onvolledige routekaart');
    });

    it('saves an incomplete draft, refuses to submit it naming what is missing, and freezes nothing', async () => {
      const draft = await post('handler', `cases/${caseId}/roadmap/drafts`, roadmap({ objectives: ['  '], milestones: [], commitments: [] }));
      expect(draft.status).toBe(201);

      const refused = await post('handler', `cases/${caseId}/roadmap/submit`);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringMatching(/^De laatste versie van de routekaart mist nog doelstellingen, mijlpalen, engagementen; .* \/ The latest roadmap version still lacks objectives, milestones, commitments/) });
      expect(refused.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['objectives', 'milestones', 'commitments']);
      expect(refused.body.fieldErrors[0].messages).toEqual(['Een routekaart wordt pas ingediend met minstens één doelstelling. / A roadmap is submitted only with at least one objective.']);

      const [view, versions, audit] = await Promise.all([get('auditor', `cases/${caseId}`), get('auditor', `cases/${caseId}/roadmap/versions`), get('auditor', `cases/${caseId}/audit?limit=50`)]);
      expect(view.body.stage).toBe('roadmap_drafting');
      expect(versions.body.map((v: { kind: string }) => v.kind)).toEqual(['draft']);
      expect(audit.body.items.map((e: { action: string }) => e.action)).not.toContain('roadmap.submitted');
    });

    it('submits once the latest draft has them', async () => {
      expect((await post('handler', `cases/${caseId}/roadmap/drafts`, roadmap())).status).toBe(201);
      const submitted = await post('handler', `cases/${caseId}/roadmap/submit`);
      expect(submitted.status).toBe(200);
      expect((await get('auditor', `cases/${caseId}`)).body.stage).toBe('quality_assessment');
    });
  });

  describe("amending the case's lead actors and partners", () => {
    let caseId: string;
    const change = { leadActors: ['VIL', 'Port of Antwerp-Bruges'], partners: ['KU Leuven', 'imec'], reason: 'De haven trekt mee; imec sluit aan.' };
    beforeAll(async () => {
      caseId = await newCase('Slimme havens');
    });

    it('refuses anyone but the account manager (403 saying why), and changes nothing', async () => {
      const colleague = await post('handler2', `cases/${caseId}/parties/amendments`, change);
      expect(colleague.status).toBe(403);
      expect(colleague.body.message).toMatch(/^Alleen de accountmanager van het dossier wijzigt de trekkers en partners/);
      for (const who of ['approver', 'auditor', 'admin']) expect((await post(who, `cases/${caseId}/parties/amendments`, change)).status).toBe(403);
      const missing = await post('handler', `cases/${caseId}/parties/amendments`, { leadActors: [], partners: [] });
      expect(missing.status).toBe(400);
      expect(missing.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['leadActors', 'reason']);
      const same = await post('handler', `cases/${caseId}/parties/amendments`, { leadActors: ['VIL'], partners: ['KU Leuven'], reason: 'Niets nieuws.' });
      expect(same.status).toBe(400);
      expect((await get('auditor', `cases/${caseId}/parties/amendments`)).body).toEqual([]);
      expect((await get('auditor', `cases/${caseId}`)).body).toMatchObject({ leadActors: ['VIL'], partners: ['KU Leuven'] });
    });

    it('amends them for the account manager, once per request, on the record and in the case as of now', async () => {
      const headers = { ...(await as('handler')), 'x-request-id': '7b0f3c9e-0a7e-4d61-9b1e-5f3c2d1a0b9c' };
      const first = await s.http().post(`/api/cases/${caseId}/parties/amendments`).set(headers).send(change);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ caseId, seq: 1, before: { leadActors: ['VIL'], partners: ['KU Leuven'] }, after: { leadActors: change.leadActors, partners: change.partners }, reason: change.reason, amendedBy: demoUser('handler').id });
      const again = await s.http().post(`/api/cases/${caseId}/parties/amendments`).set(headers).send(change);
      expect(again.body).toEqual(first.body);

      expect((await get('auditor', `cases/${caseId}`)).body).toMatchObject({ leadActors: change.leadActors, partners: change.partners });
      expect((await get('auditor', `cases/${caseId}/parties/amendments`)).body).toEqual([first.body]);
      const events = (await get('auditor', `cases/${caseId}/audit?action=case.parties_amended`)).body.items;
      expect(events).toEqual([expect.objectContaining({ actorId: demoUser('handler').id, reason: change.reason, payload: expect.objectContaining({ amendmentId: first.body.id, to: first.body.after }) })]);
      const asOf = await get('auditor', `cases/${caseId}?asOf=${encodeURIComponent(new Date().toISOString())}`);
      expect(asOf.body).toMatchObject({ leadActors: change.leadActors, partners: change.partners });
      // The head the case workflow keeps follows the chain, also for a change made by the API itself.
      await eventually(() => get('auditor', `cases/${caseId}/audit/verify`), (r) => r.body.ok === true && r.body.keptHead?.state === 'kept' && r.body.keptHead.seq === r.body.headSeq);
    });
  });
});
