import fc from 'fast-check';
import { minimalPdf, windowsExecutable } from '../support/documents';
import { multipartBody } from '../support/multipart';
import { resolveSchema, type JsonSchema } from '../support/openapi-operations';
import { at, bad, hostileString, merge, ok, odd, type Part } from './hostile-parts';
import { MALFORMED_JSON, TRAVERSAL_PAYLOADS, UNICODE_PAYLOADS } from './hostile-payloads';

/** A request body and the headers that go with it. */
export type BodyPart = Part<{ text: string | Buffer; headers: Record<string, string> }>;

const MAX_BODY = 1024 * 1024;

/** A value that fits the schema, as far as the OpenAPI document tells (patterns and lengths it does not carry). */
export function sampleOf(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth = 0): unknown {
  const s = resolveSchema(schema, schemas);
  if (s.enum?.length) return s.enum[0];
  if (s.example !== undefined) return s.example;
  if (s.oneOf?.length) return sampleOf(s.oneOf[0]!, schemas, depth + 1);
  if (s.properties || s.type === 'object') {
    if (depth > 6) return {};
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sampleOf(v, schemas, depth + 1)]));
  }
  switch (s.type) {
    case 'array':
      return s.items && depth <= 6 ? [sampleOf(s.items, schemas, depth + 1)] : [];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (s.format === 'uuid') return '6f1c2a0e-5f0e-4b8e-9d4e-0c9f1c8f9a10';
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'date') return '2030-06-30';
      return 'Geldige tekst voor de foutentest'.padEnd(s.minLength ?? 0, '.').slice(0, s.maxLength ?? 1000);
  }
}

/** A value of another JSON type than the schema's (never null: null counts as "absent" for optional fields). */
function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const deep = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown;
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const pools: Record<string, unknown[]> = {
    string: [42, true, [], {}, ['a'], { $gt: '' }, deep(3_000)],
    integer: ['12', '1', true, [], {}, 1.5, '1e400'],
    number: ['12', true, [], {}],
    boolean: ['true', 1, 0, [], {}, 'false'],
    array: ['a', 1, true, {}, { 0: 'a', length: 1 }],
    object: ['a', 1, true, [], [{}]],
  };
  return fc.constantFrom(...(pools[type ?? 'string'] ?? pools.string!));
}

type Json = Record<string, unknown>;

