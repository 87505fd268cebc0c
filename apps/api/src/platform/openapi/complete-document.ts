import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ParameterObject, PathItemObject, ReferenceObject, RequestBodyObject, SchemaObject } from '@nestjs/swagger';
import { declareErrorResponses } from './error-responses';
import { routeFacts, type RouteFacts } from './route-facts';
import { ValidationConstraints } from './validation-constraints';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * What @nestjs/swagger makes of the decorators, completed from the code itself, so that the
 * document tells the truth for every route, new ones included: the error statuses each route can
 * give (shared error body), the path parameters' formats, what class-validator enforces on bodies
 * and queries, and whole numbers as `integer`. Fails at start-up for an operation it cannot place.
 */
export function completeDocument(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const facts = routeFacts(app);
  const constraints = new ValidationConstraints(document);
  const wrongSuccess: string[] = [];
  for (const [path, item] of Object.entries(document.paths) as [string, PathItemObject][]) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const f = op.operationId ? facts.get(op.operationId) : undefined;
      if (!f) throw new Error(`OpenAPI: no route found for ${method.toUpperCase()} ${path} (operationId ${op.operationId})`);
      if (f.successStatus !== null && !op.responses[String(f.successStatus)]) {
        wrongSuccess.push(`${method.toUpperCase()} ${path} answers ${f.successStatus}, the document says ${Object.keys(op.responses).join(', ')}`);
      }
      describePathParameters(op, f);
      if (f.query) constraints.query(f.query, op.parameters ?? []);
      const body = op.requestBody as RequestBodyObject | undefined;
      const json = body?.content['application/json']?.schema as ReferenceObject | undefined;
      if (f.body && json?.$ref === `#/components/schemas/${f.body.name}`) {
        // Nothing sent is validated as {}: a body whose fields are all optional may be left out.
        body!.required = constraints.body(f.body).anyRequired;
      }
      declareErrorResponses(op, f);
      for (const response of Object.values(op.responses ?? {})) {
        for (const media of Object.values((response as { content?: Record<string, { schema?: SchemaObject }> }).content ?? {})) {
          if (media.schema) wholeNumbers(media.schema);
        }
      }
    }
  }
  // A decorator that names another success status than the route sends (@ApiOkResponse on a POST
  // without @HttpCode(200)) would make the document lie; it is a mistake in the code, found here.
  if (wrongSuccess.length) throw new Error(`OpenAPI: success status not declared:\n${wrongSuccess.join('\n')}`);
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (!constraints.isInput(name)) wholeNumbers(schema as SchemaObject);
  }
  return document;
}

function describePathParameters(op: OperationObject, f: RouteFacts): void {
  for (const p of (op.parameters ?? []) as ParameterObject[]) {
    if (p.in !== 'path') continue;
    const kind = f.pathParams.get(p.name);
    if (kind === 'uuid') p.schema = { type: 'string', format: 'uuid' };
    if (kind === 'integer') p.schema = { type: 'integer' };
  }
}

/**
 * In what the API sends, a number is a whole one (cents, counts, versions, sequence numbers)
 * unless its @ApiProperty says `format: 'double'`; the e2e suites check every response against
 * the document, so a fraction sent where it says integer fails them.
 */
function wholeNumbers(schema: SchemaObject | ReferenceObject): void {
  if ('$ref' in schema) return;
  if (schema.type === 'number' && schema.format !== 'double' && schema.format !== 'float') schema.type = 'integer';
  for (const child of [...Object.values(schema.properties ?? {}), ...(schema.items ? [schema.items] : []), ...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    wholeNumbers(child);
  }
  if (typeof schema.additionalProperties === 'object') wholeNumbers(schema.additionalProperties);
}
