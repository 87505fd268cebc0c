import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser, roadmap } from '../support/fixtures';
import { httpCalls } from '../support/http-calls';

/**
 * A draft may be incomplete; a submission may not: without objectives, milestones or commitments
 * the submission is a 400 naming each missing part (Dutch first), the case stays in drafting and
 * nothing is frozen. Once the draft has them, the same case submits.
 */
describe('a roadmap is submitted only with objectives, milestones and commitments', () => {
  let s: HttpStack;
  let caseId: string;
  const { post, get } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startHttpStack();
    const created = await post('handler', 'cases', { clusterName: 'Onvolledige routekaart', domain: 'Logistiek', leadActors: ['VIL'], partners: [], accountManagerId: demoUser('handler').id });
    expect(created.status).toBe(201);
    caseId = created.body.id;
  });
  afterAll(() => s?.stop());

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
