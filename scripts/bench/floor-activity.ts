/**
 * The database half of the command floor: one PostgreSQL transaction shaped like a command's
 * (an advisory lock on the stream, the previous audit hash, a row and a chained audit row), in a
 * schema of its own in the product's database, so both floors and the product share the server.
 */
import { createHash } from 'node:crypto';
import { Pool } from 'pg';

export interface FloorActivities {
  floorTransaction(n: number): Promise<number>;
}

const SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS bench_floor;
  CREATE TABLE IF NOT EXISTS bench_floor.rows (id bigserial PRIMARY KEY, n int NOT NULL, at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS bench_floor.audit (seq bigint PRIMARY KEY, row_id bigint NOT NULL, prev_hash text NOT NULL, hash text NOT NULL);
`;

export async function floorActivities(databaseUrl: string): Promise<{ activities: FloorActivities; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  await pool.query(SCHEMA);
  return {
    activities: {
      async floorTransaction(n: number): Promise<number> {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query('SELECT pg_advisory_xact_lock(4242)');
          const head = await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM bench_floor.audit ORDER BY seq DESC LIMIT 1');
          const prev = head.rows[0] ?? { seq: '0', hash: '0'.repeat(64) };
          const row = await c.query<{ id: string }>('INSERT INTO bench_floor.rows (n) VALUES ($1) RETURNING id', [n]);
          const hash = createHash('sha256').update(`${prev.hash}:${row.rows[0]!.id}:${n}`).digest('hex');
          await c.query('INSERT INTO bench_floor.audit (seq, row_id, prev_hash, hash) VALUES ($1, $2, $3, $4)', [Number(prev.seq) + 1, row.rows[0]!.id, prev.hash, hash]);
          await c.query('COMMIT');
          return n;
        } catch (error) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          c.release();
        }
      },
    },
    close: () => pool.end(),
  };
}
