import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Response } from 'superagent';
import { documentSha256 } from '@cluster/audit';
import { Database } from '@cluster/persistence';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { eventually, httpCalls } from '../support/http-calls';
import { caseAt, userId, type StagedCase } from '../support/case-stages';
import { assessment } from '../support/first-half';
import { callBody, demoUser } from '../support/fixtures';

const ROOT = resolve(__dirname, '..', '..');

/** What each candidate's projects ask of each instrument (integer cents). */
const PROJECTS: Record<'strong' | 'good' | 'weak', [string, number][]> = { strong: [['IWT', 150_000_000], ['PMV', 80_000_000]], good: [['IWT', 120_000_000]], weak: [['IWT', 90_000_000]] };

function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The real offline verifier, as an auditor runs it: a separate process with no database settings. */
function verifyOffline(file: string): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['-r', '@swc-node/register', 'scripts/audit-verify-bundle.ts', file], { cwd: ROOT, env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'tsconfig.base.json' } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 2) : 0, stdout: stdout + stderr }),
    );
  });
}

/**
 * A call's selection over HTTP (issue 14, "Tests that must exist"): a policy owner opens a call,
 * three candidates are assessed, two are selected and one is not, four eyes; the one not selected
 * is closed with its reason; an auditor exports its evidence and verifies it offline, and the
 * comparison it was not selected on hashes to what its trail records.
 */
