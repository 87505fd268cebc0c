/**
 * Long audit chains for benchmarks, appended in bulk the way AuditService.append appends one event:
 * under the stream's advisory lock, from the stream's head, each hash from `eventHash`. Thousands of
 * events then take seconds instead of the hours that as many commands would.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { caseStream, eventHash, GENESIS_HASH, type ChainedFields } from '@cluster/audit';
import { DEMO_USERS } from '@cluster/reference-data';
import { throwIfInterrupted } from './abort';

const INSERT_BATCH = 2000;

/** What differs between the events of a chain; the rest (actor, ids, times) is filled in. */
export type EventContent = Pick<ChainedFields, 'action' | 'reason' | 'payload' | 'documentHashes'>;

/**
 * Appends `count` events to the case's chain (after whatever it already holds) as the account
 * manager, one minute apart from `firstAt`; `onBatch` hears how many are in after each batch.
 */
export async function appendChain(
  appUrl: string,
  caseId: string,
  count: number,
  content: (seq: number) => EventContent,
  options: { firstAt?: number; onBatch?: (appended: number) => void } = {},
): Promise<{ seq: number; hash: string }> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  const actor = DEMO_USERS.find((u) => u.subject === 'handler')!;
  const stream = caseStream(caseId);
  const firstAt = options.firstAt ?? Date.UTC(2026, 0, 1);
  let head = { seq: 0, hash: GENESIS_HASH };
  try {
    for (let done = 0; done < count; ) {
      throwIfInterrupted();
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [stream]);
      const { rows } = await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events WHERE stream = $1 ORDER BY seq DESC LIMIT 1', [stream]);
      head = rows[0] ?? { seq: 0, hash: GENESIS_HASH };
      const last = head.seq + Math.min(INSERT_BATCH, count - done);
      const columns: unknown[][] = Array.from({ length: 17 }, () => []);
      for (let seq = head.seq + 1; seq <= last; seq++) {
        const fields: ChainedFields = {
          stream,
          seq,
          caseId,
          occurredAt: new Date(firstAt + seq * 60_000),
          actorId: actor.id,
          actorName: actor.displayName,
          actorRole: 'case_handler',
          organisation: actor.organisation,
          ...content(seq),
          requestId: randomUUID(),
          workflowId: `case-${caseId}`,
          idempotencyKey: `bench:${caseId}:${seq}`,
          prevHash: head.hash,
        };
        const hash = eventHash(fields);
        head = { seq, hash };
        const row = [fields.stream, fields.seq, fields.caseId, fields.occurredAt.toISOString(), fields.actorId, fields.actorName, fields.actorRole, fields.organisation,
          fields.action, fields.reason, JSON.stringify(fields.payload), JSON.stringify(fields.documentHashes), fields.requestId, fields.workflowId, fields.idempotencyKey, fields.prevHash, hash];
        row.forEach((v, i) => columns[i]!.push(v));
      }
      await client.query(
        `INSERT INTO audit_events (stream, seq, case_id, occurred_at, actor_id, actor_name, actor_role, organisation, action, reason, payload, document_hashes, request_id, workflow_id, idempotency_key, prev_hash, hash)
         SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])`,
        columns,
      );
      await client.query('COMMIT');
      done += columns[0]!.length;
      options.onBatch?.(done);
    }
    return head;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
