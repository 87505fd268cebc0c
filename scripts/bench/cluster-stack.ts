/**
 * The stack `npm run bench -- --topology cluster` measures: the production topology
 * (tests/support/cluster-topology.ts: the Temporal server v1.29.1 on PostgreSQL with 4 history
 * shards, configured as docker-compose deploys it; two worker and two API processes) on an embedded
 * PostgreSQL of its own, in the run folder, on free loopback ports.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterTopology } from '../../tests/support/cluster-topology';
import type { StackPids } from './cpu-usage';
import { embeddedPostgresLib, processesLib, productLib } from './script-libs';
import { benchProductEnv, setUpBenchDatabase } from './product-setup';
import { Reaper, type BenchStack } from './stack';

export class ClusterStack implements BenchStack {
  readonly own = true;
  apiUrl = '';
  /** Every API process; the benchmark's client sends each request to the next. */
  apiUrls: string[] = [];
  temporalAddress = '';
  databaseUrl: string | null = null;
  ownerDatabaseUrl: string | null = null;
  /** API and worker: the first process of each (memory and CPU are read per process). */
  pids: StackPids = { api: null, worker: null, temporal: null, postgres: null };
  profileDir: string | null = null;
  private topology: ClusterTopology | null = null;
  private stopDatabase: () => Promise<void> = async () => undefined;
  private stopping: Promise<void> | null = null;
  /** PostgreSQL and the Temporal server; workers and APIs go with this process by themselves (exit-with-parent.ts). */
  private readonly reaper = new Reaper();

  constructor(private readonly o: { runDir: string; logLevel: string; keepData: boolean; signalHandler: (...args: unknown[]) => void }) {}

  get crashes(): string[] {
    return this.topology?.crashes ?? [];
  }

  async start(step: (label: string) => void = () => undefined): Promise<void> {
    const { freePort } = await processesLib();
    const { keepOnlySignalHandler } = await productLib();
    const { runDir } = this.o;

    step('PostgreSQL (embedded)');
    const { startEmbeddedPostgres } = await embeddedPostgresLib();
    const pg = await startEmbeddedPostgres({ dataDir: join(runDir, 'postgres'), port: await freePort() });
    this.stopDatabase = pg.stop;
    keepOnlySignalHandler(this.o.signalHandler);
    this.pids.postgres = Number(readFileSync(join(runDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    this.reaper.guard(this.pids.postgres);

    const env = await benchProductEnv(pg.adminUrl, runDir, this.o.logLevel);
    this.databaseUrl = env.DATABASE_URL!;
    this.ownerDatabaseUrl = env.DATABASE_MIGRATION_URL!;

    step('database set-up');
    await setUpBenchDatabase(runDir, env);

    step('Temporal server, workers and APIs');
    this.topology = await ClusterTopology.start({ adminUrl: pg.adminUrl, databasePrefix: 'temporal', env, logDir: runDir });
    this.apiUrls = this.topology.apiUrls;
    this.apiUrl = this.apiUrls[0]!;
    this.temporalAddress = this.topology.temporalAddress;
    Object.assign(this.pids, { api: this.topology.pids('api')[0], worker: this.topology.pids('worker')[0], temporal: this.topology.temporal.pid });
    this.reaper.guard(this.pids.temporal ?? undefined);
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.topology?.stop().catch(() => undefined);
      await this.stopDatabase().catch(() => undefined);
      this.reaper.release();
      if (!this.o.keepData) for (const data of ['postgres', 'documents']) rmSync(join(this.o.runDir, data), { recursive: true, force: true });
    })();
    return this.stopping;
  }
}