describe('selection across a call\'s candidates over HTTP', () => {
  let s: HttpStack;
  let dir: string;
  const { post, get, as } = httpCalls(() => s);
  let callId: string;
  const cases: Record<'strong' | 'good' | 'weak', StagedCase> = {} as never;
  let selectionId: string;
  let comparisonSha256: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'selection-e2e-'));
    s = await startHttpStack();
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('a policy owner opens a call; three drafting cases register to it', async () => {
    const body = callBody('Oproep speerpuntclusters selectie', { maxSelected: 2, envelopes: [{ instrumentCode: 'IWT', amountCents: 300_000_000 }, { instrumentCode: 'PMV', amountCents: 100_000_000 }] });
    const opened = await post('policy-owner', 'calls', body);
    expect(opened.status).toBe(201);
    callId = opened.body.id;
    const staged = await Promise.all(
      (['strong', 'good', 'weak'] as const).map((key) => caseAt(s, 'drafting', { label: `selectie-${key}`, accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] })),
    );
    (['strong', 'good', 'weak'] as const).forEach((key, i) => (cases[key] = staged[i]!));
    for (const c of staged) expect((await post(c.representative, `cases/${c.id}/call`, { callId })).status).toBe(200);
    expect((await get('auditor', `calls/${callId}`)).body.candidates).toBe(3);
  });

  it('assesses the three; each waits for the selection, which cannot be proposed while registration is open', async () => {
    const assessorIds = await Promise.all(['assessor-a', 'assessor-b'].map((a) => userId(s, a)));
    for (const [key, score] of [['strong', 5], ['good', 4], ['weak', 2]] as const) {
      const id = cases[key].id;
      expect((await post('handler', `cases/${id}/roadmap/submit`)).status).toBe(200);
      for (const [instrumentCode, requestedCents] of PROJECTS[key]) {
        const created = await post('handler', `cases/${id}/projects`, { title: `Project ${key} ${instrumentCode}`, leadOrganisation: 'Catalisti vzw', serves: { kind: 'milestone', index: 0 }, instrumentCode, requestedCents });
        expect(created.status).toBe(201);
      }
      expect((await post('handler', `cases/${id}/assessors`, { assessorIds })).status).toBe(200);
      for (const a of ['assessor-a', 'assessor-b']) {
        expect((await post(a, `cases/${id}/assessment/conflict-declaration`, { hasConflict: false })).status).toBe(200);
        expect((await post(a, `cases/${id}/assessments`, assessment(score))).status).toBe(201);
      }
      const concluded = await post('handler', `cases/${id}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Voldoet aan de criteria.' });
      expect(concluded.status).toBe(200);
      expect(concluded.body.stage).toBe('selection');
      expect((await get('auditor', `cases/${id}`)).body.stage).toBe('selection');
    }
    const early = await post('policy-owner', `calls/${callId}/selection`, { selected: [cases.strong.id], notSelected: [], reason: 'Te vroeg voorgesteld.' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('zijn nog open');
  });

  it('shows the candidates side by side, ranked, with the budget requested against the envelope; not to the candidates', async () => {
    // Registration closes by the clock (here: its moment set in the past, as the timer would pass it).
    await s.app.get(Database).transaction((repos) => repos.calls.update(callId, { status: 'registration_closed' }));
    const res = await get('policy-owner', `calls/${callId}/candidates`);
    expect(res.status).toBe(200);
    expect(res.body.notReady).toBeNull();
    expect(res.body.candidates.map((c: { caseId: string; proposedRank: number; standing: string }) => [c.caseId, c.standing, c.proposedRank])).toEqual([
      [cases.strong.id, 'eligible', 1],
      [cases.good.id, 'eligible', 2],
      [cases.weak.id, 'eligible', 3],
    ]);
    const strong = res.body.candidates[0];
    expect(strong.criteria).toHaveLength(10);
    expect(strong.criteria[1]).toMatchObject({ code: 'C2', scores: [5, 5], mean: 5, spread: 0 });
    expect(strong.gates).toHaveLength(2);
    expect(Object.values(strong.assessorNames)).toHaveLength(2);
    expect(res.body.budget).toEqual([
      { instrumentCode: 'IWT', envelopeCents: 300_000_000, requestedCents: 360_000_000, overCents: 60_000_000 },
      { instrumentCode: 'PMV', envelopeCents: 100_000_000, requestedCents: 80_000_000, overCents: 0 },
    ]);
    const refused = await get(cases.strong.representative, `calls/${callId}/candidates`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('De vergelijking van de kandidaten is voor de administratie');
  });

  it('refuses an incomplete proposal with 400 naming each field, and writes nothing', async () => {
    const bad = await post('policy-owner', `calls/${callId}/selection`, { selected: [cases.strong.id, cases.good.id, cases.weak.id], notSelected: [], reason: 'Iedereen mee.' });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['selected']);
    expect(bad.body.fieldErrors[0].messages[0]).toContain('hoogstens 2');
    const missing = await post('policy-owner', `calls/${callId}/selection`, { selected: [cases.strong.id], notSelected: [], reason: 'Alleen de sterkste.' });
    expect(missing.status).toBe(400);
    expect(missing.body.fieldErrors[0]).toMatchObject({ field: 'notSelected', messages: [expect.stringContaining('Cluster selectie-good')] });
    expect((await get('auditor', `calls/${callId}/selection`)).body).toEqual([]);
  });

  it('selects two and not the third, four eyes: the proposer cannot approve, an approver does', async () => {
    const weakReason = 'Zwakkere scores op internationale positionering en hefboom dan de twee geselecteerde kandidaten.';
    const proposed = await post('policy-owner', `calls/${callId}/selection`, {
      selected: [cases.strong.id, cases.good.id],
      notSelected: [{ caseId: cases.weak.id, reason: weakReason }],
      reason: 'De twee sterkste routekaarten volgens de tien criteria.',
    });
    expect(proposed.status).toBe(201);
    selectionId = proposed.body.selectionId;
    comparisonSha256 = proposed.body.comparisonSha256;

    const approvals = (await get('approver', 'approvals?status=pending&limit=100')).body.items as { subjectType: string; subjectId: string; mayDecide: boolean }[];
    expect(approvals.find((a) => a.subjectType === 'call_selection' && a.subjectId === selectionId)).toMatchObject({ mayDecide: true });
    expect((await post('policy-owner', `call-selections/${selectionId}/decision`, { decision: 'approve', comment: 'Zelf.' })).status).toBe(403);

    const decided = await post('approver', `call-selections/${selectionId}/decision`, { decision: 'approve', comment: 'Akkoord met de selectie.' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('approved');

    for (const key of ['strong', 'good'] as const) {
      const open = await eventually(() => get('auditor', `advice-requests?caseId=${cases[key].id}&status=open`), (r) => r.body.total === 3);
      expect(open.body.total).toBe(3);
      expect((await get('auditor', `cases/${cases[key].id}`)).body.stage).toBe('advice');
    }
    const weak = await eventually(() => get('auditor', `cases/${cases.weak.id}`), (r) => r.body.stage === 'closed');
    expect(weak.body.stage).toBe('closed');
    const trail = (await get('auditor', `cases/${cases.weak.id}/audit?limit=200`)).body.items as { action: string; reason: string | null; payload: Record<string, unknown> }[];
    expect(trail.find((e) => e.action === 'case.closed')).toMatchObject({ reason: weakReason, payload: expect.objectContaining({ reason: 'not_selected', selectionId, comparisonSha256, approvedBy: demoUser('approver').id }) });
    expect((await get('auditor', `calls/${callId}`)).body.status).toBe('selection_decided');
    // The decision trace names the selection, who proposed and who approved it, and the comparison's hash.
    const trace = (await get('auditor', `cases/${cases.weak.id}/decisions`)).body as { records: { kind: string; summary: string; callSelection?: Record<string, unknown> }[] };
    expect(trace.records.find((r) => r.kind === 'call_selection')).toMatchObject({
      summary: expect.stringContaining('niet geselecteerd, voorgesteld door Sofie Claes'),
      callSelection: { selectionId, outcome: 'not_selected', reason: weakReason, comparisonSha256, approvedBy: { userId: demoUser('approver').id, name: expect.any(String) } },
    });
    // The overview shows the call's funnel and its envelope per instrument (nothing earmarked yet).
    const overview = (await get('policy-owner', `portfolio?callId=${callId}`)).body as {
      funnel: { total: number; stages: { stage: string; count: number }[] };
      budget: { envelopes: { instrumentCode: string; envelopeCents: number; earmarkedCents: number }[] };
    };
    expect(overview.funnel.total).toBe(3);
    expect(Object.fromEntries(overview.funnel.stages.filter((x) => x.count > 0).map((x) => [x.stage, x.count]))).toEqual({ advice: 2, closed: 1 });
    expect(overview.funnel.stages.map((x) => x.stage)).toContain('selection');
    expect(overview.budget.envelopes.map((e) => [e.instrumentCode, e.envelopeCents, e.earmarkedCents])).toEqual([
      ['IWT', 300_000_000, 0],
      ['PMV', 100_000_000, 0],
    ]);
    // A second decision is refused in words.
    const again = await post('approver', `call-selections/${selectionId}/decision`, { decision: 'approve', comment: 'Nogmaals.' });
    expect([409]).toContain(again.status);
  });

  it("an auditor exports the not-selected candidate's evidence and verifies it offline; the comparison hashes to its record", async () => {
    const bundle = await s.http().get(`/api/cases/${cases.weak.id}/audit/export`).set(await as('auditor')).buffer(true).parse(binary);
    expect(bundle.status).toBe(200);
    const file = join(dir, 'weak.jsonl');
    await writeFile(file, bundle.body as Buffer);
    const verified = await verifyOffline(file);
    expect(verified.code).toBe(0);
    const lines = (bundle.body as Buffer).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { action?: string; payload?: Record<string, unknown>; event?: { action: string; payload: Record<string, unknown> } });
    const closed = lines.map((l) => l.event ?? l).find((e) => e.action === 'case.closed');
    expect(closed?.payload).toMatchObject({ comparisonSha256 });

    const [selection] = (await get('auditor', `calls/${callId}/selection`)).body as { id: string; comparison: object; comparisonSha256: string; decidedBy: string }[];
    expect(selection).toMatchObject({ id: selectionId, comparisonSha256, decidedBy: demoUser('approver').id });
    expect(documentSha256(selection!.comparison)).toBe(comparisonSha256);
  });
});
