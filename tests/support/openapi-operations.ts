import type { HttpStack } from './http-stack';

/** A JSON Schema as @nestjs/swagger writes it (the parts the fault tests read). */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  nullable?: boolean;
}

export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

/** One endpoint of the live API, as its OpenAPI document describes it. */
export interface ApiOperation {
  /** "GET /api/cases/{id}": how tables and reports name it. */
  key: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  secured: boolean;
  parameters: OperationParameter[];
  /** Media type → schema of the request body. */
  body: Record<string, JsonSchema> | null;
}

export interface ApiDescription {
  operations: ApiOperation[];
  schemas: Record<string, JsonSchema>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the running API, read from its OpenAPI document so a new endpoint is included by itself. */
export async function liveOperations(s: HttpStack): Promise<ApiDescription> {
  const doc = (await s.http().get('/api/docs-json').expect(200)).body as {
    paths: Record<string, Record<string, { security?: unknown[]; parameters?: OperationParameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    METHODS.filter((m) => ops[m]).map((method) => {
      const op = ops[method]!;
      const body = op.requestBody ? Object.fromEntries(Object.entries(op.requestBody.content).map(([type, c]) => [type, c.schema])) : null;
      return {
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        secured: Boolean(op.security?.length),
        parameters: (op.parameters ?? []).map((p) => ({ ...p, required: Boolean(p.required), schema: p.schema ?? {} })),
        body,
      };
    }),
  );
  return { operations, schemas: doc.components.schemas };
}

/** Follows `$ref`s into the document's components. */
export function resolveSchema(schema: JsonSchema, schemas: Record<string, JsonSchema>): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 20; i++) s = schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
  if (s.allOf?.length === 1) return resolveSchema(s.allOf[0]!, schemas);
  return s;
}
