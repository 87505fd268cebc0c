import { Client, Connection } from '@temporalio/client';
import { AuditService } from '@cluster/audit';
import { ChildWorker, killAllChildWorkers } from '../support/child-worker';
import { driveCaseToClosure, type CaseJourney, type CasePlan } from '../support/case-journey';
import { chainProblems, ledgerProblems, trailProblems } from '../support/case-record-checks';
import { newDriverStats } from '../support/retrying-commands';
import { SeededRandom } from '../support/seeded-random';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { uniqueTaskQueue, workflowBundle } from '../support/temporal';
import { WorkerKiller } from '../support/worker-killer';

const CASES = 100;
/** Cases on their way at once: enough to keep activities in flight, modest for a loaded 2-core machine. */
const IN_FLIGHT = 12;
const COMMANDS_PER_CASE = 26;
/** Spread over the run; one of them (at random) first holds an activity inside its transaction. */
const KILLS = 6;
/**
 * Each kill stalls the cases in flight for 10–30 s (sticky-queue and activity timeouts) and the
 * 2,500 commands are CPU-bound: 230–340 s measured on 2 cores under load averages of 4–12.
 */
const TIME_LIMIT_MS = 10 * 60_000;

const seed = SeededRandom.seedFrom(process.env.WORKER_KILL_SEED);
const log = (line: string) => process.stdout.write(`[worker-kill] ${line}\n`);

/** Each case's earmarks (two instruments, odd cents) and its one tranche, from the seed. */
function plans(rng: SeededRandom): CasePlan[] {
  return Array.from({ length: CASES }, (_, no) => {
    const earmarks = [
      { instrumentCode: 'IWT', amountCents: rng.int(10_000_00, 2_000_000_00) },
      { instrumentCode: 'PMV', amountCents: rng.int(10_000_00, 2_000_000_00) },
    ];
    const target = earmarks[rng.int(0, 1)]!;
    return { no, earmarks, release: { instrumentCode: target.instrumentCode, amountCents: rng.int(1, target.amountCents) } };
  });
}

/** Kill points spread over the run: one per equal slice of the commands, at a random place in it. */
function killThresholds(rng: SeededRandom): number[] {
  const total = CASES * COMMANDS_PER_CASE;
  return Array.from({ length: KILLS }, (_, i) => Math.round(total * (0.05 + (0.85 * (i + rng.next())) / KILLS)));
}

/**
 * Runs `work` over `items`, at most `limit` at once, and stops taking new items after a failure.
 * `results` fails at the first failure; `settled` waits until no item is being worked on.
 */
function bounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): { results: Promise<R[]>; settled: Promise<unknown> } {
  const results: R[] = [];
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: limit }, async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        results.push(await work(item));
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  return { results: Promise.all(lanes).then(() => results), settled: Promise.allSettled(lanes) };
}

/**
 * The worker process dies by SIGKILL at random moments (seeded; WORKER_KILL_SEED repeats a run)
 * while 100 cases go from creation to closure, and is restarted after a short pause. Temporal
 * retries what was lost; the activities' idempotency keys must make every retry a no-op. Proven
 * afterwards: every case closed, each accepted command in the audit trail exactly once and no
 * other, the budget ledger exact to the cent, every audit chain intact up to the head its
 * workflow kept.
 */
