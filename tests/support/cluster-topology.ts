import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { ClusterTemporal } from './cluster-temporal';
import { freePort, OwnedProcess, until } from './owned-process';

const ROOT = resolve(__dirname, '..', '..');
/** The product's own programs, as `npm start` and the bench start them (scripts/lib/product.mjs). */
const ENTRY_POINTS = { worker: 'apps/worker/src/main.ts', api: 'apps/api/src/main.ts' } as const;
const READY_MS = 120_000;

export type Role = keyof typeof ENTRY_POINTS;

export interface ClusterTopologyOptions {
  /** A PostgreSQL superuser URL: Temporal's two databases are made there. */
  adminUrl: string;
  /** Prefix of Temporal's database names, unique per run. */
  databasePrefix: string;
  /** The product's configuration for worker and API (DATABASE_URL, AUTH_*, TEMPORAL_TASK_QUEUE, …); TEMPORAL_ADDRESS, HOST and PORT are the topology's. */
  env: NodeJS.ProcessEnv;
  workers?: number;
  apis?: number;
  /** Node flags before the loader, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Each process's output goes to <logDir>/<name>.log (appended across restarts). */
  logDir?: string;
  temporalLogLevel?: string;
}

/** One of the product's processes: its role, number, port (an API's) and the OS process now running. */
interface Member {
  role: Role;
  name: string;
  port: number | null;
  process: OwnedProcess | null;
  /** Set while the topology itself stops it: any other exit is a crash. */
  stopping: boolean;
}

/**
 * The production topology on this machine: the real Temporal server on PostgreSQL (ClusterTemporal),
 * two worker processes and two API processes of the product's own main programs, each its own OS
 * process group, as containers would be. Any one of them can be SIGKILLed and started again (an API
 * on the same port, as a container keeps its address), and the Temporal server restarted.
 */
export class ClusterTopology {
  /** Exits nobody asked for, in words. */
  readonly crashes: string[] = [];
  private readonly logs: WriteStream[] = [];

  private constructor(
    readonly temporal: ClusterTemporal,
    private readonly members: Member[],
    private readonly o: ClusterTopologyOptions,
  ) {}

  static async start(o: ClusterTopologyOptions): Promise<ClusterTopology> {
    if (o.logDir) mkdirSync(o.logDir, { recursive: true });
    const log = o.logDir ? createWriteStream(join(o.logDir, 'temporal-server.log'), { flags: 'a' }) : null;
    const temporal = await ClusterTemporal.create({ adminUrl: o.adminUrl, databasePrefix: o.databasePrefix, logLevel: o.temporalLogLevel, log: log ? (line) => log.write(`${line}\n`) : undefined });
    const members: Member[] = [];
    for (let i = 1; i <= (o.workers ?? 2); i++) members.push({ role: 'worker', name: `worker-${i}`, port: null, process: null, stopping: false });
    for (let i = 1; i <= (o.apis ?? 2); i++) members.push({ role: 'api', name: `api-${i}`, port: await freePort(), process: null, stopping: false });
    const topology = new ClusterTopology(temporal, members, o);
    if (log) topology.logs.push(log);
    try {
      // Workers first: an API answers healthy before any worker polls, and its first command would wait.
      await Promise.all(members.filter((m) => m.role === 'worker').map((m) => topology.launch(m)));
      await Promise.all(members.filter((m) => m.role === 'api').map((m) => topology.launch(m)));
    } catch (error) {
      await topology.stop();
      throw error;
    }
    return topology;
  }

  /** e.g. http://127.0.0.1:41234/api, one per API process. */
  get apiUrls(): string[] {
    return this.members.filter((m) => m.role === 'api').map((m) => `http://127.0.0.1:${m.port}/api`);
  }

  get temporalAddress(): string {
    return this.temporal.address;
  }

  /** The running processes' ids by role (null where one is down), for memory and CPU readings. */
  pids(role: Role): (number | null)[] {
    return this.of(role).map((m) => (m.process?.running ? (m.process.child.pid ?? null) : null));
  }

  /** SIGKILL to the process group of `role` number `index` (from 0): no shutdown hook, nothing drained. */
  async kill(role: Role, index: number): Promise<void> {
    const member = this.member(role, index);
    const p = member.process;
    if (!p?.running) return;
    member.stopping = true;
    const gone = new Promise((done) => p.child.once('exit', done));
    try {
      process.kill(-p.child.pid!, 'SIGKILL');
    } catch {
      // gone between the check and the kill
    }
    await gone;
    member.stopping = false;
  }

