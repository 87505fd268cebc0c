import type { EntityManager } from 'typeorm';

/**
 * One section's query of the portfolio overview: its SQL (parameters numbered from $1), its
 * values, and how its rows become the section. A section runs alone (bench, a filtered part) or
 * with the others in one round trip (`together`).
 */
export interface Statement<T> {
  sql: string;
  params: unknown[];
  /**
   * Rows to the section. Alone the driver gives bigint and numeric as text, together they come
   * through JSON as numbers and times as ISO text: mappers read both (Number(), new Date()).
   */
  map: (rows: unknown[]) => T;
}

export async function alone<T>(m: EntityManager, s: Statement<T>): Promise<T> {
  return s.map(await m.query(s.sql, s.params));
}

/** No query at all: a section that is empty by its filter. */
export function nothing<T>(value: T): Statement<T> {
  return { sql: 'SELECT 1 WHERE FALSE', params: [], map: () => value };
}

/**
 * Every statement in one query, each one's rows aggregated to a JSON array in a column of one
 * row (its parameters renumbered after the ones before). The overview took ten round trips on
 * one connection before; PostgreSQL plans and runs the parts the same way inside one statement.
 * json_agg over an ordered subquery keeps its order.
 */
export async function together<S extends Record<string, Statement<unknown>>>(m: EntityManager, statements: S): Promise<{ [K in keyof S]: S[K] extends Statement<infer T> ? T : never }> {
  const params: unknown[] = [];
  const columns = Object.entries(statements).map(([name, s]) => {
    const first = params.length;
    params.push(...s.params);
    const sql = s.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + first}`);
    return `(SELECT COALESCE(json_agg(q), '[]'::json) FROM (${sql}) q) AS "${name}"`;
  });
  const [row] = (await m.query(`SELECT ${columns.join(',\n')}`, params)) as Record<string, unknown[]>[];
  return Object.fromEntries(Object.entries(statements).map(([name, s]) => [name, s.map(row![name] ?? [])])) as never;
}