/** A body defect: one change to the sample body, named after what it breaks. */
function bodyMutation(schema: JsonSchema, schemas: Record<string, JsonSchema>): fc.Arbitrary<(body: Json) => Part<Json | unknown>> {
  const s = resolveSchema(schema, schemas);
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  type Mutation = (body: Json) => Part<Json | unknown>;
  // Weights: the cheap defects often, the megabyte-sized ones now and then (each costs the server a megabyte's parse).
  const options: { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] = [
    {
      weight: 30,
      arbitrary: fc.tuple(fc.constantFrom(...['unexpected', 'isAdmin', 'role', 'id', 'caseId', 'stage', 'createdBy'].filter((n) => !(n in (s.properties ?? {})))), hostileString).map(
        ([k, v]): Mutation => (b) => (k in b ? ok(b) : at(k, bad({ ...b, [k]: v }, `extra field ${k}`))),
      ),
    },
    { weight: 10, arbitrary: fc.constant<Mutation>((b) => bad(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(b).slice(1)}`.replace(',}', '}')) as Json, 'extra field __proto__')) },
    { weight: 10, arbitrary: fc.constantFrom<unknown>([], [{}], 'text', 0, false).map((v): Mutation => () => bad(v, 'not an object')) },
  ];
  if (props.length) {
    const pick = fc.constantFrom(...props);
    options.push(
      {
        weight: 30,
        arbitrary: pick.map(([k]): Mutation => (b) => {
          const { [k]: _gone, ...rest } = b;
          return at(k, required.has(k) ? bad(rest, `missing ${k}`) : odd(rest, `without optional ${k}`));
        }),
      },
      { weight: 40, arbitrary: pick.chain(([k, v]) => wrongTypeFor(resolveSchema(v, schemas)).map((value): Mutation => (b) => at(k, bad({ ...b, [k]: value }, `wrong type ${k}`)))) },
    );
    const strings = props.filter(([, v]) => resolveSchema(v, schemas).type === 'string' && !resolveSchema(v, schemas).enum);
    if (strings.length) {
      options.push(
        {
          weight: 40,
          arbitrary: fc.tuple(fc.constantFrom(...strings), hostileString).map(([[k], text]): Mutation => (b) => at(k, text.includes('\u0000') ? bad({ ...b, [k]: text }, `NUL in ${k}`) : odd({ ...b, [k]: text }, `hostile text in ${k}`))),
        },
        {
          weight: 4,
          arbitrary: fc.tuple(fc.constantFrom(...strings), fc.constantFrom('a', '👩‍👩‍👧', 'ا')).map(([[k], unit]): Mutation => (b) => {
            // About a million bytes, inside the 1 MiB limit however the unit encodes.
            const text = unit.repeat(Math.floor(1_000_000 / Buffer.byteLength(unit)));
            return at(k, odd({ ...b, [k]: text }, `a megabyte in ${k}`));
          }),
        },
      );
    }
    const arrays = props.filter(([, v]) => resolveSchema(v, schemas).type === 'array');
    if (arrays.length) {
      options.push({
        weight: 4,
        arbitrary: fc.tuple(fc.constantFrom(...arrays), fc.constantFrom(1_001, 20_000, 100_000)).map(([[k], n]): Mutation => (b) => at(k, odd({ ...b, [k]: Array.from({ length: n }, (_x, i) => (i % 2 ? 'x' : 7)) }, `${n} items in ${k}`))),
      });
    }
  }
  return fc.oneof(...options);
}

/** The body of a JSON endpoint: sample + mutations, malformed text, wrong media type, too large, odd encodings. */
export function jsonBody(schema: JsonSchema, schemas: Record<string, JsonSchema>): fc.Arbitrary<BodyPart> {
  const json = { 'content-type': 'application/json' };
  const sample = sampleOf(schema, schemas) as Json;
  const mutated = fc.array(bodyMutation(schema, schemas), { minLength: 1, maxLength: 3 }).map((fs) => {
    let body: unknown = sample;
    const whole: Part<unknown>[] = [];
    const byField = new Map<string, Part<unknown>>();
    for (const f of fs) {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) break;
      const p = f(body as Json);
      if (p.field) byField.set(p.field, p);
      else whole.push(p);
      body = p.value;
    }
    return merge({ text: JSON.stringify(body), headers: json }, [...whole, ...byField.values()]);
  });
  return fc.oneof(
    { weight: 30, arbitrary: mutated },
    {
      weight: 9,
      arbitrary: fc.oneof(
        fc.constantFrom(...MALFORMED_JSON),
        fc.nat(60).map((n) => JSON.stringify(sample).slice(0, Math.max(1, Math.min(n, JSON.stringify(sample).length - 1)))),
        fc.constantFrom('<', ' garbage', '}', ',', 'x').map((tail) => `${JSON.stringify(sample)}${tail}`),
      ).map((text) => bad({ text, headers: json }, 'malformed JSON')),
    },
    {
      weight: 6,
      arbitrary: fc
        .constantFrom<string>('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/html', 'multipart/form-data; boundary=x', 'application/merge-patch+json', 'application/octet-stream', '')
        .map((type) => bad({ text: JSON.stringify(sample), headers: (type ? { 'content-type': type } : {}) as Record<string, string> }, `media type "${type || 'none'}"`)),
    },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom<Record<string, string>>(
          { 'content-type': 'application/json; charset=utf-16' },
          { 'content-type': 'application/json; charset=ebcdic' },
          { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          { 'content-type': 'application/json', 'content-encoding': 'br' },
          { 'content-type': 'application/json', 'content-encoding': 'compress' },
        )
        .map((headers) => bad({ text: JSON.stringify(sample), headers }, `encoding ${Object.values(headers).join(' ')}`)),
    },
    { weight: 1, arbitrary: fc.constantFrom(MAX_BODY + 1, MAX_BODY * 2).map((n) => bad({ text: `{"x":"${'a'.repeat(n)}"}`, headers: json }, `body over the limit (${n} bytes)`)) },
  );
}

/** A multipart upload that must never be stored: no file, the wrong field, bytes that are no document, a broken form. */
export function uploadBody(): fc.Arbitrary<BodyPart> {
  const form = (parts: Parameters<typeof multipartBody>[0], defect: string) => {
    const { body, contentType } = multipartBody(parts);
    return bad({ text: body, headers: { 'content-type': contentType } }, defect);
  };
  const filename = fc.constantFrom('routekaart.pdf', ...TRAVERSAL_PAYLOADS.map((t) => `${t}.pdf`), ...UNICODE_PAYLOADS.map((u) => `${u}.pdf`), 'a'.repeat(2_000) + '.pdf');
  return fc.oneof(
    fc.tuple(filename, hostileString).map(([name, reason]) => form([{ name: 'file', filename: name, contentType: 'application/pdf', data: windowsExecutable() }, { name: 'reason', data: reason }], 'an executable as PDF')),
    filename.map((name) => form([{ name: 'file', filename: name, contentType: 'application/pdf', data: '<script>alert(1)</script>' }], 'HTML as PDF')),
    fc.constant(form([{ name: 'file', filename: 'leeg.pdf', contentType: 'application/pdf', data: Buffer.alloc(0) }], 'an empty file')),
    fc.constant(form([{ name: 'reason', data: 'zonder bestand' }], 'no file')),
    fc.constant(form([{ name: 'document', filename: 'routekaart.pdf', contentType: 'application/pdf', data: minimalPdf() }], 'the file under another field')),
    fc.constant(form([{ name: 'file', filename: 'routekaart.pdf', contentType: 'application/pdf', data: minimalPdf() }, { name: 'unexpected', data: 'x' }], 'an extra form field')),
    fc.constant(form([{ name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: minimalPdf() }, { name: 'file', filename: 'b.pdf', contentType: 'application/pdf', data: minimalPdf('twee') }], 'two files')),
    fc.nat(400).map((cut) => {
      const { body, contentType } = multipartBody([{ name: 'file', filename: 'routekaart.pdf', contentType: 'application/pdf', data: minimalPdf() }]);
      return bad({ text: body.subarray(0, Math.min(cut, body.length - 20)), headers: { 'content-type': contentType } }, 'a truncated form');
    }),
    fc.constant(bad({ text: multipartBody([{ name: 'file', filename: 'x.pdf', data: minimalPdf() }]).body, headers: { 'content-type': 'multipart/form-data; boundary=wrong' } }, 'the wrong boundary')),
    fc.constant(bad({ text: '{"reason":"json in plaats van een formulier"}', headers: { 'content-type': 'application/json' } }, 'JSON instead of a form')),
  );
}

