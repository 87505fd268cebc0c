import { demoUser, roadmap } from '../support/fixtures';
import { keptToContract, startHttpStack, type HttpStack } from '../support/http-stack';
import { ResponseContract } from '../support/response-contract';

type Schema = { $ref?: string; type?: string; format?: string; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: unknown; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[] };
type Response = { content?: Record<string, { schema?: Schema; encoding?: Record<string, { contentType?: string }> }>; headers?: Record<string, unknown> };
type Parameter = { name: string; in: string; schema?: Schema };
type Operation = { responses: Record<string, Response>; requestBody?: { required?: boolean; content: Record<string, { schema?: Schema; encoding?: Record<string, { contentType?: string }> }> }; security?: unknown[]; parameters?: Parameter[] };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const ERROR_BODY = '#/components/schemas/ErrorResponseDto';
const COMMANDS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The OpenAPI document is complete and true: the web client is generated from it and outside
 * tools test against it. Every response the e2e suites see is also held against it (by
 * tests/support/http-stack.ts); the last tests here prove that that check can fail.
 */
describe('the OpenAPI document', () => {
  let s: HttpStack;
  let doc: Document;
  let paths: Document['paths'];
  const operations = () => Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, method, op })));
  const schemaOf = (ref: string) => doc.components.schemas[ref.replace('#/components/schemas/', '')]!;
  const as = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });

  beforeAll(async () => {
    s = await startHttpStack();
    doc = (await s.http().get('/api/docs-json').expect(200)).body;
    paths = doc.paths;
  });
  afterAll(() => s?.stop());

  it('describes a success body for every operation', () => {
    const untyped: string[] = [];
    for (const { key, op } of operations()) {
      const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
      const schema = success && Object.values(success[1].content ?? {})[0]?.schema;
      if (!schema) untyped.push(key);
    }
    expect(untyped).toEqual([]);
  });

  it('declares the error statuses every operation can give, each with the shared error body', () => {
    const problems: string[] = [];
    for (const { key, path, method, op } of operations()) {
      const codes = Object.keys(op.responses).map(Number);
      const errors = codes.filter((c) => c >= 400);
      const want = [
        ...(op.security?.length ? [401] : []),
        ...((op.parameters ?? []).some((p) => p.in === 'path') ? [400, 404] : []),
        ...((op.parameters ?? []).some((p) => p.in === 'query') ? [400] : []),
        ...(COMMANDS.has(method) ? [400, 413, 415] : []),
        ...(path === '/api/health' ? [] : [429]),
      ];
      if (errors.length === 0) problems.push(`${key}: no error response at all`);
      const missing = [...new Set(want)].filter((c) => !codes.includes(c));
      if (missing.length) problems.push(`${key}: does not declare ${missing.join(', ')}`);
      for (const code of errors) {
        const schema = op.responses[String(code)]!.content?.['application/json']?.schema;
        // The health check answers 503 with its own report, not an error.
        if (schema?.$ref !== ERROR_BODY && !(path === '/api/health' && code === 503)) problems.push(`${key}: ${code} without the shared error body`);
        if ((code === 429 || code === 503) && path !== '/api/health' && !op.responses[String(code)]!.headers?.['Retry-After']) problems.push(`${key}: ${code} without Retry-After`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('types path ids as UUIDs and every number the API takes or sends as an integer unless it is a fraction', () => {
    const problems: string[] = [];
    for (const { key, op } of operations()) {
      for (const p of op.parameters ?? []) {
        if (p.in !== 'path') continue;
        const isId = p.name === 'id' || p.name.endsWith('Id');
        if (isId ? p.schema?.format !== 'uuid' : p.schema?.type !== 'integer') problems.push(`${key}: path parameter ${p.name} is ${JSON.stringify(p.schema)}`);
      }
      for (const p of op.parameters ?? []) if (p.schema?.type === 'number') problems.push(`${key}: ${p.name} is a number, not an integer`);
    }
    const numbers = (where: string, schema: Schema | undefined): void => {
      if (!schema) return;
      if (schema.type === 'number' && schema.format !== 'double') problems.push(`${where} is a number without format double`);
      for (const [name, child] of Object.entries(schema.properties ?? {})) numbers(`${where}.${name}`, child);
      numbers(`${where}[]`, schema.items);
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) numbers(name, schema);
    expect(problems).toEqual([]);
  });

  it('states what the validators enforce, and refuses unknown fields in every JSON body', () => {
    const create = doc.components.schemas.CreateCaseDto!;
    expect(create.additionalProperties).toBe(false);
    expect(create.properties!.clusterName).toMatchObject({ type: 'string', minLength: 2, maxLength: 200 });
    expect(create.properties!.leadActors).toMatchObject({ type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', minLength: 2, maxLength: 200 } });
    expect(create.properties!.accountManagerId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(doc.components.schemas.CreateUserDto!.properties!.roles).toMatchObject({ type: 'array', uniqueItems: true, items: { enum: expect.arrayContaining(['case_handler', 'auditor']) } });
    expect(doc.components.schemas.CouncilPolicyDto!.properties!.reminderDaysBefore).toMatchObject({ type: 'array', maxItems: 10, items: { type: 'integer', minimum: 1 } });
    expect(doc.components.schemas.PartyDto!.properties!.partyId).toMatchObject({ pattern: '^[a-z0-9-]{2,50}$' });
    // Dates: a day or a moment, as the one date validator (IsRealDate) checks them.
    expect(doc.components.schemas.MilestonePlanDto!.properties!.dueDate).toMatchObject({ type: 'string', format: 'date' });
    const asOf = paths['/api/cases/{id}']!.get!.parameters!.find((p) => p.name === 'asOf');
    expect(asOf?.schema).toMatchObject({ type: 'string', format: 'date-time' });
    const limit = paths['/api/cases']!.get!.parameters!.find((p) => p.name === 'limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });

    const open: string[] = [];
    const closed = (where: string, schema: Schema | undefined, seen = new Set<string>()): void => {
      if (!schema) return;
      if (schema.$ref) {
        if (seen.has(schema.$ref)) return;
        seen.add(schema.$ref);
        return closed(schema.$ref, schemaOf(schema.$ref), seen);
      }
      if (schema.properties && schema.additionalProperties !== false) open.push(where);
      for (const [name, child] of Object.entries(schema.properties ?? {})) closed(`${where}.${name}`, child, seen);
      closed(`${where}[]`, schema.items, seen);
    };
    for (const { key, op } of operations()) {
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) closed(`${key} (${type})`, media.schema);
    }
    expect(open).toEqual([]);
  });

  it('lists the media types an upload takes, and says that no body marks all notifications read', () => {
    for (const path of ['/api/cases/{id}/roadmap/versions/{version}/documents', '/api/advice-requests/{id}/documents']) {
      const form = paths[path]!.post!.requestBody!.content['multipart/form-data']!;
      expect(form.encoding?.file?.contentType?.split(', ')).toEqual(expect.arrayContaining(['application/pdf', 'application/vnd.oasis.opendocument.text', 'application/octet-stream']));
    }
    const read = paths['/api/notifications/read']!.post!;
    expect(read.requestBody?.required).toBe(false);
    expect(JSON.stringify(read)).toMatch(/no body/i);
  });

  it('lists the endpoints of the first half of the process', () => {
    expect(Object.keys(paths)).toEqual(expect.arrayContaining([
      '/api/cases/{id}/roadmap/submit',
      '/api/cases/{id}/assessors',
      '/api/cases/{id}/assessment/conflict-declaration',
      '/api/cases/{id}/assessments',
      '/api/cases/{id}/assessment/conclusion',
      '/api/cases/{id}/decision/proposals',
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

  it('answers a method a path does not have with 405 and Allow, in the shared error body', async () => {
    const put = await s.http().put('/api/cases').set(await as('handler')).send({}).expect(405);
    expect(put.headers.allow).toBe('GET, POST');
    expect(put.body).toMatchObject({ statusCode: 405, error: 'METHOD_NOT_ALLOWED', requestId: expect.any(String) });
    expect(put.body.message).toMatch(/niet toegestaan.*not allowed/);
    const del = await s.http().delete(`/api/cases/${demoUser('handler').id}`).expect(405);
    expect(del.headers.allow).toBe('GET');
    // Without a token too: the path's methods are no secret, and nothing runs.
    await s.http().patch('/api/policy-versions/latest').expect(405);
    await s.http().put('/api/no-such-thing').expect(404);
    await s.http().head('/api/health').expect(200);
  });

  it('reads no body on a read, so a read cannot fail on one (nor is such a failure declared)', async () => {
    await s.http().get('/api/auth/me').set(await as('handler')).set('content-type', 'application/json').send('{"not json').expect(200);
  });

  it('sends what it declares: roadmap versions of each kind, and policy versions with numbers', async () => {
    const { id } = (await s.http().post('/api/cases').set(await as('handler')).send({ clusterName: 'Documentcontrole', domain: 'Circulaire chemie', leadActors: ['Catalisti vzw'], partners: [], accountManagerId: demoUser('handler').id }).expect(201)).body;
    await s.http().post(`/api/cases/${id}/roadmap/drafts`).set(await as('handler')).send(roadmap()).expect(201);
    await s.http().post(`/api/cases/${id}/roadmap/submit`).set(await as('handler')).expect(200);
    // Each answer below is held against its schema by s.http(); these say the cases are there.
    const versions = (await s.http().get(`/api/cases/${id}/roadmap/versions`).set(await as('handler')).expect(200)).body;
    expect(versions.map((v: { kind: string }) => v.kind)).toContain('submitted');
    const latest = (await s.http().get('/api/policy-versions/latest').set(await as('handler')).expect(200)).body;
    expect(typeof latest.content.councils[0].reminderDaysBefore[0]).toBe('number');
    await s.http().get(`/api/policy-versions/${latest.version}`).set(await as('handler')).expect(200);
    // No body means all.
    await s.http().post('/api/notifications/read').set(await as('handler')).expect(200);
  });

  it('fails an answer with an undeclared status or a body off its schema', async () => {
    const contract = new ResponseContract(doc);
    const json = { 'content-type': 'application/json; charset=utf-8' };
    const latest = (await s.rawHttp().get('/api/policy-versions/latest').set(await as('handler')).expect(200)).body;
    expect(contract.problemOf('GET', '/api/policy-versions/latest', { status: 200, headers: json, body: latest })).toBeNull();
    const stringly = { ...latest, content: { ...latest.content, councils: latest.content.councils.map((c: { reminderDaysBefore: number[] }) => ({ ...c, reminderDaysBefore: c.reminderDaysBefore.map(String) })) } };
    expect(contract.problemOf('GET', '/api/policy-versions/latest', { status: 200, headers: json, body: stringly })).toMatch(/reminderDaysBefore\/0 must be integer/);
    expect(contract.problemOf('GET', '/api/policy-versions/latest', { status: 200, headers: json, body: { ...latest, extra: 1, version: '1' } })).toMatch(/version must be integer/);
    expect(contract.problemOf('GET', '/api/tasks', { status: 404, headers: json, body: {} })).toMatch(/status not declared/);
    expect(contract.problemOf('GET', '/api/tasks', { status: 401, headers: json, body: { statusCode: 401 } })).toMatch(/must have required property/);
    expect(contract.problemOf('PUT', '/api/tasks', { status: 404, headers: json, body: {} })).toMatch(/not 405/);

    // The stack's requests go through the check: with 200 taken out of the document, a 200 fails.
    const without200 = structuredClone(doc);
    delete without200.paths['/api/auth/config']!.get!.responses['200'];
    const checked = keptToContract(s.rawHttp(), new ResponseContract(without200));
    await expect(checked.get('/api/auth/config').expect(200).then(() => 'passed')).rejects.toThrow(/breaks the OpenAPI document: GET \/api\/auth\/config → 200: status not declared/);
  });
});
