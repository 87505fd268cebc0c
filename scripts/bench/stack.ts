/**
 * The stack a benchmark measures: by default its own (embedded PostgreSQL, Temporal dev server,
 * database set-up, worker and API as `npm start` launches them) on free loopback ports in a fresh
 * directory; or one that already runs, given by URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { StackPids } from './cpu-usage';
import { embeddedPostgresLib, processesLib, productLib } from './script-libs';
import { benchProductEnv, setUpBenchDatabase } from './product-setup';

export interface BenchStack {
  own: boolean;
  /** e.g. http://127.0.0.1:41234/api */
  apiUrl: string;
  temporalAddress: string;
  /** The application role's connection (audit chains are appended through it); null when unknown. */
  databaseUrl: string | null;
  /** The schema owner's connection to the same database (the command floors' own tables); null when unknown. */
  ownerDatabaseUrl: string | null;
  /** Processes to read memory and CPU of; null where unknown (a stack the benchmark did not start). */
  pids: StackPids;
  /** Processes of the stack that stopped while the benchmark still needed them. */
  crashes: string[];
  /** Where node --cpu-prof writes API and worker profiles (on their exit); null without --profile. */
  profileDir: string | null;
  stop(): Promise<void>;
}

export function externalStack(o: { apiUrl: string; temporalAddress: string; databaseUrl?: string; apiPid?: number; workerPid?: number }): BenchStack {
  return {
    own: false,
    apiUrl: o.apiUrl,
    temporalAddress: o.temporalAddress,
    databaseUrl: o.databaseUrl ?? null,
    ownerDatabaseUrl: null,
    pids: { api: o.apiPid ?? null, worker: o.workerPid ?? null, temporal: null, postgres: null },
    crashes: [],
    profileDir: null,
    stop: async () => undefined,
  };
}

/** With --cpu-prof, V8 writes the profile only when a process exits normally (see the preload). */
const PROFILE_PRELOAD = join(__dirname, 'cpu-profile-exit.cjs');

/** Stops the servers should this process die without doing so itself (see reaper.cjs). */
export class Reaper {
  private readonly child = spawn(process.execPath, [join(__dirname, 'reaper.cjs')], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });

  constructor() {
    this.child.unref();
    (this.child.stdin as unknown as Socket).unref();
  }

  guard(pid: number | undefined): void {
    if (pid) this.child.stdin!.write(`${pid}\n`);
  }

  /** Everything is stopped: the reaper may go. */
  release(): void {
    this.child.stdin!.end('done\n');
  }
}

export class OwnStack implements BenchStack {
  readonly own = true;
  apiUrl = '';
  temporalAddress = '';
  databaseUrl: string | null = null;
  ownerDatabaseUrl: string | null = null;
  pids: StackPids = { api: null, worker: null, temporal: null, postgres: null };
  crashes: string[] = [];
  profileDir: string | null = null;
  private children: { name: string; child: ChildProcess }[] = [];
  private logs: WriteStream[] = [];
  private stopDatabase: () => Promise<void> = async () => undefined;
  private stopping: Promise<void> | null = null;
  private readonly reaper = new Reaper();

  constructor(
    private readonly o: { runDir: string; logLevel: string; profile: boolean; keepData: boolean; signalHandler: (...args: unknown[]) => void },
  ) {}

