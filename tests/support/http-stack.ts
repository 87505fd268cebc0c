import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig, type AppConfig } from '@cluster/config';
import { createApiApp } from '@cluster/api';
import { createCaseWorker, type RunningWorker } from '@cluster/worker';
import { createTestDatabase, type TestDatabase } from './test-database';
import { uniqueTaskQueue, workflowBundle } from './temporal';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface HttpStack {
  config: AppConfig;
  db: TestDatabase;
  app: INestApplication;
  worker: RunningWorker;
  http: () => ReturnType<typeof request>;
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
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, string>();

  return {
    config,
    db,
    app,
    worker,
    http,
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
