/**
 * Prepares the database: creates it and the application's login role when DATABASE_ADMIN_URL is
 * given, runs the migrations as the schema owner, loads reference data into an empty database, and
 * adds the demo users when the dev login is on. Safe to run on every start.
 */
import 'reflect-metadata';
import { AuditService } from '@cluster/audit';
import { ConfigError, loadConfig } from '@cluster/config';
import { createDataSource, Database, ensureAppLogin, ensureDatabase, runMigrations } from '@cluster/persistence';
import { ReferenceDataService } from '@cluster/reference-data';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.DATABASE_ADMIN_URL) await ensureDatabase(config.DATABASE_ADMIN_URL, config.migrationUrl);
  const applied = await runMigrations(config.migrationUrl);
  if (config.DATABASE_ADMIN_URL && config.migrationUrl !== config.DATABASE_URL) {
    await ensureAppLogin(config.DATABASE_ADMIN_URL, config.DATABASE_URL);
  }

  const db = new Database(await createDataSource({ url: config.DATABASE_URL, poolSize: 2 }).initialize());
  try {
    const seeds = new ReferenceDataService(db, new AuditService(db));
    const policy = await seeds.ensurePolicy();
    const users = config.AUTH_DEV_LOGIN ? await seeds.ensureDemoUsers() : 0;
    const admin = config.BOOTSTRAP_ADMIN_SUBJECT
      ? await seeds.ensureAdmin({
          subject: config.BOOTSTRAP_ADMIN_SUBJECT,
          displayName: config.BOOTSTRAP_ADMIN_NAME ?? config.BOOTSTRAP_ADMIN_SUBJECT,
          email: config.BOOTSTRAP_ADMIN_EMAIL ?? '',
        })
      : false;
    console.log(
      `database ready: ${applied.length} migration(s) applied` +
        (policy ? `, reference data version ${policy} loaded` : '') +
        (users ? `, ${users} demo user(s) added` : '') +
        (admin ? `, administrator ${config.BOOTSTRAP_ADMIN_SUBJECT} created` : ''),
    );
  } finally {
    await db.dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