describe('worker killed with SIGKILL at random moments while 100 cases move through their steps', () => {
  let t: TestDatabase;
  let connection: Connection;
  let client: Client;
  let killer: WorkerKiller | undefined;
  /** Settles once no case is being driven any more. */
  let driving: Promise<unknown> | undefined;
  let ticker: NodeJS.Timeout | undefined;
  const taskQueue = uniqueTaskQueue('kill');
  const stats = newDriverStats();
  const stop = new AbortController();
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const startWorker = () =>
    ChildWorker.spawn({ databaseUrl: t.appUrl, taskQueue, temporalAddress: process.env.TEST_TEMPORAL_ADDRESS!, workflowBundle: workflowBundle().codePath });

  beforeAll(async () => {
    t = await createTestDatabase();
    connection = await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    client = new Client({ connection });
  }, 60_000);

  afterAll(async () => {
    // Also after a failure or the time limit: stop the drivers before their connections go away.
    stop.abort();
    clearInterval(ticker);
    await driving;
    await killer?.stop().catch(() => undefined);
    const kills = killer?.kills ?? [];
    log(`${elapsed()} in all; ${kills.length} kills (down ${kills.map((k) => (k.downMs / 1000).toFixed(1)).join(' / ')} s); ${stats.commands} commands, ${stats.retries} attempts sent again, ${stats.readBack} read back from an ended run, ${stats.queries} queries (${stats.queryRetries} asked again)`);
    await killAllChildWorkers();
    await connection?.close();
    await t?.drop();
  }, 90_000);

  it('closes every case with each step recorded once, an exact ledger and intact audit chains', async () => {
    log(`seed ${seed} (WORKER_KILL_SEED=${seed} repeats the schedule), ${CASES} cases, ${IN_FLIGHT} at once, ${KILLS} kills`);
    const rng = new SeededRandom(seed);
    const casePlans = plans(rng);
    const thresholds = killThresholds(rng);

    const first = startWorker();
    await first.ready();
    killer = new WorkerKiller(first, { rng, start: startWorker, thresholds, heldKill: rng.int(0, KILLS - 1), progress: () => stats.commands, adminUrl: t.adminUrl, log });
    killer.begin();
    ticker = setInterval(() => log(`${elapsed()}: ${stats.commands} commands, ${stats.retries} attempts sent again`), 30_000);
    const driver = { client, taskQueue, db: t.db, stats, signal: stop.signal };
    const run = bounded(casePlans, IN_FLIGHT, (plan) => driveCaseToClosure(driver, plan));
    driving = run.settled;
    const journeys: CaseJourney[] = await run.results;
    await killer.stop();
    clearInterval(ticker);
    const kills = killer.kills;
    log(`all ${CASES} cases closed after ${elapsed()}`);

    // The schedule really happened: enough kills, spread over the run, one inside an activity's transaction.
    expect(kills.length).toBe(KILLS);
    expect(kills.some((k) => k.heldActivity && k.workerTransactions > 0)).toBe(true);
    expect(kills[0]!.progress).toBeLessThan(CASES * COMMANDS_PER_CASE * 0.25);
    expect(kills.at(-1)!.progress).toBeGreaterThan(CASES * COMMANDS_PER_CASE * 0.6);

    // Every case closed, in the record and in Temporal.
    expect(journeys).toHaveLength(CASES);
    expect(new Set(journeys.map((j) => j.caseId)).size).toBe(CASES);
    for (const j of journeys) expect(j.accepted).toHaveLength(COMMANDS_PER_CASE);
    const stages = await t.sql<{ stage: string; n: string }>(t.adminUrl, 'SELECT stage, count(*) AS n FROM cases GROUP BY stage');
    expect(stages.map((s) => [s.stage, Number(s.n)])).toEqual([['closed', CASES]]);
    const closures = await t.sql<{ n: string }>(t.adminUrl, 'SELECT count(DISTINCT case_id) AS n FROM case_closures');
    expect(Number(closures[0]!.n)).toBe(CASES);
    // A closed case's workflow ends once the step of its own it was in when the closure came (a
    // system activity a kill cut off waits for its 30 s timeout, then runs again) has finished:
    // give that its bound, then every run must have COMPLETED, and what held it is logged.
    const late = await runsStillGoing(journeys);
    if (late.length) log(`still running right after the last closure: ${late.join('; ')}`);
    const ended = await Promise.all(journeys.map(async (j) => ({ workflowId: j.workflowId, status: await endedStatus(j.workflowId, 90_000) })));
    expect(ended.filter((e) => e.status !== 'COMPLETED')).toEqual([]);

    // Temporal did retry activities the kills cut off: the record must not show them twice.
    const retriedActivities = await retriedActivityAttempts(journeys);
    log(`activity attempts retried after a kill: ${retriedActivities}`);
    expect(retriedActivities).toBeGreaterThan(0);

    const audit = new AuditService(t.db);
    const problems: string[] = [];
    for (const j of journeys) {
      problems.push(...(await trailProblems(audit, j)), ...(await ledgerProblems(t.db, j)), ...(await chainProblems(audit, client, j)));
    }
    expect(problems).toEqual([]);

    // The whole ledger: what was earmarked went out as approved tranches or came back at closure.
    const [ledger] = await t.sql<{ earmarked: string; unearmarked: string; released: string }>(
      t.adminUrl,
      `SELECT sum(amount_cents) FILTER (WHERE kind = 'earmark') AS earmarked, sum(amount_cents) FILTER (WHERE kind = 'unearmark') AS unearmarked,
              sum(amount_cents) FILTER (WHERE kind = 'release') AS released FROM budget_movements`,
    );
    const agreed = casePlans.reduce((a, p) => a + p.earmarks.reduce((b, e) => b + e.amountCents, 0), 0);
    const approved = casePlans.reduce((a, p) => a + p.release.amountCents, 0);
    expect([Number(ledger!.earmarked), Number(ledger!.released), Number(ledger!.unearmarked)]).toEqual([agreed, approved, agreed - approved]);
    log(`checked after ${elapsed()}`);
  }, TIME_LIMIT_MS);

  /** Runs not yet COMPLETED, each with what it is still doing (its pending activities). */
  async function runsStillGoing(journeys: CaseJourney[]): Promise<string[]> {
    const out: string[] = [];
    for (const j of journeys) {
      const d = await client.workflow.getHandle(j.workflowId).describe();
      if (d.status.name === 'COMPLETED') continue;
      const pending = (d.raw.pendingActivities ?? []).map((a) => `${a.activityType?.name} attempt ${a.attempt}${a.lastFailure?.message ? ` (${a.lastFailure.message})` : ''}`);
      out.push(`${j.workflowId} ${d.status.name}, pending: ${pending.join(', ') || 'no activity'}`);
    }
    return out;
  }

  /** The run's status once it is no longer RUNNING, or RUNNING after `withinMs`. */
  async function endedStatus(workflowId: string, withinMs: number): Promise<string> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const status = (await client.workflow.getHandle(workflowId).describe()).status.name;
      if (status !== 'RUNNING' || Date.now() > deadline) return status;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Activity attempts after the first, over every run of every case: work a kill interrupted. */
  async function retriedActivityAttempts(journeys: CaseJourney[]): Promise<number> {
    let retried = 0;
    for (const j of journeys) {
      let runId: string | undefined;
      do {
        const history = await client.workflow.getHandle(j.workflowId, runId).fetchHistory();
        const events = history.events ?? [];
        retried += events.filter((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1).length;
        runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
      } while (runId);
    }
    return retried;
  }
});