  /** Starts `role` number `index` again (after a kill) and waits until it serves; resolves with the ms it took. */
  async restart(role: Role, index: number): Promise<number> {
    const started = Date.now();
    const member = this.member(role, index);
    if (member.process?.running) throw new Error(`${member.name} is still running`);
    await this.launch(member);
    return Date.now() - started;
  }

  /** Stops the Temporal server with `signal` and starts it again on the same databases and ports. */
  async restartTemporal(signal: 'SIGTERM' | 'SIGKILL'): Promise<{ stopMs: number; startMs: number }> {
    const stopMs = await this.temporal.stop(signal);
    const startMs = await this.temporal.start();
    return { stopMs, startMs };
  }

  /** The last output lines of every process, for a failure message. */
  tails(): string {
    return [...this.members.map((m) => m.process?.tail(15) ?? `${m.name}: not running`), this.temporal.tail()].join('\n\n');
  }

  /** APIs and workers first (SIGTERM: they finish their work), then the server and its databases. Safe to call twice. */
  async stop(): Promise<void> {
    for (const role of ['api', 'worker'] as const) {
      await Promise.all(
        this.of(role).map(async (m) => {
          m.stopping = true;
          await m.process?.stop('SIGTERM', 20_000);
        }),
      );
    }
    await this.temporal.dispose();
    await Promise.all(this.logs.splice(0).map((l) => new Promise((done) => l.end(done))));
  }

  private of(role: Role): Member[] {
    return this.members.filter((m) => m.role === role);
  }

  private member(role: Role, index: number): Member {
    const member = this.of(role)[index];
    if (!member) throw new Error(`no ${role} number ${index}`);
    return member;
  }

  private async launch(m: Member): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...this.o.env,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      TEMPORAL_ADDRESS: this.temporal.address,
      ...(m.port ? { HOST: '127.0.0.1', PORT: String(m.port) } : {}),
    };
    const args = [...(this.o.nodeFlags ?? []), '-r', '@swc-node/register', '-r', join(__dirname, 'exit-with-parent.ts'), ENTRY_POINTS[m.role]];
    // Its own process group, so a kill reaches all of it; an IPC channel so it dies with this
    // process (exit-with-parent.ts), whatever ends the test or the bench.
    const p = OwnedProcess.spawn(m.name, process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    p.child.channel?.unref();
    m.process = p;
    m.stopping = false;
    if (this.o.logDir) {
      const log = createWriteStream(join(this.o.logDir, `${m.name}.log`), { flags: 'a' });
      this.logs.push(log);
      p.child.stdout!.pipe(log, { end: false });
      p.child.stderr!.pipe(log, { end: false });
    }
    p.child.once('exit', (code, signal) => {
      if (!m.stopping && m.process === p) this.crashes.push(`${m.name} (pid ${p.child.pid}) exited by itself (${signal ?? `exit code ${code}`}):\n${p.tail(15)}`);
    });
    try {
      await until(`${m.name} serving`, () => (m.role === 'api' ? this.apiHealthy(m, p) : this.workerPolling(p)), READY_MS);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${p.tail(30)}`);
    }
  }

  private async apiHealthy(m: Member, p: OwnedProcess): Promise<void> {
    if (!p.running) throw new Error('it exited');
    const res = await fetch(`http://127.0.0.1:${m.port}/api/health`, { signal: AbortSignal.timeout(2000) });
    if (res.status !== 200) throw new Error(`health ${res.status}`);
  }

  /** Polling once Temporal lists it among the task queue's pollers (the SDK's identity starts with the pid). */
  private async workerPolling(p: OwnedProcess): Promise<void> {
    if (!p.running) throw new Error('it exited');
    const connection = await Connection.connect({ address: this.temporal.address, connectTimeout: 1000 });
    try {
      const { pollers } = await connection.withDeadline(Date.now() + 2000, () =>
        connection.workflowService.describeTaskQueue({
          namespace: this.o.env.TEMPORAL_NAMESPACE ?? 'default',
          taskQueue: { name: this.o.env.TEMPORAL_TASK_QUEUE ?? 'cluster-cases' },
          taskQueueType: 1, // workflow tasks
        }),
      );
      if (!(pollers ?? []).some((poller) => poller.identity?.startsWith(`${p.child.pid}@`))) throw new Error('not among the pollers yet');
    } finally {
      await connection.close();
    }
  }
}
