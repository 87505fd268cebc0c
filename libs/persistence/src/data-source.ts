import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** The one place TypeORM is configured. Never `synchronize`: the schema comes from migrations. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: settings.poolSize ?? 10,
    applicationName: settings.applicationName ?? 'cluster-cases',
    // Fail fast when the database is down instead of hanging a request.
    connectTimeoutMS: 5000,
    // READ COMMITTED pinned per connection at start-up (a server configured otherwise changes
    // nothing here), so a transaction needs no statement of its own to set it (see Database).
    extra: { query_timeout: 30000, options: '-c default_transaction_isolation=read\\ committed' },
  });
}

/** Runs pending migrations as the schema owner and closes the connection. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = createDataSource({ url, poolSize: 1, applicationName: 'cluster-cases-migrate' });
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
