import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One amendment of a case's lead actors and partners (append only; the case row holds the current lists). */
@Entity('case_party_amendments')
export class CasePartyAmendmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  /** 1 for the first amendment of the case, then 2, … */
  @Column('int')
  seq!: number;

  @Column('jsonb', { name: 'lead_actors_before' })
  leadActorsBefore!: string[];

  @Column('jsonb', { name: 'partners_before' })
  partnersBefore!: string[];

  @Column('jsonb', { name: 'lead_actors' })
  leadActors!: string[];

  @Column('jsonb')
  partners!: string[];

  @Column('text')
  reason!: string;

  @Column('uuid', { name: 'amended_by' })
  amendedBy!: string;

  @Column('timestamptz', { name: 'amended_at' })
  amendedAt!: Date;

  /** From the request id: a retried request finds its amendment instead of making a second. */
  @Column('text', { name: 'idempotency_key', unique: true })
  idempotencyKey!: string;
}
