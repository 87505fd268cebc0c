/**
 * What both bench stacks (dev server and cluster topology) give the product's processes: the
 * environment as `npm start` runs them, and the database set-up step. One place, so the two
 * stacks measure the same product.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { processesLib, productLib } from './script-libs';

/** The product's environment on the bench's PostgreSQL; `extra` adds what one stack needs (addresses, ports). */
export async function benchProductEnv(adminUrl: string, runDir: string, logLevel: string, extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  const { productEnv, databaseEnv } = await productLib();
  return productEnv({
    ...process.env,
    ...databaseEnv(adminUrl),
    NODE_ENV: 'development',
    LOG_LEVEL: logLevel,
    // The logs go to files in the run folder, and are measured as production writes them.
    LOG_FORMAT: 'json',
    AUTH_DEV_LOGIN: 'true',
    // One secret for every API of the stack: a token from one is good on the others.
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    // The benchmark is one client sending thousands of requests a minute.
    RATE_LIMIT_PER_MINUTE: '0',
    DOCUMENTS_DIR: join(runDir, 'documents'),
    ...extra,
  });
}

/** Migrations and reference data (`db-setup`), logged to the run folder. */
export async function setUpBenchDatabase(runDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { runStep } = await processesLib();
  const { ROOT, productCommand } = await productLib();
  const setupLog = openSync(join(runDir, 'db-setup.log'), 'w');
  try {
    runStep(...productCommand('db-setup'), { cwd: ROOT, env, stdio: ['ignore', setupLog, setupLog] });
  } finally {
    closeSync(setupLog);
  }
}
