import type { OperationObject, ResponseObject } from '@nestjs/swagger';
import type { RouteFacts } from './route-facts';

export const ERROR_SCHEMA_REF = '#/components/schemas/ErrorResponseDto';

const WHY: Record<number, string> = {
  400: 'Not valid: a path parameter, query parameter or body field (named in fieldErrors), or a body that is not JSON',
  401: 'No bearer token, or not one of an active user',
  403: 'Refused for this user: their role, or their relation to the case (auditors change nothing)',
  404: 'No such object',
  409: 'Refused in the current state: the stage does not allow it, it exists already, or a rule of the record would break',
  413: 'The body is larger than the limit',
  415: 'The body is not in a media type this route accepts',
  429: 'Too many requests from this user or address; Retry-After says when to try again',
  503: 'The database or the process engine is unavailable; Retry-After says when to try again',
};

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };

/**
 * The error statuses a route can give, derived from its shape, so no route can forget one:
 * a guard → 401 (and 403 where a role or the case's access rule can refuse, or for any command,
 * which auditors may not send); path parameters → 400 and 404; a query → 400; a command (a body)
 * → 400, 409, 413 and 415; the rate limit → 429; the database → 503. `@DeclareErrors` corrects
 * what the shape cannot tell.
 */
export function errorStatusesOf(f: RouteFacts): number[] {
  const statuses = new Set<number>();
  const hasUuidParam = [...f.pathParams.values()].includes('uuid');
  if (f.pathParams.size > 0 || f.query || f.command) statuses.add(400);
  if (!f.public) statuses.add(401);
  if (!f.public && (f.roleRestricted || f.command || hasUuidParam)) statuses.add(403);
  if (f.pathParams.size > 0) statuses.add(404);
  if (f.command) [409, 413, 415].forEach((s) => statuses.add(s));
  if (f.rateLimited) statuses.add(429);
  statuses.add(503);
  for (const s of f.declared.also ?? []) statuses.add(s);
  for (const s of f.declared.not ?? []) statuses.delete(s);
  return [...statuses].sort((a, b) => a - b);
}

/**
 * Puts exactly the derived error statuses on the operation, each with the shared error body; a
 * description a route gave for one of them is kept. An error status the route cannot give is
 * taken off; a response with a body of its own (the health check's 503) is left as it is.
 */
export function declareErrorResponses(op: OperationObject, f: RouteFacts): void {
  const statuses = errorStatusesOf(f);
  const responses = op.responses as Record<string, ResponseObject>;
  for (const [code, response] of Object.entries(responses)) {
    if (Number(code) >= 400 && isErrorBody(response) && !statuses.includes(Number(code))) delete responses[code];
  }
  for (const status of statuses) {
    const existing = responses[String(status)];
    if (existing && !isErrorBody(existing) && existing.content) continue;
    responses[String(status)] = {
      description: f.declared.why?.[status] ?? (existing?.description || WHY[status] || 'Error'),
      ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } },
    };
  }
}

function isErrorBody(response: ResponseObject): boolean {
  const schema = response.content?.['application/json']?.schema as { $ref?: string } | undefined;
  return !response.content || schema?.$ref === ERROR_SCHEMA_REF;
}
