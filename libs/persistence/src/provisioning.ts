import { Client } from 'pg';

/** Group role that holds the application's privileges (created by the first migration). */
export const APP_GROUP_ROLE = 'cluster_app';

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `targetUrl` if it does not exist (as a superuser). */
export async function ensureDatabase(adminUrl: string, targetUrl: string): Promise<void> {
  const name = databaseOf(targetUrl);
  await withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/**
 * Creates the application's login role from `appUrl` (user and password) if missing, and makes it
 * a member of the group role. It owns nothing, so it cannot disable the audit table's triggers.
 */
export async function ensureAppLogin(adminUrl: string, appUrl: string): Promise<void> {
  const url = new URL(appUrl);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  await withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    const literal = (await c.query('SELECT quote_literal($1) AS q', [password])).rows[0].q as string;
    // Roles belong to the whole server: another database set up at the same moment may create it first.
    if (!rowCount) await c.query(`CREATE ROLE ${quoteIdent(user)} LOGIN PASSWORD ${literal}`).catch((error: { code?: string }) => {
      if (error.code !== '42710' && error.code !== '23505') throw error;
    });
    await c.query(`GRANT ${APP_GROUP_ROLE} TO ${quoteIdent(user)}`);
  });
}

/** Drops a database, disconnecting its sessions (for tests' throwaway databases). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
