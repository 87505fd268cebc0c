import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

/**
 * bigint cents ⇄ number: PostgreSQL returns bigint as text; a cent amount stays exact in a JS number
 * up to 2^53 (90 trillion euro), and the conversion refuses anything beyond.
 */
export const CENTS: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${value} is beyond exact integer range`);
    return n;
  },
};

@Entity('budget_lines')
export class BudgetLineEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @PrimaryColumn('text', { name: 'instrument_code' }) instrumentCode!: string;
  @Column('bigint', { name: 'earmarked_cents', transformer: CENTS }) earmarkedCents!: number;
  @Column('bigint', { name: 'released_cents', transformer: CENTS }) releasedCents!: number;
}

export type ReleaseStatus = 'requested' | 'approved' | 'sent_back' | 'refused' | 'superseded';

/** A tranche release requested against one instrument's earmark. */
@Entity('budget_releases')
export class BudgetReleaseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'instrument_code' }) instrumentCode!: string;
  @Column('bigint', { name: 'amount_cents', transformer: CENTS }) amountCents!: number;
  @Column('text') justification!: string;
  /** The milestone or dialogue outcome the release rests on. */
  @Column('text') basis!: string;
  @Column('uuid', { name: 'requested_by' }) requestedBy!: string;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('text') status!: ReleaseStatus;
  @Column('uuid', { name: 'approval_id', nullable: true }) approvalId!: string | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}

export type MovementKind = 'earmark' | 'release' | 'unearmark';

/** One booked movement of money; never changed. */
@Entity('budget_movements')
export class BudgetMovementEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'instrument_code' }) instrumentCode!: string;
  @Column('text') kind!: MovementKind;
  @Column('bigint', { name: 'amount_cents', transformer: CENTS }) amountCents!: number;
  @Column('uuid', { name: 'release_id', nullable: true }) releaseId!: string | null;
  @Column('text') reference!: string;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}
