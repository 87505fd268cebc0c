import fc from 'fast-check';
import { resolveSchema, type ApiOperation, type JsonSchema, type OperationParameter } from '../support/openapi-operations';
import { jsonBody, uploadBody, type BodyPart } from './hostile-bodies';
import { bad, merge, odd, ok, pct, urlString, type Part } from './hostile-parts';
import { BAD_DATES, ODD_DATES } from './hostile-payloads';

/** One generated request and why it is what it is. */
export interface HostileRequest {
  operation: string;
  method: string;
  subject: string | null;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What was done to it ("unknown id", "wrong type clusterName", ...). */
  defects: string[];
  /** Some defect makes it invalid whatever the state: the answer must be a 4xx. */
  mustFail: boolean;
}

export interface HostileWorld {
  operations: ApiOperation[];
  schemas: Record<string, JsonSchema>;
  /** Ids of real objects, by the kind of object a path's {id} names. */
  existing: Record<'case' | 'advice-request' | 'document', string[]>;
  /** Users to act as: those the permission table allows for an endpoint, else anyone. */
  subjectsFor(operation: ApiOperation): { allowed: string[]; refused: string[] };
  /** The user's valid bearer token. */
  tokenFor(subject: string): string;
}

const isUuidParam = (name: string) => name === 'id' || name.endsWith('Id');

function ownerKind(op: ApiOperation): 'case' | 'advice-request' | 'document' | null {
  if (op.path.startsWith('/api/cases/{id}')) return 'case';
  if (op.path.startsWith('/api/advice-requests/{id}')) return 'advice-request';
  if (op.path.startsWith('/api/documents/{id}')) return 'document';
  return null;
}

/** A value for one path parameter: a real object, an unknown one, or something that is no id at all. */
function pathValue(op: ApiOperation, p: OperationParameter, w: HostileWorld): fc.Arbitrary<Part<string>> {
  const kind = p.name === 'id' ? ownerKind(op) : null;
  const real = kind ? w.existing[kind] : isUuidParam(p.name) ? [] : ['1'];
  const options: { weight: number; arbitrary: fc.Arbitrary<Part<string>> }[] = [
    { weight: 4, arbitrary: isUuidParam(p.name) ? fc.uuid({ version: 4 }).map((u) => bad(u, `unknown ${p.name}`)) : fc.integer({ min: 1000, max: 2 ** 31 - 1 }).map((n) => bad(String(n), `unknown ${p.name}`)) },
    // Never empty (that is another route) nor anything a number parser reads as 1, the one version that exists.
    { weight: 3, arbitrary: urlString.filter((s) => s !== '' && Number(s.trim()) !== 1 && Number.parseInt(s, 10) !== 1).map((s) => bad(pct(s), `malformed ${p.name}`)) },
    { weight: 1, arbitrary: fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%00', '%E0%A4%A', '%', '%25', '%C0%AE%C0%AE').map((s) => bad(s, `raw-encoded ${p.name}`)) },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }).map((u) => bad(pct(`${u} or 1=1`), `id with a tail ${p.name}`)) },
  ];
  if (real.length) options.push({ weight: 10, arbitrary: fc.constantFrom(...real).map((v) => ok(v)) });
  return fc.oneof(...options);
}

/** A query value for a declared parameter: fitting, odd or definitely wrong for its schema. */
function queryValue(p: OperationParameter, w: HostileWorld): fc.Arbitrary<Part<string | string[]>> {
  const s = resolveSchema(p.schema, w.schemas);
  const name = p.name;
  if (s.enum) {
    return fc.oneof(
      fc.constantFrom(...s.enum.map(String)).map((v) => ok<string | string[]>(v)),
      fc.constantFrom('', 'unknown', String(s.enum[0]).toUpperCase(), `${String(s.enum[0])} `, "open' or '1'='1").map((v) => bad<string | string[]>(v, `${name} not one of its values`)),
    );
  }
  if (s.type === 'number' || s.type === 'integer') {
    const wrong = ['abc', '1.5', 'NaN', 'Infinity', '1e400', '[]', ...(s.minimum !== undefined && s.minimum >= 0 ? ['-1', '-9999999999999999999'] : []), ...(s.maximum !== undefined ? [String(s.maximum + 1), '9'.repeat(30)] : [])];
    return fc.oneof(
      fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1000 }).map((n) => ok<string | string[]>(String(n))),
      fc.constantFrom(...wrong).map((v) => bad<string | string[]>(v, `${name} not a number in range`)),
      fc.constantFrom(' 5', '0x10', '1e2', '00001', '9007199254740993').map((v) => odd<string | string[]>(v, `${name} odd number`)),
    );
  }
  if (s.type === 'boolean') {
    return fc.oneof(fc.constantFrom('true', 'false').map((v) => ok<string | string[]>(v)), fc.constantFrom('yes', '1', 'TRUE', '', 'null').map((v) => bad<string | string[]>(v, `${name} not a boolean`)));
  }
  if (s.format === 'uuid') {
    return fc.oneof(
      fc.constantFrom(...w.existing.case).map((v) => ok<string | string[]>(v)),
      fc.uuid({ version: 4 }).map((v) => odd<string | string[]>(v, `unknown ${name}`)),
      urlString.map((v) => bad<string | string[]>(v, `${name} not a uuid`)),
    );
  }
  if (s.format === 'date-time') {
    return fc.oneof(
      fc.date({ min: new Date('2020-01-01'), max: new Date(), noInvalidDate: true }).map((d) => ok<string | string[]>(d.toISOString())),
      fc.constantFrom(...BAD_DATES).map((v) => bad<string | string[]>(v, `${name} not a date`)),
      fc.constantFrom(...ODD_DATES).map((v) => odd<string | string[]>(v, `${name} odd date`)),
    );
  }
  return fc.oneof(fc.constantFrom(String(s.example ?? 'RI')).map((v) => ok<string | string[]>(v)), urlString.map((v) => odd<string | string[]>(v, `${name} hostile text`)));
}

