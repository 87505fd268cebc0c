import type { AuditEventEntity } from '../entities';

/**
 * The audit table's columns under the entity's property names, for raw SQL: reading events this
 * way skips TypeORM's entity building, which cost more than the hashing when a 100,000-event
 * chain is verified or exported. `a` is the table's alias in the query.
 */
export const AUDIT_EVENT_COLUMNS = `a.id, a.stream, a.seq, a.case_id AS "caseId", a.occurred_at AS "occurredAt", a.actor_id AS "actorId",
  a.actor_name AS "actorName", a.actor_role AS "actorRole", a.organisation, a.action, a.reason, a.payload,
  a.document_hashes AS "documentHashes", a.request_id AS "requestId", a.workflow_id AS "workflowId",
  a.idempotency_key AS "idempotencyKey", a.prev_hash AS "prevHash", a.hash`;

/** The driver gives bigint as text (as the entity keeps the id) and the rest already typed; only seq is made a number. */
export function auditEventOf(row: AuditEventEntity): AuditEventEntity {
  row.seq = Number(row.seq);
  return row;
}
