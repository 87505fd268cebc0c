/** The PostgreSQL a stand-alone bench script works on: BENCH_DATABASE_ADMIN_URL, or an embedded one of its own. */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const BENCH_DIR = join(resolve(__dirname, '..', '..'), '.data', 'bench');

/** `label` names the embedded server's folder (one per script and process). */
export async function startBenchDatabase(label: string): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_ADMIN_URL) return { adminUrl: process.env.BENCH_DATABASE_ADMIN_URL, stop: async () => undefined };
  const { startEmbeddedPostgres } = await import('../lib/embedded-postgres.mjs' as string);
  const { freePort } = await import('../lib/processes.mjs' as string);
  const dataDir = join(BENCH_DIR, `${label}-${process.pid}`);
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  return {
    adminUrl: pg.adminUrl,
    stop: async () => {
      await pg.stop();
      await rm(pg.dataDir, { recursive: true, force: true });
    },
  };
}

/** The same server's URL for database `name`, as `user` (whose password is its name) or as the admin. */
export function withDatabase(url: string, name: string, user?: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (user) {
    u.username = user;
    u.password = user;
  }
  return u.toString();
}
