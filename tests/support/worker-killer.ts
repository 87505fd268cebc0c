import { setTimeout as sleep } from 'node:timers/promises';
import { Client as PgClient } from 'pg';
import { ChildWorker } from './child-worker';
import type { SeededRandom } from './seeded-random';

export interface KillRecord {
  no: number;
  /** Milliseconds since the killer started. */
  atMs: number;
  pid: number;
  /** Commands the driver had through when this kill came. */
  progress: number;
  /** Worker database transactions open just before the kill: activities mid-write. */
  workerTransactions: number;
  /** Held an activity inside its transaction on purpose, so this kill surely hit one. */
  heldActivity: boolean;
  /** From the kill until the next worker polled its task queue. */
  downMs: number;
}

export interface KillerOptions {
  rng: SeededRandom;
  start: () => ChildWorker;
  /** Kill when the driver's progress passes each of these (sorted). */
  thresholds: number[];
  /** Which kill holds an activity in its transaction first (index into thresholds). */
  heldKill: number;
  progress: () => number;
  /** Superuser connection to the test's database: to see and hold the worker's transactions. */
  adminUrl: string;
  log: (line: string) => void;
}

const WORKER_APP = 'cluster-cases-worker';

/**
 * SIGKILLs the worker process at random moments spread over the run (seeded: the driver's
 * progress thresholds, a random delay after each, a random pause before the restart) and starts
 * a new one each time, waiting until it polls before the next kill.
 */
export class WorkerKiller {
  readonly kills: KillRecord[] = [];
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly started = Date.now();

  constructor(
    private current: ChildWorker,
    private readonly o: KillerOptions,
  ) {}

  get worker(): ChildWorker {
    return this.current;
  }

  begin(): void {
    this.loop = this.run();
    // A failure in the loop surfaces through stop(); keep it from being reported as unhandled first.
    this.loop.catch(() => undefined);
  }

  /** Ends the kills; resolves once the current worker (if one is starting) is ready. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    for (const [i, threshold] of this.o.thresholds.entries()) {
      while (!this.stopped && this.o.progress() < threshold) await sleep(100);
      if (this.stopped) return;
      await sleep(this.o.rng.int(0, 1500));
      if (this.stopped) return;
      const kill = await this.killOnce(i === this.o.heldKill);
      await sleep(this.o.rng.int(300, 2500));
      this.current = this.o.start();
      await this.current.ready();
      kill.downMs = Date.now() - this.started - kill.atMs;
    }
  }

  private async killOnce(hold: boolean): Promise<KillRecord> {
    // Two sessions: pg_stat_activity read inside a transaction is a snapshot that never changes.
    const observer = new PgClient({ connectionString: this.o.adminUrl });
    const holder = new PgClient({ connectionString: this.o.adminUrl });
    await Promise.all([observer.connect(), holder.connect()]);
    try {
      let heldActivity = false;
      if (hold) {
        // Lock every case row: the next activity that writes blocks inside its transaction.
        await holder.query('BEGIN');
        await holder.query('SELECT id FROM cases FOR UPDATE');
        heldActivity = await this.waitForBlockedActivity(observer);
      }
      const inTransaction = await observer.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND backend_start >= to_timestamp($2 / 1000.0) AND xact_start IS NOT NULL`,
        [WORKER_APP, this.current.startedAt],
      );
      const victim = this.current;
      await victim.kill();
      if (hold) await holder.query('ROLLBACK');
      const record: KillRecord = {
        no: this.kills.length + 1,
        atMs: Date.now() - this.started,
        pid: victim.pid,
        progress: this.o.progress(),
        workerTransactions: Number(inTransaction.rows[0]!.n),
        heldActivity,
        downMs: 0,
      };
      this.kills.push(record);
      this.o.log(`kill ${record.no}: worker ${record.pid} at ${(record.atMs / 1000).toFixed(1)} s, ${record.progress} commands, ${record.workerTransactions} worker transactions open${heldActivity ? ' (one held on purpose)' : ''}`);
      return record;
    } finally {
      await Promise.all([observer.end(), holder.end()]);
    }
  }

  /** Up to a minute: right after a restart, activities may first wait out their timeouts. */
  private async waitForBlockedActivity(observer: PgClient): Promise<boolean> {
    for (let i = 0; i < 600; i++) {
      const waiting = await observer.query<{ n: string }>(
        // Sessions of this worker only: one of a killed worker may linger until its query ends.
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND backend_start >= to_timestamp($2 / 1000.0) AND wait_event_type = 'Lock'`,
        [WORKER_APP, this.current.startedAt],
      );
      if (Number(waiting.rows[0]!.n) > 0) return true;
      await sleep(100);
    }
    return false;
  }
}
