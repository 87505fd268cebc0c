import { POLICY_V1 } from '@cluster/reference-data';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser } from '../support/fixtures';

/** Reference data is versioned: a new version applies to new cases, a running case keeps its own. */
describe('reference data versions over HTTP', () => {
  let s: HttpStack;
  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(() => s?.stop());

  const as = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });
  const newCase = async () =>
    (await s.http().post('/api/cases').set(await as('handler')).send({ clusterName: 'Cluster', domain: 'Domein', leadActors: ['Trekker'], partners: [], accountManagerId: demoUser('handler').id }).expect(201)).body;

  it('publishes a new version as admin; new cases take it and running cases keep theirs', async () => {
    const before = await newCase();
    expect(before.policyVersion).toBe(1);
    const v2 = { ...POLICY_V1, councils: POLICY_V1.councils.map((c) => (c.code === 'SERV' ? { ...c, adviceTermDays: 45, suspensions: [{ from: '2027-07-15', to: '2027-08-15', reason: 'Zomerreces' }] } : c)) };
    const published = await s.http().post('/api/policy-versions').set(await as('admin')).send({ content: v2, reason: 'SERV: 45 dagen en zomerreces' }).expect(201);
    expect(published.body).toMatchObject({ version: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const after = await newCase();
    expect(after.policyVersion).toBe(2);
    expect((await s.http().get(`/api/cases/${before.id}`).set(await as('handler')).expect(200)).body.policyVersion).toBe(1);
    const latest = (await s.http().get('/api/policy-versions/latest').set(await as('auditor')).expect(200)).body;
    expect(latest.content.councils.find((c: { code: string }) => c.code === 'SERV').adviceTermDays).toBe(45);
    expect((await s.http().get('/api/policy-versions').set(await as('auditor')).expect(200)).body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('refuses an inconsistent version with field errors, and anyone but an admin', async () => {
    const bad = { ...POLICY_V1, councils: [{ ...POLICY_V1.councils[0]!, reminderDaysBefore: [40] }], scoreScale: { min: 5, max: 1 } };
    const res = await s.http().post('/api/policy-versions').set(await as('admin')).send({ content: bad, reason: 'fout' }).expect(400);
    expect(res.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['councils.0.reminderDaysBefore', 'scoreScale']);
    const missing = await s.http().post('/api/policy-versions').set(await as('admin')).send({ content: { ...POLICY_V1, criteria: [] }, reason: 'leeg' }).expect(400);
    expect(missing.body.fieldErrors).toEqual([expect.objectContaining({ field: 'content.criteria' })]);
    await s.http().post('/api/policy-versions').set(await as('handler')).send({ content: POLICY_V1, reason: 'x' }).expect(403);
    await s.http().get('/api/policy-versions/99').set(await as('auditor')).expect(404);
  });
});
