import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AuditService } from '@cluster/audit';
import { createDataSource, Database, dropDatabase, ensureAppLogin, ensureDatabase, runMigrations } from '@cluster/persistence';
import { ReferenceDataService } from '@cluster/reference-data';

export const TEST_APP_USER = 'cluster_api_test';
const TEST_APP_PASSWORD = 'cluster_api_test';

export interface TestDatabase {
  name: string;
  /** The application's role: what api and worker connect as. */
  appUrl: string;
  /** The schema owner (ran the migrations). */
  ownerUrl: string;
  /** A superuser, for tests that tamper with the record on purpose. */
  adminUrl: string;
  db: Database;
  /** Runs SQL with a short-lived connection of the given URL. */
  sql<T = Record<string, unknown>>(url: string, text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string, user?: string, password?: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (user) u.username = user;
  if (password) u.password = password;
  return u.toString();
}

/**
 * A fresh database for one test file: migrated, with reference data and demo users, and an app
 * role that is not the owner, exactly as in production. `adminUrl`: another PostgreSQL than the
 * run's shared one (e.g. one a fault test stops).
 */
export async function createTestDatabase(adminUrl = process.env.TEST_DATABASE_ADMIN_URL): Promise<TestDatabase> {
  if (!adminUrl) throw new Error('TEST_DATABASE_ADMIN_URL is not set: run the tests through jest (globalSetup starts PostgreSQL)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const ownerUrl = withDatabase(adminUrl, name);
  const appUrl = withDatabase(adminUrl, name, TEST_APP_USER, TEST_APP_PASSWORD);
  await ensureDatabase(adminUrl, ownerUrl);
  await runMigrations(ownerUrl);
  await ensureAppLogin(adminUrl, appUrl);

  const db = new Database(await createDataSource({ url: appUrl, poolSize: 5, applicationName: 'test' }).initialize());
  const seeds = new ReferenceDataService(db, new AuditService(db));
  await seeds.ensurePolicy();
  await seeds.ensureDemoUsers();

  return {
    name,
    appUrl,
    ownerUrl,
    adminUrl: withDatabase(adminUrl, name),
    db,
    async sql(url, text, params) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text, params as unknown[])).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      if (db.dataSource.isInitialized) await db.dataSource.destroy();
      await dropDatabase(adminUrl, name);
    },
  };
}
