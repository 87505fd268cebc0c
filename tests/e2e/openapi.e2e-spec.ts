import { startHttpStack, type HttpStack } from '../support/http-stack';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }>; requestBody?: unknown; security?: unknown };

/** Every endpoint is in the OpenAPI document with a typed success response (the web client is generated from it). */
describe('the OpenAPI document', () => {
  let s: HttpStack;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    s = await startHttpStack();
    paths = (await s.http().get('/api/docs-json').expect(200)).body.paths;
  });
  afterAll(() => s?.stop());

  it('describes a success body for every operation', () => {
    const untyped: string[] = [];
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
        const schema = success && Object.values(success[1].content ?? {})[0]?.schema;
        if (!schema) untyped.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(untyped).toEqual([]);
  });

  it('lists the endpoints of the first half of the process', () => {
    expect(Object.keys(paths)).toEqual(expect.arrayContaining([
      '/api/cases/{id}/roadmap/submit',
      '/api/cases/{id}/assessors',
      '/api/cases/{id}/assessment/conflict-declaration',
      '/api/cases/{id}/assessments',
      '/api/cases/{id}/assessment/conclusion',
      '/api/cases/{id}/decision/proposals',
      '/api/cases/{id}/decisions',
      '/api/advice-requests',
      '/api/advice-requests/{id}/advice',
      '/api/approvals',
      '/api/approvals/{id}/decision',
      '/api/tasks',
      '/api/notifications',
      '/api/notifications/read',
      '/api/handovers',
      '/api/policy-versions',
    ]));
  });
});
