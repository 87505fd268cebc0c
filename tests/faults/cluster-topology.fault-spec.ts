import '../support/quiet-temporal-runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { AuditService, verifyCaseChain, WorkflowHeadKeeper } from '@cluster/audit';
import { ClusterTopology } from '../support/cluster-topology';
import { demoUser, roadmap } from '../support/fixtures';
import { TEST_JWT_SECRET } from '../support/http-stack';
import { RetryingHttp } from '../support/retrying-http';
import { uniqueTaskQueue, workflowBundle } from '../support/temporal';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const CASES = 50;
/** Cases on their way at once: commands always in flight when a process dies, modest for 2 cores. */
const IN_FLIGHT = 6;
/** Each case's commands and the audit action each records (once). */
const STEPS = ['case.created', 'roadmap.draft_saved', 'roadmap.submitted', 'assessment.assessors_assigned'] as const;
const COMMANDS = CASES * STEPS.length;
/** The stage every case reaches with these steps. */
const EXPECTED_STAGE = 'quality_assessment';
/** Down this long before a process comes back, so retries meet it gone. */
const DOWN_MS = 1_500;
/**
 * Commands driven on while a fault is under way (from its strike to its recovery); then no new case
 * starts until it has recovered, so each fault strikes with commands in flight and work left after
 * it however fast the machine is (the schedule's gaps are larger than this).
 */
const DRIVEN_DURING_FAULT = 40;

type Fault = 'worker SIGKILLed' | 'API SIGKILLed' | 'Temporal server SIGKILLed';
/** When each fault strikes: after this many commands were answered. */
const SCHEDULE: { fault: Fault; afterCommands: number }[] = [
  { fault: 'worker SIGKILLed', afterCommands: Math.round(COMMANDS * 0.15) },
  { fault: 'API SIGKILLed', afterCommands: Math.round(COMMANDS * 0.4) },
  { fault: 'Temporal server SIGKILLed', afterCommands: Math.round(COMMANDS * 0.65) },
];

const log = (line: string) => process.stdout.write(`[cluster-topology] ${line}\n`);

/**
 * The production topology on this machine (ClusterTopology: the Temporal server v1.29.1 on
 * PostgreSQL with 4 history shards, configured as docker-compose deploys it; two worker and two
 * API processes of the product's own programs). 50 cases are driven over HTTP through both APIs in
 * turn (each request to the next API, as a load balancer would) while one worker is SIGKILLed and
 * started again, then one API, then the Temporal server; a request that got no answer goes again
 * with the same X-Request-Id. Proven afterwards: every case at its stage, each command in the audit
 * trail exactly once (nothing lost, nothing doubled), no case twice, every chain verifying up to
 * the head its workflow keeps.
 */
