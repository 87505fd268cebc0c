import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createServices } from './services';
import { createCallActivities, createCaseActivities, type HeadSource } from '@cluster/activities';
import type { Database } from '@cluster/persistence';
import { createTestDatabase, type TestDatabase } from './test-database';
import { registerCaseSearchAttributes } from './search-attributes';

// Workers log their state changes at INFO; tests keep warnings and errors only.
if (!(globalThis as { __temporalRuntime?: boolean }).__temporalRuntime) {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  (globalThis as { __temporalRuntime?: boolean }).__temporalRuntime = true;
}

/** The workflow bundle built once per run by the global setup. */
export function workflowBundle(): { codePath: string } {
  const codePath = process.env.TEST_WORKFLOW_BUNDLE;
  if (!codePath) throw new Error('TEST_WORKFLOW_BUNDLE is not set: run the tests through jest');
  return { codePath };
}

/** A task queue of this test file's own, so parallel files on one server never take each other's tasks. */
export function uniqueTaskQueue(prefix = 'test'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/**
 * The Java time-skipping test server (from Maven Central), spawned by the SDK through our wrapper.
 * One per test file: skipped time is global to a server.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEST_TEMPORAL_TEST_SERVER;
  if (!path) throw new Error('TEST_TEMPORAL_TEST_SERVER is not set: run scripts/temporal/ensure-test-server.sh');
  // 'sdk-download': nothing could be provisioned here, but the SDK can fetch the server (internet).
  const env = path === 'sdk-download'
    ? await TestWorkflowEnvironment.createTimeSkipping()
    : await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  // The case workflows upsert their search attributes: the test server must know them first.
  await registerCaseSearchAttributes(env.connection);
  return env;
}

/** A worker running the real workflows with the real activities over the given database. */
/** The case and call activities over the same services, as the worker registers them. */
export function allActivities(services: Omit<ReturnType<typeof createServices>, 'heads'> & { heads: HeadSource }) {
  return { ...createCaseActivities(services), ...createCallActivities(services) };
}

/** `heads`: how commands hand their audit head on (the database, unless a test says otherwise). */
export function createTestWorker(connection: NativeConnection, db: Database, taskQueue: string, namespace = 'default', heads?: HeadSource): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: workflowBundle(),
    activities: allActivities({ ...createServices(db), ...(heads ? { heads } : {}) }),
  });
}

/** As workers ran before commands answered with their audit head: no head reaches the workflow. */
export const HANDS_NO_HEAD: HeadSource = {
  collectHeads: async (work) => ({ result: await work(), heads: new Map() }),
  announce: () => undefined,
  repos: { audit: { headOf: async () => null } },
};

export interface TimeSkippingHarness {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  taskQueue: string;
  stop(): Promise<void>;
}

/** A time-skipping server, a fresh database and a running worker: one per workflow test file. */
export async function startTimeSkippingHarness(prefix: string): Promise<TimeSkippingHarness> {
  const taskQueue = uniqueTaskQueue(prefix);
  const [env, db] = await Promise.all([createTimeSkippingEnv(), createTestDatabase()]);
  const worker = await createTestWorker(env.nativeConnection, db.db, taskQueue);
  const running = worker.run();
  return {
    env,
    db,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await db.drop();
    },
  };
}

export interface DevServerHarness {
  client: Client;
  db: TestDatabase;
  taskQueue: string;
  stop(): Promise<void>;
}

/** The Temporal dev server of this run, a fresh database and a running worker: real time, real server. */
export async function startDevServerHarness(prefix: string): Promise<DevServerHarness> {
  const address = process.env.TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEST_TEMPORAL_ADDRESS is not set: run the tests through jest');
  const taskQueue = uniqueTaskQueue(prefix);
  const db = await createTestDatabase();
  const connection = await Connection.connect({ address });
  const native = await NativeConnection.connect({ address });
  const worker = await createTestWorker(native, db.db, taskQueue);
  const running = worker.run();
  return {
    client: new Client({ connection }),
    db,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await native.close();
      await db.drop();
    },
  };
}
