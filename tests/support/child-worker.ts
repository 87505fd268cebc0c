import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import readline from 'node:readline';

const root = join(__dirname, '..', '..');
/** The worker logs this (info level) once its Temporal worker exists, right before it polls. */
const READY_MARK = 'Worker polling task queue';
const TAIL_LINES = 40;

export interface ChildWorkerSettings {
  /** The application role's connection to the test's own database. */
  databaseUrl: string;
  taskQueue: string;
  temporalAddress: string;
  /** A prebuilt workflow bundle; without it the worker bundles the workflows as it starts. */
  workflowBundle?: string;
}

/**
 * The real worker (`apps/worker/src/main.ts`) as an OS process of its own, so a test can SIGKILL
 * it like a crashed container: no shutdown hook, no drained activities, nothing flushed.
 */
export class ChildWorker {
  readonly pid: number;
  readonly startedAt = Date.now();
  /** Resolves with the exit signal or code, whichever ended it. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
  private readonly tail: string[] = [];
  private readonly polling: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    if (child.pid === undefined) throw new Error('the worker process did not start');
    this.pid = child.pid;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    // Always read its output: a full pipe would block the worker mid-write.
    this.polling = new Promise((resolve) => {
      for (const stream of [child.stdout!, child.stderr!]) {
        readline.createInterface({ input: stream }).on('line', (line) => {
          this.tail.push(line);
          if (this.tail.length > TAIL_LINES) this.tail.shift();
          if (line.includes(READY_MARK)) resolve();
        });
      }
    });
  }

  static spawn(settings: ChildWorkerSettings): ChildWorker {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-r', join(__dirname, 'exit-with-parent.ts'), 'apps/worker/src/main.ts'], {
      cwd: root,
      // Its own process group, so a kill reaches anything it might start; an IPC channel so it
      // dies with this process (see exit-with-parent.ts).
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'),
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: settings.databaseUrl,
        TEMPORAL_ADDRESS: settings.temporalAddress,
        TEMPORAL_TASK_QUEUE: settings.taskQueue,
        // The run's bundle, built once by the global setup: no webpack at every restart.
        ...(settings.workflowBundle ? { TEMPORAL_WORKFLOW_BUNDLE: settings.workflowBundle } : {}),
        AUTH_JWT_SECRET: 'x'.repeat(32),
      },
    });
    // The worker must not keep this process's event loop alive through the channel.
    child.channel?.unref();
    const worker = new ChildWorker(child);
    live.add(worker);
    void worker.exited.then(() => live.delete(worker));
    return worker;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once the worker polls its task queue; rejects if it exits first or takes too long. */
  ready(timeoutMs = 60_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`worker ${this.pid} not ready after ${timeoutMs} ms:\n${this.lastLines()}`)), timeoutMs);
    });
    const ended = this.exited.then((how): never => {
      throw new Error(`worker ${this.pid} ended (${how}) before it was ready:\n${this.lastLines()}`);
    });
    return Promise.race([this.polling, ended, late]).finally(() => clearTimeout(timer));
  }

  /** Its last output lines, for a failure message. */
  lastLines(): string {
    return this.tail.join('\n');
  }

  /** SIGKILL to its process group; resolves once it is gone. */
  async kill(): Promise<void> {
    if (this.alive) {
      try {
        process.kill(-this.pid, 'SIGKILL');
      } catch {
        // Already gone between the check and the kill.
      }
    }
    await this.exited;
  }
}

/** Every worker process this test process started and that has not ended yet. */
const live = new Set<ChildWorker>();

/** Kills every worker still running; for afterAll, whatever state the test left. */
export async function killAllChildWorkers(): Promise<void> {
  await Promise.all([...live].map((w) => w.kill()));
}

// A test process that ends without its afterAll still takes its workers with it.
process.once('exit', () => {
  for (const w of live) {
    try {
      process.kill(-w.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});
