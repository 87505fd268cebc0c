import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A call for spearhead clusters (libs/domain/src/call.ts); its checks are in migration 1765872000000. */
@Entity('calls')
export class CallEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('date', { name: 'period_start' })
  periodStart!: string;

  @Column('date', { name: 'period_end' })
  periodEnd!: string;

  @Column('date', { name: 'submission_deadline' })
  submissionDeadline!: string;

  /** The end of the deadline day, moved to the next working day on the legal calendar. */
  @Column('timestamptz', { name: 'registration_closes_at' })
  registrationClosesAt!: Date;

  @Column('int', { name: 'max_selected' })
  maxSelected!: number;

  @Column('jsonb')
  envelopes!: { instrumentCode: string; amountCents: number }[];

  @Column('text')
  status!: 'open' | 'registration_closed' | 'selection_decided';

  /** The reference data in force when it was opened (instruments, calendar). */
  @Column('int', { name: 'policy_version' })
  policyVersion!: number;

  @Column('uuid', { name: 'opened_by' })
  openedBy!: string;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('text', { name: 'idempotency_key', unique: true })
  idempotencyKey!: string;
}
