import type { TestDatabase } from './test-database';

/**
 * A fingerprint of every table's content (row count and an MD5 over its rows): two equal digests
 * mean nothing was inserted, updated or deleted in between. For a test file's own database, whose
 * tables hold tens of rows.
 */
export async function databaseDigester(t: TestDatabase): Promise<() => Promise<Record<string, string>>> {
  const tables = await t.sql<{ name: string }>(
    t.ownerUrl,
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
  );
  const select = tables
    .map(({ name }) => `(SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') FROM "${name}" x) AS "${name}"`)
    .join(', ');
  return async () => (await t.sql<Record<string, string>>(t.ownerUrl, `SELECT ${select}`))[0]!;
}
