/**
 * Strings an attacker or a broken client sends. None may make the API fail (5xx) or leak its
 * insides. Kept in lower case where it is SQL, so that an echo of the input is never mistaken for
 * a leaked query (the leak check looks for the upper-case SQL a database library writes).
 */
export const SQL_PAYLOADS = [
  "' or '1'='1",
  "'; drop table cases; --",
  '1; select pg_sleep(5) --',
  "\\' union select null, version() --",
  '$1',
  "admin'--",
  '%',
  '_',
  "' || (select string_agg(subject, ',') from users) || '",
];

export const SCRIPT_PAYLOADS = [
  '<script>alert(document.cookie)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '=cmd|\' /c calc\'!A1',
  '@SUM(1+1)*cmd|\'/c calc\'!A0',
];

export const TRAVERSAL_PAYLOADS = ['../../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/shadow', '....//....//etc/passwd', 'file:///etc/passwd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'];

export const UNICODE_PAYLOADS = [
  'nul\u0000byte',
  '\u0000',
  'lone \ud800 high surrogate',
  'lone \udfff low surrogate',
  '\u202eexe.fdp',
  'مرحبا بالعالم עולם',
  '👩‍👩‍👧‍👦🇧🇪🏳️‍🌈',
  'zero\u200bwidth\ufeffbom',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301 zalgo',
  '\u2028line\u2029separators',
  '\r\nX-Injected: yes',
  '\u0007\u001b[31mred\u001b[0m',
  'ＡＤＭＩＮ',
  '\uffff\ufffe',
];

/** Malformed JSON texts; each is invalid whatever the endpoint. */
export const MALFORMED_JSON = [
  '{',
  '}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":undefined}',
  '{"a":NaN}',
  '{"a":1}{"b":2}',
  '{"a":"\\x41"}',
  '{"a":"\\ud800"',
  '\ufeff{"a":',
  '[1,2',
  'null',
  'true',
  '"just a string"',
  '12345',
  '{"a":01}',
  '{"__proto__":',
  '\u0000{}',
  `${'['.repeat(100_000)}`,
  `{"a":${'['.repeat(50_000)}`,
];

/** Query and path values that are not dates, however lenient the parser. */
export const BAD_DATES = ['2026-13-01T00:00:00Z', '2026-02-30T10:00:00Z', '2026-01-01T25:61:00Z', 'yesterday', 'now()', '2026/01/01', '01-01-2026', 'T', '2026-01-01T00:00:00+25:00'];

/** Dates that are well-formed but odd: far past, far future, epoch, no zone. Their validity depends on the endpoint. */
export const ODD_DATES = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '2026-01-01', '2026-01-01T00:00:00', '2026-06-01T12:00:00.123456789+02:00'];

export const ALL_STRINGS = [...SQL_PAYLOADS, ...SCRIPT_PAYLOADS, ...TRAVERSAL_PAYLOADS, ...UNICODE_PAYLOADS];

/** Text in the answers that would show the server's insides: stack frames, source paths, SQL, driver errors. */
export const LEAK_PATTERNS: RegExp[] = [
  /\n\s+at /,
  / {4}at /,
  /\.ts:\d/,
  /\.js:\d/,
  /node_modules/,
  /QueryFailedError/,
  /TypeORMError/,
  /EntityNotFound/,
  /SELECT /,
  /INSERT INTO/,
  /UPDATE "/,
  /DELETE FROM/,
  /syntax error at or near/,
  /invalid input syntax for/,
  /violates .* constraint/,
  /relation "[^"]+" does not exist/,
  /\/work\//,
  /\/home\//,
  /\/usr\/src\//,
  /TypeError|ReferenceError|RangeError|SyntaxError: Unexpected/,
];
