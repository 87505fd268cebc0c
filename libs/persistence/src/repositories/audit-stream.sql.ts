import type { AuditEventEntity } from '../entities';

/**
 * Reading one audit stream in chain order, batch by batch, as raw rows. Kept free of TypeORM at
 * run time (type imports only), so a verification worker thread can load it alone, quickly
 * (`@cluster/persistence/audit-stream`), and read its part of a long chain over its own connection.
 */

/** The audit table's columns under the entity's property names; `a` is the table's alias. */
export const AUDIT_EVENT_COLUMNS = `a.id, a.stream, a.seq, a.case_id AS "caseId", a.occurred_at AS "occurredAt", a.actor_id AS "actorId",
  a.actor_name AS "actorName", a.actor_role AS "actorRole", a.organisation, a.action, a.reason, a.payload,
  a.document_hashes AS "documentHashes", a.request_id AS "requestId", a.workflow_id AS "workflowId",
  a.idempotency_key AS "idempotencyKey", a.prev_hash AS "prevHash", a.hash`;

/** Runs one query and answers its rows (an EntityManager's `query`, or a pg client's rows). */
export type RowQuery = (text: string, values: unknown[]) => Promise<AuditEventEntity[]>;

/** A part of a stream by seq: after `after` (exclusive) up to `upTo` (inclusive); open-ended without them. */
export interface StreamRange {
  after?: number;
  upTo?: number;
}

/**
 * The stream's events in the range, in seq order. Reading raw rows skips TypeORM's entity
 * building, which cost more than the hashing on a 100,000-event chain; and the next batch is asked
 * for before this one is handed out, so the database reads while the caller hashes or writes.
 */
export async function* streamAuditRows(query: RowQuery, stream: string, batchSize: number, range: StreamRange = {}): AsyncGenerator<AuditEventEntity> {
  const batch = (after: number): Promise<AuditEventEntity[]> => {
    const rows = query(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events a
        WHERE a.stream = $1 AND a.seq > $2${range.upTo !== undefined ? ' AND a.seq <= $4' : ''}
        ORDER BY a.seq ASC LIMIT $3`,
      range.upTo !== undefined ? [stream, after, batchSize, range.upTo] : [stream, after, batchSize],
    );
    // A caller that stops early leaves the read ahead unawaited: it must not become an unhandled rejection.
    rows.catch(() => undefined);
    return rows;
  };
  let next = batch(range.after ?? 0);
  for (;;) {
    const rows = await next;
    if (rows.length === batchSize) next = batch(Number(rows[rows.length - 1]!.seq));
    for (const row of rows) {
      // int4 arrives as a number already; the bigint id stays text, as the entity keeps it.
      row.seq = Number(row.seq);
      yield row;
    }
    if (rows.length < batchSize) return;
  }
}

/** How a worker thread reaches the database on a connection of its own (from the data source's options). */
export interface AuditStreamConnection {
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  ssl?: unknown;
}

/** The connection settings of a TypeORM postgres data source, as plain data a worker can receive. */
export function auditStreamConnectionOf(options: { url?: string; host?: string; port?: number; username?: string; password?: unknown; database?: string; ssl?: unknown }): AuditStreamConnection {
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: typeof options.password === 'string' ? options.password : undefined,
    database: options.database,
    ssl: options.ssl,
  };
}

/** A stream reader on its own pg client (for a worker thread); close it when done. */
export async function openAuditStream(connection: AuditStreamConnection, applicationName: string): Promise<{ query: RowQuery; close: () => Promise<void> }> {
  const { Client } = await import('pg');
  const client = new Client({ ...connection, ssl: connection.ssl as never, application_name: applicationName });
  await client.connect();
  return {
    query: async (text, values) => (await client.query({ text, values })).rows,
    close: () => client.end(),
  };
}