/** The query string: declared parameters (some wrong), repeated keys, unknown ones. */
function queryString(op: ApiOperation, w: HostileWorld): fc.Arbitrary<Part<string>> {
  const declared = op.parameters.filter((p) => p.in === 'query');
  const each = declared.map((p) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(p.required ? bad<string | string[] | null>(null, `${p.name} missing`) : ok<string | string[] | null>(null)) },
      { weight: 6, arbitrary: queryValue(p, w) as fc.Arbitrary<Part<string | string[] | null>> },
      { weight: 1, arbitrary: fc.tuple(queryValue(p, w), queryValue(p, w)).map(([a, b]) => bad<string | string[] | null>([String(a.value), String(b.value)], `${p.name} repeated`)) },
    ),
  );
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant(ok<string | null>(null)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('__proto__[x]', 'constructor', 'limit[gt]', 'where', 'sort', '$where', 'unknown'), urlString)
        // Nest's ValidationPipe drops a field named "constructor" instead of refusing it (harmless): odd, not wrong.
        .map(([k, v]) => (declared.length && k !== 'constructor' ? bad<string | null>(`${pct(k)}=${pct(v)}`, `unknown query ${k}`) : odd<string | null>(`${pct(k)}=${pct(v)}`, `ignored query ${k}`))),
    },
  );
  return fc.tuple(fc.tuple(...each), extra).map(([parts, extraPart]) => {
    const pairs: string[] = [];
    const defects: Part<string>[] = [];
    parts.forEach((part, i) => {
      if (part.defect) defects.push(part as Part<string>);
      if (part.value === null) return;
      const values = Array.isArray(part.value) ? part.value : [part.value];
      for (const v of values) pairs.push(`${pct(declared[i]!.name)}=${pct(v)}`);
    });
    if (extraPart.defect) defects.push(extraPart as Part<string>);
    if (extraPart.value) pairs.push(extraPart.value);
    return merge(pairs.length ? `?${pairs.join('&')}` : '', defects);
  });
}

