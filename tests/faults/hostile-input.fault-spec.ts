import fc from 'fast-check';
import { caseAt, type StagedCase } from '../support/case-stages';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { liveOperations, type ApiOperation } from '../support/openapi-operations';
import { inBatches, rawHttpTo, type RawHttp, type RawResponse } from '../support/raw-http';
import { LEAK_PATTERNS } from './hostile-payloads';
import { hostileRequest, type HostileRequest, type HostileWorld } from './hostile-requests';
import { PERMISSIONS, type Actor } from './permissions.table';
import { recordSnapshot } from './record-snapshot';
import type { ResponseContract } from '../support/response-contract';

/** Fixed so a failure can be replayed; FAULT_SEED=<n> explores another part of the space. */
const SEED = Number(process.env.FAULT_SEED ?? 7_2026);
const BATCH = 10;
const RUNS = 1_000;
const CONCURRENCY = 4;

/** What is wrong with one answer, in words (nothing when it is right). */
function problemsOf(r: HostileRequest, res: RawResponse, contract: ResponseContract): string[] {
  const where = `${r.method} ${r.path.slice(0, 160)} as ${r.subject ?? 'nobody'} [${r.defects.join('; ') || 'no defect'}]`;
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`${where}: ${res.status} ${res.text.slice(0, 300)}`);
  else if (res.status < 200 || (res.status >= 300 && res.status < 400)) problems.push(`${where}: unexpected ${res.status}`);
  else if (r.mustFail && res.status < 400) problems.push(`${where}: invalid by construction, yet ${res.status} ${res.text.slice(0, 200)}`);
  if (res.status >= 400) {
    let body: { statusCode?: unknown; error?: unknown; message?: unknown; requestId?: unknown } = {};
    try {
      body = JSON.parse(res.text);
    } catch {
      problems.push(`${where}: ${res.status} without a JSON error body: ${res.text.slice(0, 200)}`);
    }
    const shared = body.statusCode === res.status && typeof body.error === 'string' && typeof body.message === 'string' && body.message.trim() !== '' && typeof body.requestId === 'string';
    if (!shared) problems.push(`${where}: ${res.status} not in the shared error body: ${res.text.slice(0, 200)}`);
    const leaks = LEAK_PATTERNS.filter((p) => p.test(res.text));
    if (leaks.length) problems.push(`${where}: ${res.status} leaks ${leaks.join(', ')}: ${res.text.slice(0, 300)}`);
  }
  // Every answer is one the OpenAPI document declares, its body fitting the declared schema.
  const off = contract.problemOf(r.method, r.path, { status: res.status, headers: res.headers, body: res.text });
  if (off) problems.push(`${where}: ${off}`);
  return problems;
}

/** Reports a failed run by its seed, path and bad answers only. */
const conciseReport = () => ({
  onAllRunsComplete: (d: { failed: boolean; seed: number; counterexamplePath: string | null; errorInstance: unknown }) => {
    if (d.failed) throw new Error(`hostile input (seed ${d.seed}, path "${d.counterexamplePath}"):\n${d.errorInstance instanceof Error ? d.errorInstance.message : String(d.errorInstance)}`);
  },
});

/**
 * Hostile requests to every endpoint of the OpenAPI document (new endpoints included by
 * themselves): malformed JSON, wrong media types, wrong types, missing and extra fields, a megabyte
 * of text and more than the limit, huge arrays, NUL, lone surrogates, RTL and emoji, SQL and script
 * payloads, path traversal, unknown and malformed ids, bad paging, filters and dates; sent as users
 * the endpoint is for (and others, and nobody) against real cases and unknown ones. No answer may
 * be a 5xx, leak the server's insides, or differ from the shared error body; what is invalid by
 * construction gets a 4xx; and the record is the same afterwards.
 */
