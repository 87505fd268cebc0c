import '../support/quiet-temporal-runtime';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { driveToDialogue } from '../support/drive';
import { demoUser, roadmap } from '../support/fixtures';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { setTimeout as pause } from 'node:timers/promises';
import { HttpTraffic, type CommandRecord, type Exchange, type RetryPolicy } from '../support/http-traffic';
import { startRestartablePostgres, type RestartablePostgres, type StopMode } from '../support/restartable-postgres';

/**
 * PostgreSQL goes away (fast shutdown, immediate shutdown, SIGKILL of the postmaster) and comes
 * back on the same data while several users keep sending commands and reads over HTTP. The API
 * answers every request within the bound: 503 with Retry-After and the shared error body while
 * the database is away (health: degraded), and serves again afterwards without a restart. What
 * a client was told is what the record holds: every 2xx command is in the audit trail once, a
 * command given up after a 503 is not, a retried one (same X-Request-Id) is there once; every
 * chain verifies and the budget ledger balances.
 */
describe('database outage while commands flow', () => {
  /**
   * Every request must be answered within this; past it the client aborts and the test fails. A
   * command already handed to its workflow when the database goes away cannot be answered before
   * the database is back (a 503 would be untrue: it will still be applied), so the bound is the
   * outage (stop, down, crash recovery) plus the pause between activity attempts plus slack.
   */
  const BOUND_MS = 15_000;
  const DOWN_MS = 3_000;
  const STEADY_MS = 2_000;
  /** After the database is back, every client must be served again within this. */
  const RECOVERY_BOUND_MS = 15_000;
  const MAX_REQUESTS_PER_LOOP = 250;
  const RELEASE_CENTS = 1_000_00;
  const OUTAGES: StopMode[] = ['fast', 'immediate', 'kill'];

  let pg: RestartablePostgres;
  let stack: HttpStack;
  let temporal: Connection;
  let traffic: HttpTraffic;
  let dialogueCaseId: string;
  const ownCases: Record<string, string[]> = { handler: [], handler2: [] };
  const windows: { mode: StopMode; stopBegan: number; stopMs: number; downFrom: number; downUntil: number; upAt: number; startMs: number; healthyAt: number; servedAllAt: number }[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const started = Date.now();
    pg = await startRestartablePostgres();
    timings.postgresStartMs = Date.now() - started;
    // 503s are logged as errors with their stack (an outage is ours to see): hundreds here, so
    // off unless FAULT_LOG_LEVEL=error asks for them (e.g. to find the stack behind a 500).
    stack = await startHttpStack({ LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'fatal' }, { databaseAdminUrl: pg.adminUrl });
    // A real socket (not supertest's in-process calls): requests race each other as in production.
    await stack.app.listen(0, '127.0.0.1');
    const { port } = stack.app.getHttpServer().address() as AddressInfo;
    const users = ['handler', 'handler2', 'approver', 'auditor'];
    const tokens = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await stack.tokenFor(u)] as const)));
    traffic = new HttpTraffic(`http://127.0.0.1:${port}`, tokens, BOUND_MS);

    // Money to move during the outages: a case in its structured dialogue with an earmark.
    temporal = await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    ({ caseId: dialogueCaseId } = await driveToDialogue(new Client({ connection: temporal }), stack.config.TEMPORAL_TASK_QUEUE, { now: new Date() }));
    for (const user of ['handler', 'handler2']) {
      for (let i = 0; i < 2; i++) {
        const created = await traffic.command('setup', user, 'create', null, 'POST', '/api/cases', newCase(user, `start ${i}`), 'abandon-503');
        expect(created.outcome).toBe('applied');
        ownCases[user]!.push((created.attempts.at(-1)!.body as { id: string }).id);
      }
    }
    timings.setupMs = Date.now() - started;
  }, 50_000);

  afterAll(async () => {
    await stack?.stop().catch((e) => console.error('stack stop', e));
    await temporal?.close();
    await pg?.dispose();
    if (traffic) console.log(`[database outage] ${summary()}`);
  }, 20_000);

  const newCase = (user: string, label: string) => ({
    clusterName: `Storingstest ${user} ${label}`,
    domain: 'Circulaire chemie',
    leadActors: ['Catalisti vzw'],
    partners: ['Universiteit Gent', 'VITO'],
    accountManagerId: demoUser(user).id,
  });

  let stopped = false;
  const loop = async (step: (i: number) => Promise<unknown>, gapMs: number) => {
    for (let i = 0; i < MAX_REQUESTS_PER_LOOP && !stopped; i++) {
      await step(i);
      await pause(gapMs);
    }
  };

  /** Drafts on its own cases and now and then a new case; after a 503 it retries or gives up. */
  const writer = (user: string, policy: RetryPolicy) =>
    loop(async (i) => {
      if (i % 5 === 4) {
        const c = await traffic.command(`writer-${user}`, user, 'create', null, 'POST', '/api/cases', newCase(user, `#${i}`), policy);
        if (c.outcome === 'applied') {
          c.caseId = (c.attempts.at(-1)!.body as { id: string }).id;
          ownCases[user]!.push(c.caseId);
        }
        return;
      }
      const cases = ownCases[user]!;
      const caseId = cases[i % cases.length]!;
      await traffic.command(`writer-${user}`, user, 'draft', caseId, 'POST', `/api/cases/${caseId}/roadmap/drafts`, roadmap({ vision: `Versie ${i} van ${user}` }), policy);
    }, 250);

  /** Tranches requested by the account manager and approved by a budget holder, each retried after a 503. */
  const money = () =>
    loop(async (i) => {
      const requested = await traffic.command('money', 'handler', 'release-request', dialogueCaseId, 'POST', `/api/cases/${dialogueCaseId}/budget/releases`, {
        instrumentCode: 'IWT',
        amountCents: RELEASE_CENTS,
        justification: `Tranche ${i + 1} volgens de dialoog`,
        basis: 'Dialoogcyclus 1: op koers',
      }, 'retry-503');
      if (requested.outcome !== 'applied') return;
      const { approvalId } = requested.attempts.at(-1)!.body as { approvalId: string };
      await traffic.command('money', 'approver', 'release-decision', dialogueCaseId, 'POST', `/api/approvals/${approvalId}/decision`, { decision: 'approve', comment: 'Akkoord' }, 'retry-503');
    }, 400);

  const reader = (user: string, paths: (i: number) => string[]) =>
    loop(async (i) => {
      for (const path of paths(i)) await traffic.call(`reader-${user}`, user, 'GET', path);
    }, 200);

  const health = () => loop(() => traffic.call('health', null, 'GET', '/api/health'), 500);

  const waitHealthy = async () => {
    for (;;) {
      const ex = await traffic.call('probe', null, 'GET', '/api/health');
      if (ex.status === 200) return Date.now();
      await pause(100);
    }
  };

  const LOOPS = ['writer-handler', 'writer-handler2', 'money', 'reader-auditor', 'reader-handler2', 'health'];
  /** Until every client has had a success since `since` (a retrying client waits its Retry-After first). */
  const waitAllServed = async (since: number) => {
    const deadline = Date.now() + RECOVERY_BOUND_MS;
    while (LOOPS.some((name) => !traffic.exchanges.some((e) => e.loop === name && e.startedAt >= since && is2xx(e))) && Date.now() < deadline) await pause(100);
    return Date.now();
  };

  const is2xx = (e: Exchange) => typeof e.status === 'number' && e.status < 300;
  const inside = (e: Exchange, w: (typeof windows)[number]) => e.startedAt >= w.downFrom && e.endedAt <= w.downUntil;

  it('answers every request within the bound: 503 with Retry-After while the database is away, and serves again afterwards', async () => {
    const started = Date.now();
    const probes: Promise<unknown>[] = [];
    const running = Promise.all([
      writer('handler', 'retry-503'),
      writer('handler2', 'abandon-503'),
      money(),
      reader('auditor', () => ['/api/cases?limit=5', '/api/audit?limit=5', `/api/cases/${dialogueCaseId}/budget`]),
      reader('handler2', (i) => {
        const id = ownCases.handler2![i % ownCases.handler2!.length]!;
        return [`/api/cases/${id}`, `/api/cases/${id}/audit?limit=5`, '/api/tasks'];
      }),
      health(),
    ]);
    try {
      await pause(STEADY_MS);
      for (const mode of OUTAGES) {
        const stopBegan = Date.now();
        const stopMs = await pg.stop(mode);
        const downFrom = Date.now();
        // The loops may all be waiting (on a command in flight, or a Retry-After): besides theirs,
        // requests of certain timing: a read, a command given up and one retried until applied.
        await pause(DOWN_MS / 4);
        const [givenUp, retried] = [ownCases.handler2![0]!, ownCases.handler![0]!];
        await traffic.command('probe', 'handler2', 'draft', givenUp, 'POST', `/api/cases/${givenUp}/roadmap/drafts`, roadmap({ vision: 'Opgegeven tijdens de storing' }), 'abandon-503');
        probes.push(traffic.command('probe', 'handler', 'draft', retried, 'POST', `/api/cases/${retried}/roadmap/drafts`, roadmap({ vision: 'Herhaald na de storing' }), 'retry-503'));
        await traffic.call('probe', 'auditor', 'GET', '/api/cases?limit=5');
        await pause(downFrom + DOWN_MS - Date.now());
        const downUntil = Date.now();
        const startMs = await pg.start();
        const upAt = Date.now();
        const healthyAt = await waitHealthy();
        const servedAllAt = await waitAllServed(upAt);
        windows.push({ mode, stopBegan, stopMs, downFrom, downUntil, upAt, startMs, healthyAt, servedAllAt });
        await pause(STEADY_MS);
      }
    } finally {
      stopped = true;
      await running;
      await Promise.all(probes);
    }
    timings.trafficMs = Date.now() - started;

    // Never a hang, never a 500: an answer before the client gives up (BOUND_MS), and only these
    // answers. How fast they came (the slowest 503 included) is printed in the summary, not judged.
    const unanswered = traffic.exchanges.filter((e) => typeof e.status !== 'number');
    expect(unanswered).toEqual([]);
    const t0 = windows[0]!.stopBegan;
    const unexpected = traffic.exchanges
      .filter((e) => ![200, 201, 503].includes(e.status as number))
      .map((e) => ({ request: `${e.method} ${e.path}`, status: e.status, body: e.body, sentMsAfterFirstStop: e.startedAt - t0, ms: e.endedAt - e.startedAt }));
    expect(unexpected).toEqual([]);

    // Every 503 tells the client when to come back, in the shared error body (health: its own).
    for (const e of traffic.exchanges.filter((x) => x.status === 503)) {
      expect(Number(e.retryAfter)).toBeGreaterThan(0);
      if (e.path === '/api/health') {
        expect(e.body).toEqual({ status: 'degraded', database: 'down', temporal: 'up' });
      } else {
        expect(e.body).toEqual({ statusCode: 503, error: 'DEPENDENCY_UNAVAILABLE', message: expect.any(String), requestId: e.requestId });
      }
    }

    for (const w of windows) {
      // While the database is certainly away, nothing succeeds and every kind of request was tried.
      const during = traffic.exchanges.filter((e) => inside(e, w));
      expect({ mode: w.mode, succeeded: during.filter(is2xx).length }).toEqual({ mode: w.mode, succeeded: 0 });
      const kinds = new Set(during.map((e) => (e.path === '/api/health' ? 'health' : e.method === 'GET' ? 'read' : 'command')));
      expect({ mode: w.mode, kinds: [...kinds].sort() }).toEqual({ mode: w.mode, kinds: ['command', 'health', 'read'] });
      // After it, every client is served again by the same API process.
      for (const name of LOOPS) {
        const served = traffic.exchanges.some((e) => e.loop === name && e.startedAt >= w.upAt && is2xx(e));
        expect({ mode: w.mode, loop: name, served }).toEqual({ mode: w.mode, loop: name, served: true });
      }
    }
  }, 100_000);

  const auditByRequest = async (ids: string[]) => {
    const rows = await stack.db.sql<{ request_id: string; action: string; n: number }>(
      stack.db.adminUrl,
      'SELECT request_id, action, count(*)::int AS n FROM audit_events WHERE request_id = ANY($1) GROUP BY request_id, action',
      [ids],
    );
    const byId = new Map<string, Record<string, number>>();
    for (const r of rows) byId.set(r.request_id, { ...byId.get(r.request_id), [r.action]: r.n });
    return byId;
  };

  /** The audit action each kind of command records (one event each). */
  const ACTION: Record<string, string> = {
    create: 'case.created',
    draft: 'roadmap.draft_saved',
    'release-request': 'budget.release_requested',
    'release-decision': 'budget.released',
  };

  it('has every answered command in the audit trail exactly once and no command that was given up', async () => {
    const commands = traffic.commands;
    const audit = await auditByRequest(commands.map((c) => c.requestId));
    const applied = commands.filter((c) => c.outcome === 'applied');
    const givenUp = commands.filter((c) => c.outcome === 'abandoned' && c.attempts.length === 1);
    const retried = applied.filter((c) => c.attempts.length > 1);
    expect(commands.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(givenUp.length).toBeGreaterThan(0);
    expect(retried.length).toBeGreaterThan(0);

    const wrong = (c: CommandRecord, found: Record<string, number> | undefined) => ({ kind: c.kind, requestId: c.requestId, attempts: c.attempts.map((a) => a.status), found });
    for (const c of applied) {
      const found = audit.get(c.requestId);
      if (found?.[ACTION[c.kind]!] !== 1 || Object.values(found).some((n) => n !== 1)) throw new Error(`not recorded exactly once: ${JSON.stringify(wrong(c, found))}`);
    }
    for (const c of givenUp) {
      if (audit.has(c.requestId)) throw new Error(`given up after a 503, yet recorded: ${JSON.stringify(wrong(c, audit.get(c.requestId)))}`);
    }
    timings.commands = commands.length;
    timings.applied = applied.length;
    timings.retriedThenApplied = retried.length;
    timings.givenUpAfter503 = givenUp.length;
  }, 20_000);

  it('verifies the audit chain of every case it touched, against the head each case workflow keeps', async () => {
    const cases = [dialogueCaseId, ...ownCases.handler!, ...ownCases.handler2!];
    for (const id of cases) {
      const res = await traffic.call('verify', 'auditor', 'GET', `/api/cases/${id}/audit/verify`);
      const body = res.body as { ok: boolean; firstBreak: unknown; keptHead: { state: string } };
      expect({ id, status: res.status, ok: body.ok, firstBreak: body.firstBreak, kept: body.keptHead?.state }).toEqual({ id, status: 200, ok: true, firstBreak: null, kept: 'kept' });
    }
    timings.chainsVerified = cases.length;
  }, 30_000);

  it('keeps the budget ledger balanced: lines equal their movements, each approval booked once', async () => {
    const sql = <T>(text: string) => stack.db.sql<T>(stack.db.adminUrl, text, [dialogueCaseId]);
    const lines = await sql<{ instrument_code: string; earmarked: string; released: string; booked_earmark: string; booked_release: string }>(`
      SELECT l.instrument_code, l.earmarked_cents AS earmarked, l.released_cents AS released,
        COALESCE(SUM(m.amount_cents) FILTER (WHERE m.kind = 'earmark'), 0) - COALESCE(SUM(m.amount_cents) FILTER (WHERE m.kind = 'unearmark'), 0) AS booked_earmark,
        COALESCE(SUM(m.amount_cents) FILTER (WHERE m.kind = 'release'), 0) AS booked_release
      FROM budget_lines l LEFT JOIN budget_movements m ON m.case_id = l.case_id AND m.instrument_code = l.instrument_code
      WHERE l.case_id = $1 GROUP BY l.instrument_code, l.earmarked_cents, l.released_cents`);
    for (const l of lines) {
      expect(l.earmarked).toBe(l.booked_earmark);
      expect(l.released).toBe(l.booked_release);
      expect(BigInt(l.released)).toBeLessThanOrEqual(BigInt(l.earmarked));
    }
    const perRelease = await sql<{ status: string; movements: number }>(`
      SELECT r.status, count(m.id)::int AS movements FROM budget_releases r LEFT JOIN budget_movements m ON m.release_id = r.id
      WHERE r.case_id = $1 GROUP BY r.id, r.status`);
    const approvedCommands = traffic.commands.filter((c) => c.kind === 'release-decision' && c.outcome === 'applied').length;
    const requestedCommands = traffic.commands.filter((c) => c.kind === 'release-request' && c.outcome === 'applied').length;
    expect(perRelease).toHaveLength(requestedCommands);
    expect(perRelease.filter((r) => r.status === 'approved').map((r) => r.movements)).toEqual(Array(approvedCommands).fill(1));
    expect(perRelease.filter((r) => r.status !== 'approved').every((r) => r.movements === 0)).toBe(true);

    const overview = await traffic.call('verify', 'auditor', 'GET', `/api/cases/${dialogueCaseId}/budget`);
    const iwt = (overview.body as { instrumentCode: string; releasedCents: number }[]).find((l) => l.instrumentCode === 'IWT')!;
    expect(iwt.releasedCents).toBe(approvedCommands * RELEASE_CENTS);
    timings.releasesApproved = approvedCommands;
  }, 20_000);

  function summary(): string {
    const ex = traffic.exchanges;
    const byStatus: Record<string, number> = {};
    for (const e of ex) byStatus[String(e.status)] = (byStatus[String(e.status)] ?? 0) + 1;
    const ms = ex.map((e) => e.endedAt - e.startedAt).sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? 0;
    const outages = windows.map((w) => {
      const firstCommand = ex.find((e) => e.method === 'POST' && e.startedAt >= w.upAt && is2xx(e));
      const in503 = ex.filter((e) => e.status === 503 && e.startedAt >= w.downFrom - 1000 && e.endedAt <= w.healthyAt + 1000).length;
      return `${w.mode}: stop ${w.stopMs} ms, down ${w.downUntil - w.downFrom} ms, restart ${w.startMs} ms, healthy ${w.healthyAt - w.upAt} ms after up, first command 2xx ${firstCommand ? firstCommand.endedAt - w.upAt : '-'} ms after up, all clients served ${w.servedAllAt - w.upAt} ms after up, 503s ${in503}`;
    });
    const t0 = windows[0]?.stopBegan ?? 0;
    const slowest = [...ex]
      .sort((a, b) => b.endedAt - b.startedAt - (a.endedAt - a.startedAt))
      .slice(0, 3)
      .map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, ':id')} ${e.status} ${e.endedAt - e.startedAt} ms (sent ${e.startedAt - t0} ms after the first stop began)`);
    const refusalMs = Math.max(0, ...ex.filter((e) => e.status === 503).map((e) => e.endedAt - e.startedAt));
    return [
      `requests ${ex.length} ${JSON.stringify(byStatus)}; latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${ms.at(-1)} ms; slowest 503 ${refusalMs} ms`,
      ...outages,
      `slowest: ${slowest.join('; ')}`,
      JSON.stringify(timings),
    ].join('\n');
  }
});
