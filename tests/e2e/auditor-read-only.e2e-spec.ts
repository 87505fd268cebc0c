import { randomUUID } from 'node:crypto';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser } from '../support/fixtures';

type Operation = { security?: unknown[]; parameters?: { name: string; in: string; required?: boolean }[] };
const MUTATING = ['post', 'put', 'patch', 'delete'];

/**
 * Auditors read everything and change nothing: every mutating endpoint in the OpenAPI document
 * (so new endpoints are covered by themselves) refuses an auditor with 403, on a real case and on
 * ids that do not exist, and the case's record is unchanged afterwards. Every read of the case is open to them.
 */
describe('auditors are read-only', () => {
  let s: HttpStack;
  let paths: Record<string, Record<string, Operation>>;
  let caseId: string;
  let auditor: { authorization: string };

  beforeAll(async () => {
    s = await startHttpStack();
    paths = (await s.http().get('/api/docs-json').expect(200)).body.paths;
    const handler = { authorization: `Bearer ${await s.tokenFor('handler')}` };
    const created = await s
      .http()
      .post('/api/cases')
      .set(handler)
      .send({ clusterName: 'Slimme logistiek', domain: 'Logistiek', leadActors: ['VIL'], partners: ['KU Leuven'], accountManagerId: demoUser('handler').id })
      .expect(201);
    caseId = created.body.id;
    auditor = { authorization: `Bearer ${await s.tokenFor('auditor')}` };
  });
  afterAll(() => s?.stop());

  const concrete = (path: string, id: string) => path.replace('{id}', id).replace(/\{[^}]+\}/g, randomUUID());
  const operations = (methods: string[]) =>
    Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method, op]) => methods.includes(method) && (op.security === undefined || op.security.length > 0))
        .map(([method, op]) => ({ method, path, needsQuery: (op.parameters ?? []).some((p) => p.in === 'query' && p.required) })),
    );
  const publicPaths = ['/api/auth/dev-login'];

  it('gets 403 from every mutating endpoint, and nothing changes', async () => {
    const trail = async () => (await s.http().get(`/api/cases/${caseId}/audit`).set(auditor).expect(200)).body.total;
    const before = await trail();
    const mutating = operations(MUTATING).filter((o) => !publicPaths.includes(o.path));
    expect(mutating.length).toBeGreaterThan(20);
    const answers: string[] = [];
    for (const { method, path } of mutating) {
      for (const id of [caseId, randomUUID()]) {
        const res = await (s.http() as unknown as Record<string, (url: string) => import('supertest').Test>)[method]!(concrete(path, id)).set(auditor).send({});
        answers.push(`${res.status} ${method.toUpperCase()} ${path}`);
        if (res.status === 403) expect(res.body.message).toMatch(/Auditors read everything and change nothing/);
        expect(res.body.stack).toBeUndefined();
      }
    }
    expect(answers.filter((a) => !a.startsWith('403 '))).toEqual([]);
    expect(await trail()).toBe(before);
  });

  it('reads every view of the case', async () => {
    const reads = operations(['get']).filter((o) => o.path.startsWith('/api/cases/{id}') && !o.path.includes('{', '/api/cases/{id}'.length) && !o.needsQuery);
    expect(reads.length).toBeGreaterThan(8);
    const refused: string[] = [];
    for (const { path } of reads) {
      const res = await s.http().get(concrete(path, caseId)).set(auditor);
      if (res.status !== 200) refused.push(`${res.status} GET ${path}`);
    }
    expect(refused).toEqual([]);
  });
});
