/**
 * The reviver every JSON body is parsed with: what the API can never accept is refused while
 * parsing (a 400 naming the reason), before validation or any lookup.
 *
 * - U+0000: PostgreSQL cannot store it in text or jsonb; refused here it is the client's 400
 *   instead of a failure deep in an activity.
 * - "__proto__" as a field name: class-transformer would assign it and so replace the DTO's
 *   prototype; its fields then pass unseen by the unknown-field check.
 * - Lists over 1000 items: no list the API takes holds more than 500, yet a 1 MB body holds
 *   100,000, and validating those one by one (an error each) took seconds of CPU per request,
 *   during which the API answered nobody.
 */
export const MAX_LIST_ITEMS = 1000;

export function screenJson(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('De veldnaam __proto__ is niet toegestaan; laat dat veld weg. / The field name __proto__ is not allowed.');
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new SyntaxError('Tekst mag het NUL-teken (\\u0000) niet bevatten; verwijder het. / Text may not contain the NUL character (\\u0000).');
  }
  if (Array.isArray(value) && value.length > MAX_LIST_ITEMS) {
    throw new SyntaxError(`Een lijst mag hoogstens ${MAX_LIST_ITEMS} elementen bevatten. / A list may hold at most ${MAX_LIST_ITEMS} items.`);
  }
  return value;
}