describe('the cluster topology: 50 cases through two APIs and two workers while a worker, an API and the Temporal server die', () => {
  let db: TestDatabase;
  let topology: ClusterTopology | undefined;
  let connection: Connection | undefined;
  let documentsDir: string;
  const stop = new AbortController();
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  beforeAll(async () => {
    db = await createTestDatabase();
    documentsDir = mkdtempSync(join(tmpdir(), 'cluster-documents-'));
    topology = await ClusterTopology.start({
      adminUrl: process.env.TEST_DATABASE_ADMIN_URL!,
      databasePrefix: `temporal_${randomBytes(5).toString('hex')}`,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: db.appUrl,
        TEMPORAL_TASK_QUEUE: uniqueTaskQueue('cluster'),
        // The run's bundle, built once by the global setup: no webpack at every (re)start.
        TEMPORAL_WORKFLOW_BUNDLE: workflowBundle().codePath,
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        AUTH_DEV_LOGIN: 'true',
        RATE_LIMIT_PER_MINUTE: '0',
        DOCUMENTS_DIR: documentsDir,
      },
    });
    connection = await Connection.connect({ address: topology.temporalAddress });
    log(`${elapsed()}: up (Temporal ${topology.temporalAddress}, APIs ${topology.apiUrls.join(' ')})`);
  }, 240_000);

  afterAll(async () => {
    stop.abort();
    await connection?.close().catch(() => undefined);
    await topology?.stop().catch((error: unknown) => log(`stopping: ${String(error)}`));
    await db?.drop();
    if (documentsDir) rmSync(documentsDir, { recursive: true, force: true });
    log(`${elapsed()} in all`);
  }, 90_000);

  it('brings every case to its stage with each command recorded once and every chain intact', async () => {
    const t = topology!;
    const http = new RetryingHttp(() => t.apiUrls, stop.signal);
    let answered = 0;
    const cases: { no: number; id: string; requestIds: string[] }[] = [];

    /** One case's commands, each by the person whose step it is; their request ids in step order. */
    const driveCase = async (no: number) => {
      const requestIds: string[] = [];
      const send = async <T>(path: string, body: object = {}) => {
        const { body: answer, requestId } = await http.post<T>('handler', path, body);
        requestIds.push(requestId);
        answered++;
        return answer;
      };
      const { id } = await send<{ id: string }>('cases', {
        clusterName: `Cluster ${no}`,
        domain: 'Circulaire chemie',
        leadActors: ['Catalisti vzw'],
        partners: ['Universiteit Gent', 'VITO'],
        accountManagerId: demoUser('handler').id,
      });
      await send(`cases/${id}/roadmap/drafts`, roadmap({ vision: `Visie van cluster ${no}` }));
      await send(`cases/${id}/roadmap/submit`);
      await send(`cases/${id}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] });
      cases.push({ no, id, requestIds });
    };

    /** Each fault: commands answered when it struck and when it had recovered, how long it lasted. */
    const faults: { fault: Fault; atCommands: number; downMs: number; restartMs: number; answeredAfter: number }[] = [];
    const injecting = (async () => {
      for (const { fault, afterCommands } of SCHEDULE) {
        while (answered < afterCommands) {
          if (stop.signal.aborted) return;
          await sleep(50);
        }
        const at = answered;
        const downFrom = Date.now();
        let restartMs: number;
        if (fault === 'worker SIGKILLed') {
          await t.kill('worker', 0);
          await sleep(DOWN_MS);
          restartMs = await t.restart('worker', 0);
        } else if (fault === 'API SIGKILLed') {
          await t.kill('api', 0);
          await sleep(DOWN_MS);
          restartMs = await t.restart('api', 0);
        } else {
          await t.temporal.stop('SIGKILL');
          await sleep(DOWN_MS);
          restartMs = await t.temporal.start();
        }
        faults.push({ fault, atCommands: at, downMs: Date.now() - downFrom, restartMs, answeredAfter: answered });
        log(`${elapsed()}: ${fault} after ${at} commands, back after ${Date.now() - downFrom} ms`);
      }
    })();

    // IN_FLIGHT lanes, each taking the next case; the first failure stops them all.
    let nextCase = 0;
    const mayStartCase = () => SCHEDULE.every((s, i) => faults.length > i || answered < s.afterCommands + DRIVEN_DURING_FAULT);
    const lanes = Array.from({ length: IN_FLIGHT }, async () => {
      while (nextCase < CASES && !stop.signal.aborted) {
        if (!mayStartCase()) {
          await sleep(50);
          continue;
        }
        await driveCase(nextCase++);
      }
    });
    try {
      await Promise.all(lanes);
      await injecting;
    } catch (error) {
      stop.abort();
      await Promise.allSettled([...lanes, injecting]);
      throw new Error(`${(error as Error).message}\n\n${t.tails()}`);
    }
    log(`${elapsed()}: all ${CASES} cases driven; requests: ${JSON.stringify(http.summary())}`);

    // The schedule really happened, while cases were still being driven.
    expect(faults.map((f) => f.fault)).toEqual(SCHEDULE.map((s) => s.fault));
    for (const f of faults) expect({ fault: f.fault, leftAtRecovery: COMMANDS - f.answeredAfter > 0 }).toEqual({ fault: f.fault, leftAtRecovery: true });
    // Some request met a dead API or a missing server and was sent again.
    expect(http.summary().sentAgain).toBeGreaterThan(0);
    expect(t.crashes).toEqual([]);

    // No case lost, none made twice (a create sent again finds the case its first attempt made).
    expect(cases).toHaveLength(CASES);
    const stages = await db.sql<{ stage: string; n: string }>(db.adminUrl, 'SELECT stage, count(*) AS n FROM cases GROUP BY stage');
    expect(stages.map((s) => [s.stage, Number(s.n)])).toEqual([[EXPECTED_STAGE, CASES]]);
    // One draft and one submitted version per case: a draft or a submission sent again is not a second version.
    const versions = await db.sql<{ kind: string; n: string; cases: string }>(db.adminUrl, 'SELECT kind, count(*) AS n, count(DISTINCT case_id) AS cases FROM roadmap_versions GROUP BY kind ORDER BY kind');
    expect(versions.map((v) => [v.kind, Number(v.n), Number(v.cases)])).toEqual([['draft', CASES, CASES], ['submitted', CASES, CASES]]);

    const audit = new AuditService(db.db);
    const keeper = new WorkflowHeadKeeper(new Client({ connection: connection! }).workflow);
    const problems: string[] = [];
    for (const c of cases) {
      const rows = await db.sql<{ action: string; request_id: string | null; idempotency_key: string | null; seq: number }>(
        db.adminUrl,
        'SELECT action, request_id, idempotency_key, seq FROM audit_events WHERE case_id = $1 ORDER BY seq',
        [c.id],
      );
      // Each command's own event once, by its request id; no action twice for one request.
      STEPS.forEach((action, i) => {
        const n = rows.filter((r) => r.action === action).length;
        const byRequest = rows.filter((r) => r.action === action && r.request_id === c.requestIds[i]).length;
        if (n !== 1 || byRequest !== 1) problems.push(`case ${c.no}: ${action} recorded ${n} times, ${byRequest} with its request id`);
      });
      for (const requestId of c.requestIds) {
        const actions = rows.filter((r) => r.request_id === requestId).map((r) => r.action);
        if (new Set(actions).size !== actions.length) problems.push(`case ${c.no}: request ${requestId} recorded ${actions.join(', ')}`);
      }
      const foreign = rows.filter((r) => r.request_id && !c.requestIds.includes(r.request_id));
      if (foreign.length) problems.push(`case ${c.no}: events of requests never sent to it: ${foreign.map((r) => r.action).join(', ')}`);
      if (rows.some((r, i) => r.seq !== i + 1)) problems.push(`case ${c.no}: seq ${rows.map((r) => r.seq).join(',')}`);
      const keys = rows.map((r) => r.idempotency_key).filter(Boolean);
      if (new Set(keys).size !== keys.length) problems.push(`case ${c.no}: an idempotency key twice`);

      const report = await verifyCaseChain(audit, keeper, c.id);
      if (!report.ok) problems.push(`case ${c.no}: chain broken: ${JSON.stringify(report.firstBreak)}`);
      if (report.keptHead.state !== 'kept') problems.push(`case ${c.no}: no head kept by the workflow (${JSON.stringify(report.keptHead)})`);
      else if (report.keptHead.head.seq !== report.headSeq) problems.push(`case ${c.no}: kept head ${report.keptHead.head.seq}, chain head ${report.headSeq}`);
    }
    expect(problems).toEqual([]);
    log(`${elapsed()}: checked; faults ${JSON.stringify(faults)}`);
  }, 6 * 60_000);
});