/** Who sends it: a user whom the endpoint is for (mostly), another user, nobody, or a broken credential. */
function credentials(op: ApiOperation, w: HostileWorld): fc.Arbitrary<Part<{ subject: string | null; authorization?: string }>> {
  const { allowed, refused } = w.subjectsFor(op);
  const options: { weight: number; arbitrary: fc.Arbitrary<Part<{ subject: string | null; authorization?: string }>> }[] = [
    { weight: 1, arbitrary: fc.constant(op.secured ? bad({ subject: null }, 'no token') : ok({ subject: null })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('Bearer ', 'Bearer not.a.token', 'Basic YWRtaW46YWRtaW4=', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.', `Bearer ${'a'.repeat(4000)}`, 'bearer', 'Bearer a b')
        .map((authorization) => (op.secured ? bad({ subject: null, authorization }, 'broken token') : ok({ subject: null, authorization }))),
    },
  ];
  if (allowed.length) options.push({ weight: 12, arbitrary: fc.constantFrom(...allowed).map((subject) => ok({ subject })) });
  if (refused.length) options.push({ weight: 2, arbitrary: fc.constantFrom(...refused).map((subject) => bad({ subject }, `refused role (${subject})`)) });
  return fc.oneof(...options);
}

/** A path the router does not know: another method, traversal, a doubled or trailing segment. */
function strayPath(op: ApiOperation, w: HostileWorld): fc.Arbitrary<Part<{ method: string; path: string }>> {
  const concrete = op.path.replace(/\{[^}]+\}/g, () => w.existing.case[0]!);
  return fc.oneof(
    fc.constantFrom('PUT', 'PATCH', 'DELETE').filter((m) => m.toLowerCase() !== op.method).map((method) => bad({ method, path: concrete }, `method ${method}`)),
    fc.constantFrom(`${concrete}/..`, `${concrete}/../../users`, `${concrete}/%2e%2e/%2e%2e/users`, `${concrete}/extra`, `${concrete}.json`, `${concrete}%00`, `${concrete}/${'x'.repeat(900)}`, `/api/../../etc/passwd`, `/api/%2e%2e/%2e%2e/etc/passwd`).map((path) => bad({ method: op.method.toUpperCase(), path }, 'stray path')),
  );
}

/** One hostile request to one endpoint of the live API. */
export function hostileRequest(w: HostileWorld): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...w.operations).chain((op) => {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const paths = fc.tuple(...pathParams.map((p) => pathValue(op, p, w))).map((values) => {
      let i = 0;
      return merge(op.path.replace(/\{[^}]+\}/g, () => values[i++]!.value), values);
    });
    const jsonSchema = op.body?.['application/json'];
    const body: fc.Arbitrary<BodyPart | Part<null>> = op.body?.['multipart/form-data'] ? uploadBody() : jsonSchema ? jsonBody(jsonSchema, w.schemas) : fc.constant(ok(null));
    const requestId = fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("' or 1=1 --", 'a'.repeat(500), '../../x', 'short', '<script>') });
    return fc
      .record({ auth: credentials(op, w), path: paths, query: queryString(op, w), body, stray: fc.oneof({ weight: 14, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: strayPath(op, w) }), requestId })
      .map(({ auth, path, query, body: b, stray, requestId: rid }): HostileRequest => {
        const parts: Part<unknown>[] = [auth, path, query, b, ...(stray ? [stray] : [])];
        const headers: Record<string, string> = { ...(b.value?.headers ?? {}) };
        if (auth.value.subject) headers.authorization = `Bearer ${w.tokenFor(auth.value.subject)}`;
        else if (auth.value.authorization !== undefined) headers.authorization = auth.value.authorization;
        if (rid) headers['x-request-id'] = rid;
        const merged = merge(null, parts);
        let mustFail = Boolean(merged.mustFail);
        const defects = merged.defect ? [merged.defect] : [];
        let text = b.value?.text;
        // Nothing may change: a command with nothing wrong gets an unknown field, which the API refuses.
        if (!mustFail && op.method !== 'get' && !stray) {
          text = typeof text === 'string' && text.startsWith('{') ? `{"unerwartet":true,${text.slice(1)}`.replace(',}', '}') : '{"unerwartet":true}';
          headers['content-type'] = 'application/json';
          defects.push('extra field unerwartet');
          mustFail = true;
        }
        return {
          operation: op.key,
          method: stray ? stray.value.method : op.method.toUpperCase(),
          subject: auth.value.subject,
          path: stray ? stray.value.path : `${path.value}${query.value}`,
          headers,
          ...(text !== undefined ? { body: text } : {}),
          defects,
          mustFail,
        };
      });
  });
}
