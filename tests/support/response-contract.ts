import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document that say what an operation answers. */
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
}

/** What came back, as supertest (or any client) holds it. */
export interface SeenResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

interface Route {
  path: string;
  pattern: RegExp;
  literals: number;
  methods: Record<string, Document['paths'][string][string]>;
}

const ROOT = 'openapi';
const ERROR_BODY = `${ROOT}#/definitions/ErrorResponseDto`;

/**
 * Holds every response against the OpenAPI document of the API that sent it: the status must be
 * one the operation declares, and a JSON body must fit the schema declared for that status. A
 * method a documented path does not have must be a 405 with Allow and the shared error body; a
 * path the document does not know is checked only for the shared error body of its errors.
 */
export class ResponseContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: Document) {
    addFormats(this.ajv);
    for (const format of ['binary', 'double', 'float', 'int32', 'int64']) this.ajv.addFormat(format, true);
    this.ajv.addSchema({ $id: ROOT, definitions: Object.fromEntries(Object.entries(document.components.schemas).map(([name, s]) => [name, toJsonSchema(s)])) });
    this.routes = Object.entries(document.paths)
      .map(([path, methods]) => ({
        path,
        pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
        literals: path.split('/').filter((seg) => seg && !seg.startsWith('{')).length,
        methods,
      }))
      // /api/policy-versions/latest before /api/policy-versions/{version}
      .sort((a, b) => b.literals - a.literals);
  }

  /** What is wrong with one response, in words; null when it keeps to the document. */
  problemOf(method: string, url: string, res: SeenResponse): string | null {
    // As the router saw it: not normalised (a "/.." stays), not decoded.
    const path = url.replace(/^https?:\/\/[^/]+/, '').split(/[?#]/)[0]!;
    const where = `${method.toUpperCase()} ${path} → ${res.status}`;
    const json = /^application\/json\b/i.test(String(res.headers['content-type'] ?? ''));
    const route = this.routes.find((r) => r.pattern.test(path));
    if (!route) {
      return res.status >= 400 && path.startsWith('/api/') ? this.schemaProblem(where, ERROR_BODY, json, res.body) : null;
    }
    const op = route.methods[method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()];
    if (!op) {
      if (res.status !== 405) return `${where}: ${route.path} has no ${method.toUpperCase()} in the document, yet the answer is not 405`;
      if (!res.headers.allow) return `${where}: 405 without an Allow header`;
      return this.schemaProblem(where, ERROR_BODY, json, res.body);
    }
    const declared = op.responses[String(res.status)] ?? op.responses.default;
    if (!declared) return `${where}: status not declared for ${method.toUpperCase()} ${route.path} (declared: ${Object.keys(op.responses).join(', ')})`;
    if (method.toUpperCase() === 'HEAD' || !json) return null;
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) return `${where}: JSON sent where the document declares ${Object.keys(declared.content ?? {}).join(', ') || 'no body'}`;
    return this.schemaProblem(where, JSON.stringify(toJsonSchema(schema)), json, res.body);
  }

  private schemaProblem(where: string, schemaKey: string, json: boolean, body: unknown): string | null {
    if (!json) return `${where}: not JSON, where the shared error body is declared`;
    let validate = this.compiled.get(schemaKey);
    if (!validate) {
      validate = this.ajv.compile(schemaKey.startsWith('{') ? (JSON.parse(schemaKey) as object) : { $ref: schemaKey });
      this.compiled.set(schemaKey, validate);
    }
    const value = Buffer.isBuffer(body) || typeof body === 'string' ? parsed(body) : body;
    if (validate(value)) return null;
    const errors = (validate.errors ?? []).slice(0, 12).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    return `${where}: the body does not fit its declared schema: ${errors.join('; ')}\n  body: ${JSON.stringify(body).slice(0, 600)}`;
  }
}

/** A body a test read as bytes or text (a download route's error, say). */
function parsed(body: Buffer | string): unknown {
  try {
    return JSON.parse(body.toString());
  } catch {
    return body.toString().slice(0, 200);
  }
}

/**
 * OpenAPI 3.0's schema dialect as JSON Schema: `nullable` becomes a null type, and references
 * point into the one schema that holds the components.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown> & { nullable?: boolean };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/components/schemas/', `${ROOT}#/definitions/`);
    else if (key === 'properties' && value && typeof value === 'object') out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    else if (key === 'example' || key === 'examples') out[key] = value;
    else out[key] = toJsonSchema(value);
  }
  if (!nullable) return out;
  // `nullable` beside allOf (how @nestjs/swagger writes a nullable object) means "this or null",
  // as openapi-typescript reads it for the web client.
  if (typeof out.type === 'string' && !out.$ref && !out.allOf && !out.oneOf && !out.anyOf) {
    return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}) };
  }
  return { anyOf: [out, { type: 'null' }] };
}
