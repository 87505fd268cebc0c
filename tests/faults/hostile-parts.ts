import fc from 'fast-check';
import { ALL_STRINGS } from './hostile-payloads';

/** A generated part of a request: its text and whether it alone makes the request invalid. */
export interface Part<T> {
  value: T;
  defect?: string;
  mustFail?: boolean;
  /** The body field a defect concerns: a later change to the same field replaces it. */
  field?: string;
}

export const ok = <T>(value: T): Part<T> => ({ value });
export const bad = <T>(value: T, defect: string): Part<T> => ({ value, defect, mustFail: true });
export const odd = <T>(value: T, defect: string): Part<T> => ({ value, defect, mustFail: false });
export const at = <T>(field: string, part: Part<T>): Part<T> => ({ ...part, field });

/** Percent-encodes everything but unreserved characters (a lone surrogate becomes U+FFFD's bytes). */
export function pct(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   \t\n', 'a'.repeat(10_000), '€'.repeat(3_000)) },
);

/** A short hostile string for URLs (long ones would be refused by Node before the app sees them). */
export const urlString = fc.oneof(
  fc.constantFrom(...ALL_STRINGS.filter((s) => s.length < 200)),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('a'.repeat(800), '1e400', '-1', '0', 'NaN', 'null', 'undefined', '[object Object]', '{}', '[]'),
);

/** One part made of several: the defects of all, invalid when any is. */
export function merge<T>(value: T, parts: Part<unknown>[]): Part<T> {
  const withDefect = parts.filter((p) => p.defect);
  if (!withDefect.length) return ok(value);
  return { value, defect: withDefect.map((p) => p.defect).join('; '), mustFail: withDefect.some((p) => p.mustFail) };
}

