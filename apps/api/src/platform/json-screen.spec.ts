import { MAX_LIST_ITEMS, screenJson } from './json-screen';

describe('screenJson', () => {
  const parse = (text: string) => JSON.parse(text, screenJson) as unknown;

  it('passes ordinary bodies through unchanged', () => {
    expect(parse('{"a":["x",1,{"b":null}],"c":"tekst 👩‍👩‍👧 \\u202e"}')).toEqual({ a: ['x', 1, { b: null }], c: 'tekst 👩‍👩‍👧 \u202e' });
  });

  it('refuses NUL anywhere, a __proto__ field at any depth and overlong lists', () => {
    expect(() => parse('{"a":{"b":"x\\u0000y"}}')).toThrow(/NUL/);
    expect(() => parse('{"__proto__":{"isAdmin":true}}')).toThrow(/__proto__/);
    expect(() => parse('{"a":[{"__proto__":{}}]}')).toThrow(/__proto__/);
    expect(() => parse(JSON.stringify({ a: new Array(MAX_LIST_ITEMS + 1).fill(0) }))).toThrow(/at most 1000/);
    expect(parse(JSON.stringify({ a: new Array(MAX_LIST_ITEMS).fill(0) }))).toEqual({ a: new Array(MAX_LIST_ITEMS).fill(0) });
  });
});
