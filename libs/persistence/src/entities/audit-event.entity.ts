import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audit event. Append-only in the database (trigger + privileges); each stream (a case, or
 * "system") is a SHA-256 hash chain: `hash` covers the event's fields and `prev_hash`.
 */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  stream!: string;

  @Column('int')
  seq!: number;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text', { name: 'actor_name' })
  actorName!: string;

  @Column('text', { name: 'actor_role' })
  actorRole!: string;

  @Column('text')
  organisation!: string;

  @Column('text')
  action!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  /** Document versions (by SHA-256) this event refers to. */
  @Column('jsonb', { name: 'document_hashes' })
  documentHashes!: string[];

  @Column('text', { name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column('text', { name: 'workflow_id', nullable: true })
  workflowId!: string | null;

  @Column('text', { name: 'idempotency_key', nullable: true, unique: true })
  idempotencyKey!: string | null;

  @Column('text', { name: 'prev_hash' })
  prevHash!: string;

  @Column('text')
  hash!: string;
}
