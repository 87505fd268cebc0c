import type { HttpStack } from './http-stack';

/**
 * Calls to the stack's API as a demo user: `get('auditor', 'cases')`, `post('handler', 'cases', body)`.
 * Takes the stack lazily: test files start it in beforeAll.
 */
export function httpCalls(stack: () => HttpStack) {
  const as = async (subject: string) => ({ authorization: `Bearer ${await stack().tokenFor(subject)}` });
  return {
    as,
    post: async (subject: string, path: string, body: object = {}) => stack().http().post(`/api/${path}`).set(await as(subject)).send(body),
    get: async (subject: string, path: string) => stack().http().get(`/api/${path}`).set(await as(subject)),
  };
}

/** Probes until `ok` holds (15 s at most) and returns the value that satisfied it. */
export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await probe();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in 15 s');
}
