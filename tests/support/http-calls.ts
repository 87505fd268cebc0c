import { demoUser, roadmap } from './fixtures';
import { assessment } from './first-half';
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

/**
 * Opens a case over HTTP as `handler` and takes it to the councils' advice, each step by its own
 * user (roadmap, two assessors, conclusion); returns once its three advice requests are open.
 * Any refused step fails with the API's answer.
 */
export async function caseToAdvice(s: HttpStack, clusterName: string, o: { roadmapAttachment?: { bytes: Buffer; name: string } } = {}): Promise<string> {
  const { post, get, as } = httpCalls(() => s);
  const ok = async (res: PromiseLike<{ status: number; body: unknown }>, step: string) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id?: string };
  };
  const { id } = await ok(post('handler', 'cases', { clusterName, domain: 'Circulaire chemie', leadActors: ['Catalisti vzw'], partners: ['Universiteit Gent', 'VITO'], accountManagerId: demoUser('handler').id }), 'create');
  await ok(post('handler', `cases/${id}/roadmap/drafts`, roadmap()), 'roadmap draft');
  if (o.roadmapAttachment) {
    const { bytes, name } = o.roadmapAttachment;
    await ok(s.http().post(`/api/cases/${id}/roadmap/versions/1/documents`).set(await as('handler')).attach('file', bytes, { filename: name, contentType: 'application/pdf' }), 'roadmap attachment');
  }
  await ok(post('handler', `cases/${id}/roadmap/submit`), 'roadmap submit');
  await ok(post('handler', `cases/${id}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] }), 'assessors');
  for (const assessor of ['assessor-a', 'assessor-b']) {
    await ok(post(assessor, `cases/${id}/assessment/conflict-declaration`, { hasConflict: false }), `${assessor} conflict declaration`);
    await ok(post(assessor, `cases/${id}/assessments`, assessment(4)), `${assessor} assessment`);
  }
  await ok(post('handler', `cases/${id}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Sterke roadmap.' }), 'conclusion');
  await eventually(
    () => get('handler', `advice-requests?caseId=${id}&status=open`),
    (r) => r.body.total === 3,
  );
  return id!;
}
