import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A proposed (then approved or sent back) selection of a call's candidates; checks in migration 1765958400000. */
@Entity('call_selections')
export class CallSelectionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'call_id' }) callId!: string;
  @Column('text') status!: 'proposed' | 'approved' | 'sent_back';
  @Column('uuid', { array: true }) selected!: string[];
  @Column('jsonb', { name: 'not_selected' }) notSelected!: { caseId: string; reason: string }[];
  @Column('jsonb') outcomes!: { caseId: string; outcome: 'selected' | 'not_selected'; reason: string }[];
  @Column('text') reason!: string;
  /** The candidates side by side as the proposer saw them. */
  @Column('jsonb') comparison!: object;
  @Column('text', { name: 'comparison_sha256' }) comparisonSha256!: string;
  @Column('uuid', { name: 'proposed_by' }) proposedBy!: string;
  @Column('timestamptz', { name: 'proposed_at' }) proposedAt!: Date;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('text', { name: 'idempotency_key', unique: true }) idempotencyKey!: string;
}
