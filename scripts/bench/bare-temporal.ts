/**
 * Bare Temporal on the same dev server as the product: a client and an in-process worker that runs
 * only ./bare-workflows on a task queue of its own.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, type LogEntry } from '@temporalio/worker';
import { echoUpdate, finishSignal, viaActivityUpdate, viaLocalActivityUpdate, type benchEchoWorkflow } from './bare-workflows';
import { floorActivities } from './floor-activity';

type EchoHandle = WorkflowHandle<typeof benchEchoWorkflow>;

export class BareTemporal {
  private constructor(
    private readonly taskQueue: string,
    /** Also for what the benchmark tells the product's workflows directly (an audit head). */
    readonly client: Client,
    private readonly clientConnection: Connection,
    private readonly workerConnection: NativeConnection,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
    /** Whether the floors with a PostgreSQL transaction can run (the stack's owner URL is known). */
    readonly hasDatabaseFloors: boolean,
    private readonly closeFloors: () => Promise<void>,
  ) {}

  /** `log` receives the SDK's warnings and errors (kept off the progress bar). */
  static async start(address: string, log: (line: string) => void, floorDatabaseUrl: string | null = null): Promise<BareTemporal> {
    const logger = new DefaultLogger('WARN', (entry: LogEntry) => log(`[${entry.level}] ${entry.message}`));
    Runtime.install({ logger });
    const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./bare-workflows'), logger });
    const taskQueue = `bench-bare-${randomBytes(4).toString('hex')}`;
    const workerConnection = await NativeConnection.connect({ address });
    // Activities on the workflow's own task queue, as the product's, so eager dispatch applies alike.
    const floors = floorDatabaseUrl ? await floorActivities(floorDatabaseUrl) : null;
    const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle: { code }, ...(floors ? { activities: floors.activities } : {}) });
    const running = worker.run();
    const clientConnection = await Connection.connect({ address });
    return new BareTemporal(taskQueue, new Client({ connection: clientConnection }), clientConnection, workerConnection, worker, running, floors !== null, async () => floors?.close());
  }

  /** Resolves once the server has accepted the start, as client.workflow.start does. */
  async startEmpty(): Promise<void> {
    await this.client.workflow.start('benchEmptyWorkflow', { taskQueue: this.taskQueue, workflowId: `bench-empty-${randomUUID()}` });
  }

  startEcho(): Promise<EchoHandle> {
    return this.client.workflow.start<typeof benchEchoWorkflow>('benchEchoWorkflow', { taskQueue: this.taskQueue, workflowId: `bench-echo-${randomUUID()}` });
  }

  echo(handle: EchoHandle, n: number): Promise<number> {
    return handle.executeUpdate(echoUpdate, { args: [n] });
  }

  /** An update whose handler runs the floor's PostgreSQL transaction as a regular activity. */
  viaActivity(handle: EchoHandle, n: number): Promise<number> {
    return handle.executeUpdate(viaActivityUpdate, { args: [n] });
  }

  /** The same through a local activity. */
  viaLocalActivity(handle: EchoHandle, n: number): Promise<number> {
    return handle.executeUpdate(viaLocalActivityUpdate, { args: [n] });
  }

  async finish(handle: EchoHandle): Promise<void> {
    await handle.signal(finishSignal);
    await handle.result();
  }

  async stop(): Promise<void> {
    this.worker.shutdown();
    await this.running;
    await this.clientConnection.close();
    await this.workerConnection.close();
    await this.closeFloors();
  }
}