describe('hostile input on every endpoint', () => {
  let s: HttpStack;
  let raw: RawHttp;
  let world: HostileWorld;
  let cases: StagedCase[];

  beforeAll(async () => {
    s = await startHttpStack();
    raw = await rawHttpTo(s);
    const { operations, schemas } = await liveOperations(s);
    cases = await Promise.all([
      caseAt(s, 'drafting', { label: 'fuzz-ontwerp', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] }),
      caseAt(s, 'advice', { label: 'fuzz-advies', accountManager: 'handler2', assessors: ['assessor-a', 'assessor-b'] }),
    ]);
    const [drafting, advice] = cases as [StagedCase, StagedCase];
    const subjects: Record<Exclude<Actor, 'anon'>, string> = {
      handler: 'handler',
      assessor: 'assessor-a',
      approver: 'approver',
      council: 'council-ri',
      rep: drafting.representative,
      auditor: 'auditor',
      owner: 'policy-owner',
      admin: 'admin',
    };
    const tokens = new Map(await Promise.all(Object.values(subjects).map(async (subject) => [subject, await s.tokenFor(subject)] as const)));
    world = {
      operations,
      schemas,
      existing: {
        case: cases.map((c) => c.id),
        'advice-request': Object.values(advice.adviceRequests),
        document: [drafting.roadmapDocumentId, advice.roadmapDocumentId, advice.adviceDocumentId!],
      },
      subjectsFor(op: ApiOperation) {
        const rule = PERMISSIONS.find((r) => r.endpoint === op.key);
        const of = (verdict: string) => (Object.keys(subjects) as (keyof typeof subjects)[]).filter((a) => rule?.verdicts[a].own === verdict).map((a) => subjects[a]);
        return rule ? { allowed: of('A'), refused: of('R') } : { allowed: Object.values(subjects), refused: [] };
      },
      tokenFor: (subject) => tokens.get(subject)!,
    };
  }, 120_000);
  afterAll(async () => {
    raw?.close();
    await s?.stop();
  });

  it('answers with a 4xx in the shared error body, never a 5xx or a leak, and changes nothing', async () => {
    const snapshot = () => recordSnapshot(raw, (subject) => s.tokenFor(subject), cases.map((c) => c.id));
    const before = await snapshot();
    const statuses = new Map<number, number>();
    let sent = 0;
    let validAnswered2xx = 0;
    let mustFail = 0;
    const started = Date.now();
    const cpu = process.cpuUsage();
    console.log(`hostile input: seed ${SEED} (FAULT_SEED), ${RUNS} runs × ${BATCH} requests, ${world.operations.length} endpoints`);

    await fc.assert(
      fc.asyncProperty(fc.array(hostileRequest(world), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await inBatches(batch, CONCURRENCY, async (r) => ({ r, res: await raw.send({ method: r.method, path: r.path, headers: r.headers, body: r.body }) }));
        for (const { r, res } of answers) {
          sent++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (r.mustFail) mustFail++;
          else if (res.status < 300) validAnswered2xx++;
        }
        const problems = answers.flatMap(({ r, res }) => problemsOf(r, res, s.contract));
        if (problems.length) throw new Error(problems.join('\n'));
      }),
      // Shrinking would replay thousands of requests; the failure names each bad answer instead of
      // printing the whole batch (tokens, megabytes of text).
      { seed: SEED, numRuns: RUNS, endOnFailure: true, plugins: [conciseReport] },
    );

    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
    console.log(
      [
        `hostile input: ${sent} requests in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(0)}/s, ${cpuSeconds.toFixed(1)} s CPU for client and API together), seed ${SEED}`,
        `  statuses: ${histogram}`,
        `  ${mustFail} invalid by construction (all 4xx); ${sent - mustFail} possibly valid, of which ${validAnswered2xx} answered 2xx`,
      ].join('\n'),
    );
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(await snapshot()).toEqual(before);
    // About 65 s of CPU; the bound leaves room for a 2-core machine shared with other suites.
  }, 420_000);
});
