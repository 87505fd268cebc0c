import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig, type AppConfig } from '@cluster/config';
import { createApiApp } from '@cluster/api';
import { createCaseWorker, type RunningWorker } from '@cluster/worker';
import { ResponseContract } from './response-contract';
import { createTestDatabase, type TestDatabase } from './test-database';
import { uniqueTaskQueue, workflowBundle } from './temporal';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface HttpStack {
  config: AppConfig;
  db: TestDatabase;
  app: INestApplication;
  worker: RunningWorker;
  /** Requests to the API; each answer is held against the OpenAPI document (see ResponseContract). */
  http: () => ReturnType<typeof request>;
  /** The OpenAPI document's word on what each operation answers. */
  contract: ResponseContract;
  /** The same requests unchecked, for a test of the check itself. */
  rawHttp: () => ReturnType<typeof request>;
  /** A bearer token from the dev login for a demo (or created) user. */
  tokenFor(subject: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real API and worker, wired to this file's own database and task queue on the dev server.
 * `databaseAdminUrl`: make that database on another PostgreSQL than the run's shared one.
 */
export async function startHttpStack(overrides: Record<string, string> = {}, options: { databaseAdminUrl?: string } = {}): Promise<HttpStack> {
  const address = process.env.TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEST_TEMPORAL_ADDRESS is not set: run the tests through jest');
  const db = await createTestDatabase(options.databaseAdminUrl);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.appUrl,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e'),
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    AUTH_DEV_LOGIN: 'true',
    // Tests send many requests per user in seconds; the limit itself is tested with a small one.
    RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
  const worker = await createCaseWorker(config, { workflowBundle: workflowBundle() });
  const running = worker.worker.run();
  const app = await createApiApp(config);
  await app.init();
  const contract = new ResponseContract((await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body);
  const http = () => keptToContract(request(app.getHttpServer()), contract);
  const tokens = new Map<string, string>();

  return {
    config,
    db,
    app,
    worker,
    http,
    contract,
    rawHttp: () => request(app.getHttpServer()),
    async tokenFor(subject) {
      if (!tokens.has(subject)) {
        const res = await http().post('/api/auth/dev-login').send({ subject }).expect(200);
        tokens.set(subject, res.body.accessToken);
      }
      return tokens.get(subject)!;
    },
    async stop() {
      await app.close();
      worker.worker.shutdown();
      await running;
      await worker.close();
      await db.drop();
    },
  };
}

type Agent = ReturnType<typeof request>;
type Test = ReturnType<Agent['get']>;

/**
 * The agent, with every request's answer held against the document once supertest's own
 * expectations have passed: an undeclared status or a body off its schema fails the request
 * (and so the test) with what is wrong.
 */
export function keptToContract(agent: Agent, contract: ResponseContract): Agent {
  const checked = {} as Record<string, unknown>;
  for (const [method, make] of Object.entries(agent) as [string, (url: string) => Test][]) {
    checked[method] = (url: string) => {
      const test = make(url);
      const end = test.end.bind(test);
      test.end = (done) =>
        end((error, res) => {
          const problem = !error && res ? contract.problemOf(method === 'del' ? 'delete' : method, url, res) : null;
          done?.(problem ? new Error(`The answer breaks the OpenAPI document: ${problem}`) : error, res);
        });
      return test;
    };
  }
  return checked as unknown as Agent;
}
