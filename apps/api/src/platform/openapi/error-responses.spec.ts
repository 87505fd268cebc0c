import type { OperationObject } from '@nestjs/swagger';
import { declareErrorResponses, ERROR_SCHEMA_REF, errorStatusesOf } from './error-responses';
import type { RouteFacts } from './route-facts';

const route = (facts: Partial<RouteFacts>): RouteFacts => ({
  operationId: 'X_y',
  command: false,
  public: false,
  roleRestricted: false,
  rateLimited: true,
  pathParams: new Map(),
  declared: {},
  successStatus: 200,
  ...facts,
});

describe('the error statuses a route can give', () => {
  it('follow from its shape', () => {
    expect(errorStatusesOf(route({}))).toEqual([401, 429, 503]);
    expect(errorStatusesOf(route({ roleRestricted: true }))).toEqual([401, 403, 429, 503]);
    expect(errorStatusesOf(route({ pathParams: new Map([['id', 'uuid']]) }))).toEqual([400, 401, 403, 404, 429, 503]);
    expect(errorStatusesOf(route({ pathParams: new Map([['version', 'integer']]) }))).toEqual([400, 401, 404, 429, 503]);
    expect(errorStatusesOf(route({ query: class Q {} }))).toEqual([400, 401, 429, 503]);
    expect(errorStatusesOf(route({ command: true }))).toEqual([400, 401, 403, 409, 413, 415, 429, 503]);
    expect(errorStatusesOf(route({ public: true, rateLimited: false }))).toEqual([503]);
  });

  it('take what @DeclareErrors adds or takes off', () => {
    expect(errorStatusesOf(route({ public: true, declared: { not: [503] } }))).toEqual([429]);
    expect(errorStatusesOf(route({ command: true, declared: { also: [404], not: [409] } }))).toEqual([400, 401, 403, 404, 413, 415, 429, 503]);
  });

  it('replace the error responses of the operation, keeping a route\'s own description and a body of its own', () => {
    const op: OperationObject = {
      responses: {
        200: { description: '' },
        409: { description: 'Not in this stage', content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } } },
        404: { description: '', content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } } },
        503: { description: 'Degraded', content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthDto' } } } },
      },
    };
    declareErrorResponses(op, route({ command: true }));
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '409', '413', '415', '429', '503']);
    expect(op.responses['409']).toMatchObject({ description: 'Not in this stage' });
    expect(op.responses['503']).toMatchObject({ description: 'Degraded', content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthDto' } } } });
    expect(op.responses['429']).toMatchObject({ headers: { 'Retry-After': expect.anything() }, content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } } });
  });
});