  /** Starts everything; on failure, stop() still stops what did start. */
  async start(step: (label: string) => void = () => undefined): Promise<void> {
    const { startChild, captureStep, waitForPort, waitForHttp, freePort } = await processesLib();
    const { ROOT, productCommand, temporalDevServerArgs, keepOnlySignalHandler } = await productLib();
    const { runDir } = this.o;
    mkdirSync(runDir, { recursive: true });
    const [pgPort, temporalPort, apiPort] = [await freePort(), await freePort(), await freePort()];

    step('Temporal dev server');
    const cli = captureStep('bash', [join(ROOT, 'scripts/temporal/ensure-cli.sh')]);
    // Own process groups: a Ctrl-C reaches only the benchmark, which then stops them in order.
    const temporal = this.spawn('temporal', startChild('temporal', cli, temporalDevServerArgs({ dbFile: join(runDir, 'temporal.db'), port: temporalPort }), { detached: true }, this.log('temporal')));
    this.pids.temporal = temporal.pid ?? null;
    this.temporalAddress = `127.0.0.1:${temporalPort}`;

    step('PostgreSQL (embedded)');
    const pgLog = this.log('postgres');
    const { startEmbeddedPostgres } = await embeddedPostgresLib();
    const pg = await startEmbeddedPostgres({ dataDir: join(runDir, 'postgres'), port: pgPort, log: (line) => pgLog.write(`${line}\n`) });
    this.stopDatabase = pg.stop;
    keepOnlySignalHandler(this.o.signalHandler);
    this.pids.postgres = Number(readFileSync(join(runDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    this.reaper.guard(this.pids.postgres);

    const env = await benchProductEnv(pg.adminUrl, runDir, this.o.logLevel, { TEMPORAL_ADDRESS: this.temporalAddress, HOST: '127.0.0.1', PORT: String(apiPort) });
    this.databaseUrl = env.DATABASE_URL!;
    this.ownerDatabaseUrl = env.DATABASE_MIGRATION_URL!;

    step('database set-up');
    await waitForPort(temporalPort, '127.0.0.1', 60_000);
    await setUpBenchDatabase(runDir, env);

    step('worker and API');
    const nodeFlags: string[] = [];
    if (this.o.profile) {
      this.profileDir = join(runDir, 'profiles');
      mkdirSync(this.profileDir, { recursive: true });
      nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${this.profileDir}`, '-r', PROFILE_PRELOAD);
    }
    const worker = this.spawn('worker', startChild('worker', ...productCommand('worker', nodeFlags), { cwd: ROOT, env, detached: true }, this.log('worker')));
    const api = this.spawn('api', startChild('api', ...productCommand('api', nodeFlags), { cwd: ROOT, env, detached: true }, this.log('api')));
    Object.assign(this.pids, { api: api.pid ?? null, worker: worker.pid ?? null });
    this.apiUrl = `http://127.0.0.1:${apiPort}/api`;
    await waitForHttp(`${this.apiUrl}/health`, 180_000);
  }

  /** API and worker first (they finish their work), then the servers they use. Safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const { stopChild } = await processesLib();
      const of = (names: string[]) => this.children.filter((c) => names.includes(c.name)).map((c) => stopChild(c.child, 'SIGTERM', 30_000));
      await Promise.all(of(['api', 'worker']));
      await Promise.all(of(['temporal']));
      await this.stopDatabase().catch(() => undefined);
      await Promise.all(this.logs.map((l) => new Promise((done) => l.end(done))));
      this.reaper.release();
      if (!this.o.keepData) {
        for (const data of ['postgres', 'temporal.db', 'temporal.db-shm', 'temporal.db-wal', 'documents']) rmSync(join(this.o.runDir, data), { recursive: true, force: true });
      }
    })();
    return this.stopping;
  }

  private spawn(name: string, child: ChildProcess): ChildProcess {
    if (this.stopping) {
      // Interrupted while starting: stop() has already run past this one.
      child.kill('SIGKILL');
      throw new Error('interrupted');
    }
    this.children.push({ name, child });
    this.reaper.guard(child.pid);
    child.once('error', (error) => this.crashes.push(`${name} could not run: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (!this.stopping) this.crashes.push(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); see ${join(this.o.runDir, `${name}.log`)}`);
    });
    return child;
  }

  private log(name: string): WriteStream {
    const stream = createWriteStream(join(this.o.runDir, `${name}.log`), { flags: 'a' });
    this.logs.push(stream);
    return stream;
  }
}
